using System.Text.Json;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Import-time check that each imported <c>openAPIV3Schema</c> is a well-formed JSON Schema in the places the cleaner
/// does not already check: keywords whose value may be of two types (<c>exclusiveMinimum</c> and
/// <c>exclusiveMaximum</c>: a boolean in OpenAPI 3.0, a number in later drafts).
/// </summary>
/// <remarks>
/// It walks the schema with System.Text.Json alone, so it costs microseconds and runs in the Native AOT tool.
/// NJsonSchema, the project's reference engine, is too slow for an import and needs reflection; the tests hold every
/// committed schema to it instead (<c>CommittedSchemasLoadInNJsonSchema</c>).
/// </remarks>
internal static class JsonSchemaCheck
{
    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "$defs", "dependentSchemas",
    };

    private static readonly HashSet<string> SchemaValues = new(StringComparer.Ordinal)
    {
        "items", "additionalProperties", "additionalItems", "unevaluatedProperties", "unevaluatedItems",
        "not", "if", "then", "else", "contains", "propertyNames", "allOf", "anyOf", "oneOf", "prefixItems",
    };

    /// <summary>Checks every schema; on failure throws for the first failing one in list order.</summary>
    /// <exception cref="SchemaImportException">A schema is not well-formed.</exception>
    public static void Verify(IReadOnlyList<ImportedSchema> schemas)
    {
        foreach (var imported in schemas)
        {
            if (imported.Schema.OpenApiV3Schema is not { } schema) continue;
            if (Check(schema, NodePath.Root.Key("openAPIV3Schema")) is not { } problem) continue;
            throw new SchemaImportException(Diagnostic.Error(
                SchemaRules.NotJsonSchema,
                $"the schema of {imported.Schema.ApiVersion} {imported.Schema.Kind} is not a well-formed JSON Schema: {problem.Message}",
                problem.Path,
                imported.SourceFile is null ? null : new SourceLocation(imported.SourceFile, 1, 1),
                "write exclusiveMinimum and exclusiveMaximum as true or false next to minimum and maximum, as Kubernetes does"));
        }
    }

    private static (string Message, NodePath Path)? Check(JsonElement schema, NodePath path)
    {
        if (schema.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in schema.EnumerateArray())
            {
                if (Check(item, path.Index(i++)) is { } found) return found;
            }
            return null;
        }
        if (schema.ValueKind != JsonValueKind.Object) return null;
        foreach (var p in schema.EnumerateObject())
        {
            var at = path.Key(p.Name);
            if (p.Name is "exclusiveMinimum" or "exclusiveMaximum")
            {
                if (p.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number))
                    return ($"'{p.Name}' must be true, false or a number, found {Describe(p.Value)}", at);
            }
            else if (SchemaMaps.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var child in p.Value.EnumerateObject())
                {
                    if (Check(child.Value, at.Key(child.Name)) is { } found) return found;
                }
            }
            else if (SchemaValues.Contains(p.Name) && Check(p.Value, at) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"a string (\"{e.GetString()}\")",
        JsonValueKind.Object => "a mapping",
        JsonValueKind.Array => "a list",
        JsonValueKind.Null => "null",
        _ => e.GetRawText(),
    };
}
