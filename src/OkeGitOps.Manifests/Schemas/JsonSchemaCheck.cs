using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Import-time sanity check: each imported <c>openAPIV3Schema</c> must load as a JSON Schema document in NJsonSchema.
/// It is slow (up to seconds for the large CRDs), so it runs when schemas are imported, never when manifests are validated.
/// </summary>
internal static class JsonSchemaCheck
{
    /// <summary>Checks every schema; on failure throws for the first failing one in list order.</summary>
    /// <exception cref="SchemaImportException">A schema does not load as JSON Schema.</exception>
    public static void Verify(IReadOnlyList<ImportedSchema> schemas)
    {
        var failures = new Diagnostic?[schemas.Count];
        Parallel.For(0, schemas.Count, i => failures[i] = Check(schemas[i]));
        var first = failures.FirstOrDefault(d => d is not null);
        if (first is not null) throw new SchemaImportException(first);
    }

    private static Diagnostic? Check(ImportedSchema imported)
    {
        if (imported.Schema.OpenApiV3Schema is not { } schema) return null;
        try
        {
            _ = NJsonSchema.JsonSchema.FromJsonAsync(schema.GetRawText()).GetAwaiter().GetResult();
            return null;
        }
#pragma warning disable CA1031 // NJsonSchema reports problems with many exception types; each becomes a diagnostic.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var reasons = new List<string>();
            for (var inner = e; inner is not null; inner = inner.InnerException) reasons.Add(inner.Message.Split('\n')[0].Trim());
            return Diagnostic.Error(
                SchemaRules.NotJsonSchema,
                $"the schema of {imported.Schema.ApiVersion} {imported.Schema.Kind} is not a well-formed JSON Schema: {string.Join(" ", reasons)}",
                NodePath.Root.Key("openAPIV3Schema"),
                imported.SourceFile is null ? null : new SourceLocation(imported.SourceFile, 1, 1));
        }
    }
}
