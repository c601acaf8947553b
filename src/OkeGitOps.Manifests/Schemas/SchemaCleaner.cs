using System.Text.Json;
using System.Text.Json.Nodes;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Copies a structural schema while dropping upstream prose (<c>description</c>, <c>title</c>, <c>example</c>,
/// <c>externalDocs</c>) wherever it is a schema keyword, never where it is a property name or data inside
/// <c>default</c>/<c>enum</c>. Everything structural and every <c>x-kubernetes-*</c> key is kept. Along the way it
/// checks that schema positions hold schemas and that common keywords have the right type.
/// </summary>
/// <remarks>
/// With OpenAPI components it also inlines <c>$ref</c>, including Kubernetes' <c>allOf: [{$ref}]</c> wrapper whose
/// siblings (such as <c>default</c>) are merged over the referenced schema. A reference back to a schema that is
/// already being inlined (recursion) becomes <c>{"x-kubernetes-preserve-unknown-fields": true}</c>: the value is
/// accepted as it is at that depth instead of failing the import.
/// </remarks>
internal sealed class SchemaCleaner
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "description", "title", "example", "examples", "externalDocs", "$comment",
        // Identity, recorded in the file header instead; repeated on every inlined apimachinery type otherwise.
        "x-kubernetes-group-version-kind",
    };

    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "$defs", "dependentSchemas",
    };

    private static readonly HashSet<string> SchemaLists = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems" };

    private static readonly HashSet<string> SchemaOrBoolean = new(StringComparer.Ordinal)
    {
        "additionalProperties", "additionalItems", "unevaluatedProperties", "unevaluatedItems",
    };

    private static readonly HashSet<string> SingleSchemas = new(StringComparer.Ordinal)
    {
        "not", "if", "then", "else", "contains", "propertyNames",
    };

    private static readonly HashSet<string> Counts = new(StringComparer.Ordinal)
    {
        "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties",
    };

    private static readonly HashSet<string> Numbers = new(StringComparer.Ordinal) { "minimum", "maximum", "multipleOf" };

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal)
    {
        "nullable", "uniqueItems", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource",
    };

    private static readonly HashSet<string> Strings = new(StringComparer.Ordinal)
    {
        "pattern", "format", "x-kubernetes-list-type", "x-kubernetes-map-type",
    };

    private static readonly HashSet<string> StringLists = new(StringComparer.Ordinal) { "required", "x-kubernetes-list-map-keys" };

    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "object", "array", "string", "integer", "number", "boolean", "null",
    };

    private readonly Func<NodePath, SourceLocation?> _locate;
    private readonly OpenApiComponents? _components;
    private readonly List<string> _refStack = [];

    /// <summary>Creates a cleaner.</summary>
    /// <param name="locate">Maps a path to a source location for error messages.</param>
    /// <param name="components">OpenAPI components for <c>$ref</c>; <c>null</c> for CRDs, where <c>$ref</c> is an error.</param>
    public SchemaCleaner(Func<NodePath, SourceLocation?> locate, OpenApiComponents? components = null)
    {
        _locate = locate;
        _components = components;
    }

    /// <summary>The placeholder that stands for a recursive reference.</summary>
    public static JsonObject RecursionPlaceholder() => new() { ["x-kubernetes-preserve-unknown-fields"] = true };

    /// <summary>Cleans a named OpenAPI component, inlining what it references.</summary>
    public JsonObject CleanComponent(string name)
    {
        if (_components is null) throw new InvalidOperationException("No OpenAPI components to resolve from.");
        _refStack.Add(name);
        try
        {
            return Clean(_components.Get(name), OpenApiComponents.PathOf(name));
        }
        finally
        {
            _refStack.RemoveAt(_refStack.Count - 1);
        }
    }

    /// <summary>Cleans one schema found at <paramref name="path"/>.</summary>
    /// <exception cref="SchemaImportException">The schema has the wrong shape or a broken reference.</exception>
    public JsonObject Clean(JsonNode? node, NodePath path)
    {
        if (node is not JsonObject obj)
            throw Error(SchemaRules.NotObject, $"expected a schema (a mapping) here, found {Describe(node)}", path);

        if (obj.TryGetPropertyValue("$ref", out var reference))
        {
            if (_components is null)
                throw Error(SchemaRules.BadRef, "a CRD schema cannot use $ref (the API server rejects it)", path.Key("$ref"));
            return MergeOver(Resolve(reference, path.Key("$ref")), CleanKeywords(obj, path, skip: "$ref"));
        }
        if (_components is not null && IsRefWrapper(obj, out var wrapped))
            return MergeOver(Resolve(wrapped, path.Key("allOf").Index(0).Key("$ref")), CleanKeywords(obj, path, skip: "allOf"));

        return CleanKeywords(obj, path, skip: null);
    }

    private static bool IsRefWrapper(JsonObject obj, out JsonNode? reference)
    {
        reference = null;
        if (obj["allOf"] is not JsonArray { Count: 1 } all || all[0] is not JsonObject only) return false;
        if (!only.TryGetPropertyValue("$ref", out reference)) return false;
        return only.All(p => p.Key == "$ref" || Dropped.Contains(p.Key));
    }

    private static JsonObject MergeOver(JsonObject resolved, JsonObject siblings)
    {
        var entries = siblings.ToList();
        siblings.Clear();
        foreach (var (key, value) in entries) resolved[key] = value;
        return resolved;
    }

    private JsonObject Resolve(JsonNode? reference, NodePath at)
    {
        if (reference is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            throw Error(SchemaRules.BadRef, $"$ref must be a string, found {Describe(reference)}", at);
        var text = value.GetValue<string>();
        var name = OpenApiComponents.NameOf(text)
            ?? throw Error(SchemaRules.BadRef, $"$ref '{text}' does not point into #/components/schemas/", at);
        if (OpenApiComponents.Replacement(name) is { } replacement) return replacement;
        if (_refStack.Contains(name, StringComparer.Ordinal)) return RecursionPlaceholder();
        if (!_components!.Contains(name))
            throw Error(SchemaRules.BadRef, $"$ref '{text}' names a schema that components.schemas does not define", at);
        _refStack.Add(name);
        try
        {
            return Clean(_components.Get(name), OpenApiComponents.PathOf(name));
        }
        finally
        {
            _refStack.RemoveAt(_refStack.Count - 1);
        }
    }

    private JsonObject CleanKeywords(JsonObject obj, NodePath path, string? skip)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key == skip || Dropped.Contains(key)) continue;
            var at = path.Key(key);
            if (SchemaMaps.Contains(key))
            {
                if (value is not JsonObject map)
                    throw Error(SchemaRules.BadKeyword, $"'{key}' must map names to schemas, found {Describe(value)}", at);
                var cleaned = new JsonObject();
                foreach (var (name, schema) in map) cleaned[name] = Clean(schema, at.Key(name));
                result[key] = cleaned;
            }
            else if (key == "items")
            {
                result[key] = value is JsonArray tuple ? CleanList(tuple, at) : Clean(value, at);
            }
            else if (SchemaLists.Contains(key))
            {
                if (value is not JsonArray list)
                    throw Error(SchemaRules.BadKeyword, $"'{key}' must be a list of schemas, found {Describe(value)}", at);
                result[key] = CleanList(list, at);
            }
            else if (SchemaOrBoolean.Contains(key))
            {
                result[key] = IsKind(value, JsonValueKind.True) || IsKind(value, JsonValueKind.False) ? value!.DeepClone() : Clean(value, at);
            }
            else if (SingleSchemas.Contains(key))
            {
                result[key] = Clean(value, at);
            }
            else
            {
                CheckKeyword(key, value, at);
                result[key] = value?.DeepClone();
            }
        }
        return result;
    }

    private JsonArray CleanList(JsonArray list, NodePath at)
    {
        var cleaned = new JsonArray();
        for (var i = 0; i < list.Count; i++) cleaned.Add((JsonNode)Clean(list[i], at.Index(i)));
        return cleaned;
    }

    private void CheckKeyword(string key, JsonNode? value, NodePath at)
    {
        string? expected = null;
        if (key == "type")
        {
            if (!IsKind(value, JsonValueKind.String) || !Types.Contains(value!.GetValue<string>()))
                expected = "one of object, array, string, integer, number, boolean";
        }
        else if (Counts.Contains(key))
        {
            if (!IsKind(value, JsonValueKind.Number) || !value!.AsValue().TryGetValue<long>(out var n) || n < 0)
                expected = "a whole number of zero or more";
        }
        else if (Numbers.Contains(key))
        {
            if (!IsKind(value, JsonValueKind.Number)) expected = "a number";
        }
        else if (Booleans.Contains(key))
        {
            if (!IsKind(value, JsonValueKind.True) && !IsKind(value, JsonValueKind.False)) expected = "true or false";
        }
        else if (Strings.Contains(key))
        {
            if (!IsKind(value, JsonValueKind.String)) expected = "a string";
        }
        else if (StringLists.Contains(key))
        {
            if (value is not JsonArray list || list.Any(item => !IsKind(item, JsonValueKind.String))) expected = "a list of strings";
        }
        else if (key == "enum")
        {
            if (value is not JsonArray) expected = "a list of values";
        }
        else if (key == "x-kubernetes-validations")
        {
            if (value is not JsonArray rules || rules.Any(r => r is not JsonObject rule || !IsKind(rule["rule"], JsonValueKind.String)))
                expected = "a list of rules, each with a string 'rule'";
        }
        if (expected is not null)
            throw Error(SchemaRules.BadKeyword, $"'{key}' must be {expected}, found {Describe(value)}", at);
    }

    private static bool IsKind(JsonNode? node, JsonValueKind kind) => node is JsonValue && node.GetValueKind() == kind;

    /// <summary>Names what a node holds, for messages: <c>a string ("x")</c>, <c>a list</c>, <c>null</c>.</summary>
    internal static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "a mapping",
        JsonArray => "a list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => $"a string (\"{Shorten(node.GetValue<string>())}\")",
            JsonValueKind.Number => $"a number ({node.ToJsonString()})",
            JsonValueKind.True or JsonValueKind.False => $"a boolean ({node.ToJsonString()})",
            _ => node.ToJsonString(),
        },
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";

    private SchemaImportException Error(string rule, string message, NodePath path)
        => new(Diagnostic.Error(rule, message, path, _locate(path)));
}
