using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Validation.CrossCheck;

/// <summary>One version of one kind as upstream publishes it: identity plus the original <c>openAPIV3Schema</c>.</summary>
internal sealed record UpstreamKind(string Group, string Version, string Kind, ResourceScope Scope, bool Served, bool Storage, bool Deprecated, JsonObject Original)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";
}

/// <summary>
/// Reads the upstream CRDs and core OpenAPI from <c>../shared/upstream</c> (test data, never committed) and turns
/// their schemas into the strict JSON Schema that NJsonSchema checks documents against.
/// </summary>
internal static class UpstreamSchemas
{
    private static readonly YamlReaderOptions BigYaml = new() { MaxDepth = 1000, MaxDocumentChars = 64 * 1024 * 1024 };

    public static string? Dir => TestPaths.UpstreamDir;

    public static string NoUpstreamReason => TestPaths.NoUpstreamReason;

    /// <summary>Every version in a CRD file (path relative to the upstream folder).</summary>
    public static IReadOnlyList<UpstreamKind> Crd(string relativePath)
    {
        var path = Path.Combine(Dir!, relativePath);
        var doc = YamlReader.ReadFile(path, BigYaml).Single();
        var crd = (JsonObject)JsonNode.Parse(TreeJson.ToJson(doc.Root))!;
        var spec = crd["spec"]!.AsObject();
        var group = spec["group"]!.GetValue<string>();
        var kind = spec["names"]!["kind"]!.GetValue<string>();
        var scope = spec["scope"]!.GetValue<string>() == "Cluster" ? ResourceScope.Cluster : ResourceScope.Namespaced;
        var result = new List<UpstreamKind>();
        foreach (var v in spec["versions"]!.AsArray())
        {
            var version = v!.AsObject();
            result.Add(new UpstreamKind(group, version["name"]!.GetValue<string>(), kind, scope,
                version["served"]!.GetValue<bool>(), version["storage"]!.GetValue<bool>(),
                version["deprecated"]?.GetValue<bool>() ?? false,
                version["schema"]!["openAPIV3Schema"]!.AsObject()));
        }
        return result;
    }

    /// <summary>The served storage version of a CRD.</summary>
    public static UpstreamKind CrdStorage(string relativePath) => Crd(relativePath).Single(k => k.Storage && k.Served);

    private static JsonObject? _components;

    private static JsonObject Components()
        => _components ??= JsonNode.Parse(File.ReadAllText(Path.Combine(Dir!, "k8s", "core-v1-subset.components.json")))!["components"]!["schemas"]!.AsObject();

    /// <summary>A core/v1 kind from the OpenAPI subset, with every <c>$ref</c> inlined and nothing else changed.</summary>
    public static UpstreamKind Core(string kind)
    {
        var schema = Inline(Components()[$"io.k8s.api.core.v1.{kind}"]!.DeepClone()).AsObject();
        schema.Remove("x-kubernetes-group-version-kind");
        return new UpstreamKind("", "v1", kind, kind == "Namespace" ? ResourceScope.Cluster : ResourceScope.Namespaced, true, true, false, schema);
    }

    private static readonly ConcurrentDictionary<string, JsonObject> KubernetesDocuments = new();

    /// <summary>The path of the OpenAPI document of a group/version in a Kubernetes version's folder.</summary>
    private static string KubernetesDocument(string version, string apiVersion)
    {
        var slash = apiVersion.IndexOf('/');
        return slash < 0
            ? Path.Combine(Dir!, "k8s", "openapi", version, "api", apiVersion + ".json")
            : Path.Combine(Dir!, "k8s", "openapi", version, "apis", apiVersion[..slash], apiVersion[(slash + 1)..] + ".json");
    }

    /// <summary>
    /// A built-in kind as Kubernetes <paramref name="version"/> publishes it in its own OpenAPI document, with every
    /// <c>$ref</c> inlined (a reference back into itself accepts anything, as our importer writes it) and nothing else
    /// changed.
    /// </summary>
    public static UpstreamKind Kubernetes(string version, string apiVersion, string kind, ResourceScope scope)
    {
        var path = KubernetesDocument(version, apiVersion);
        var components = KubernetesDocuments.GetOrAdd(path, p => JsonNode.Parse(File.ReadAllText(p))!["components"]!["schemas"]!.AsObject());
        var (group, v) = apiVersion.Contains('/') ? (apiVersion[..apiVersion.IndexOf('/')], apiVersion[(apiVersion.IndexOf('/') + 1)..]) : ("", apiVersion);
        var name = components.First(c => c.Value!["x-kubernetes-group-version-kind"] is JsonArray gvks
            && gvks.Any(g => g!["group"]!.GetValue<string>() == group && g["version"]!.GetValue<string>() == v && g["kind"]!.GetValue<string>() == kind)).Key;
        var schema = InlineFrom(components, components[name]!.DeepClone(), [name]).AsObject();
        schema.Remove("x-kubernetes-group-version-kind");
        return new UpstreamKind(group, v, kind, scope, true, true, false, schema);
    }

    private static JsonNode InlineFrom(JsonObject components, JsonNode node, List<string> stack)
    {
        JsonNode Resolve(string reference)
        {
            var name = reference.Split('/')[^1];
            if (stack.Contains(name)) return new JsonObject();
            stack.Add(name);
            var resolved = InlineFrom(components, components[name]!.DeepClone(), stack);
            stack.RemoveAt(stack.Count - 1);
            return resolved;
        }

        // A property may be named "$ref" (CustomResourceDefinition's JSONSchemaProps): only a string is a reference.
        switch (node)
        {
            case JsonObject o when o["$ref"] is JsonValue reference && reference.GetValueKind() == JsonValueKind.String:
                return Resolve(reference.GetValue<string>());
            case JsonObject o when o["allOf"] is JsonArray { Count: 1 } all && all[0]!["$ref"] is JsonValue inner && inner.GetValueKind() == JsonValueKind.String:
            {
                var resolved = Resolve(inner.GetValue<string>()).AsObject();
                foreach (var (key, value) in o)
                {
                    if (key != "allOf" && key != "default") resolved[key] = InlineFrom(components, value!.DeepClone(), stack);
                }
                return resolved;
            }
            case JsonObject o:
            {
                var copy = new JsonObject();
                foreach (var (key, value) in o) copy[key] = value is null ? null : InlineFrom(components, value.DeepClone(), stack);
                return copy;
            }
            case JsonArray a:
                return new JsonArray(a.Select(i => i is null ? null : InlineFrom(components, i.DeepClone(), stack)).ToArray());
            default:
                return node.DeepClone();
        }
    }

    private static JsonNode Inline(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o when o["$ref"] is { } reference:
                return Resolve(reference.GetValue<string>());
            case JsonObject o when o["allOf"] is JsonArray { Count: 1 } all && all[0]!["$ref"] is { } inner:
            {
                var resolved = Resolve(inner.GetValue<string>()).AsObject();
                foreach (var (key, value) in o)
                {
                    if (key != "allOf" && key != "default") resolved[key] = Inline(value!.DeepClone());
                }
                return resolved;
            }
            case JsonObject o:
            {
                var copy = new JsonObject();
                foreach (var (key, value) in o) copy[key] = value is null ? null : Inline(value.DeepClone());
                return copy;
            }
            case JsonArray a:
                return new JsonArray(a.Select(i => i is null ? null : Inline(i.DeepClone())).ToArray());
            default:
                return node.DeepClone();
        }
    }

    private static JsonNode Resolve(string reference) => Inline(Components()[reference.Split('/')[^1]]!.DeepClone());

    /// <summary>
    /// The original schema as strict JSON Schema, so that NJsonSchema judges what the API server would: objects
    /// reject fields they do not declare (unless <c>x-kubernetes-preserve-unknown-fields</c> or
    /// <c>additionalProperties</c> says otherwise; junctor branches only add value checks), int-or-string is
    /// <c>type: [integer, string]</c>, <c>nullable</c> adds <c>null</c>, and sets are <c>uniqueItems</c>.
    /// The root's <c>metadata</c> accepts anything: ObjectMeta is the API server's own business, and the
    /// generated documents carry a valid one.
    /// </summary>
    public static string ToStrictJsonSchema(JsonObject original)
    {
        var strict = Strict(original, inJunctor: false).AsObject();
        if (strict["properties"] is JsonObject properties && properties.ContainsKey("metadata"))
            properties["metadata"] = new JsonObject { ["type"] = "object" };
        return strict.ToJsonString();
    }

    private static readonly string[] Junctors = ["allOf", "anyOf", "oneOf"];

    private static JsonNode Strict(JsonNode node, bool inJunctor)
    {
        if (node is not JsonObject o) return node.DeepClone();
        var result = new JsonObject();
        var intOrString = Bool(o, "x-kubernetes-int-or-string") || Str(o, "format") == "int-or-string";
        var preserve = Bool(o, "x-kubernetes-preserve-unknown-fields");
        foreach (var (key, value) in o)
        {
            if (value is null || key is "description" or "default" or "example" or "nullable" || key.StartsWith("x-kubernetes-", StringComparison.Ordinal)) continue;
            switch (key)
            {
                case "properties":
                    result[key] = new JsonObject(value.AsObject().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Strict(p.Value!, inJunctor))));
                    break;
                case "items":
                case "additionalProperties" when value is JsonObject:
                    result[key] = Strict(value, inJunctor);
                    break;
                case "not":
                    result[key] = Strict(value, inJunctor: true);
                    break;
                case "format" when intOrString:
                    break;
                case "oneOf" or "anyOf" when intOrString:
                    break;
                default:
                    result[key] = Junctors.Contains(key)
                        ? new JsonArray(value.AsArray().Select(b => (JsonNode?)Strict(b!, inJunctor: true)).ToArray())
                        : value.DeepClone();
                    break;
            }
        }
        if (intOrString) result["type"] = new JsonArray("integer", "string");
        if (Bool(o, "nullable"))
        {
            if (result["type"] is JsonValue t) result["type"] = new JsonArray(t.GetValue<string>(), "null");
            else if (result["type"] is JsonArray types && !types.Any(x => x!.GetValue<string>() == "null")) types.Add("null");
            if (result["enum"] is JsonArray values) values.Add(null);
        }
        if (Str(o, "x-kubernetes-list-type") == "set") result["uniqueItems"] = true;
        var isObject = result["type"] is JsonValue tv && tv.GetValue<string>() == "object";
        if (!inJunctor && isObject && !preserve && !o.ContainsKey("additionalProperties")) result["additionalProperties"] = false;
        return result;
    }

    public static string? Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Bool(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>A schema element from a JSON object, for building <see cref="ResourceSchema"/> instances in tests.</summary>
    public static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
}
