using OkeGitOps.Manifests.Schemas;

namespace OkeGitOps.Manifests.Tests.Schemas;

/// <summary>
/// The import-time self-check against NJsonSchema, the project's reference engine, lives here rather than in the
/// library: NJsonSchema needs reflection (so it cannot be in the Native AOT tool) and takes seconds for the large CRDs.
/// </summary>
public class NJsonSchemaReferenceTests
{
    [Fact]
    public void Every_embedded_schema_loads_in_njsonschema()
    {
        var registry = SchemaRegistry.Default;
        var schemas = registry.Kinds
            .Select(k => (Name: $"{k.ApiVersion} {k.Kind}", Schema: registry.Find(k.ApiVersion, k.Kind)!.OpenApiV3Schema))
            .Where(s => s.Schema is not null)
            .ToList();
        Assert.True(schemas.Count >= 10, $"only {schemas.Count} embedded schemas found");

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(schemas, s =>
        {
            try
            {
                _ = NJsonSchema.JsonSchema.FromJsonAsync(s.Schema!.Value.GetRawText()).GetAwaiter().GetResult();
            }
#pragma warning disable CA1031 // every failure is collected and reported
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"{s.Name}: {e.Message.Split('\n')[0]}");
            }
        });
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Njsonschema_rejects_the_exclusive_bound_the_importer_rejects()
    {
        // Guards that the reference engine and JsonSchemaCheck agree on the case the importer checks itself.
        var ex = Assert.ThrowsAny<Exception>(() =>
            NJsonSchema.JsonSchema.FromJsonAsync("""{"type":"object","properties":{"size":{"type":"integer","exclusiveMinimum":"lots"}}}""").GetAwaiter().GetResult());
        Assert.NotNull(ex);
    }
}
