using System.Text.Json;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Tests.Validation;

/// <summary>An in-memory schema source for tests: a list of schemas plus an optional ObjectMeta schema.</summary>
internal sealed class TestSchemaSource : ISchemaSource
{
    private readonly Dictionary<(string, string), ResourceSchema> _byKey = new();
    private readonly List<ResourceSchema> _all;

    public TestSchemaSource(IEnumerable<ResourceSchema> schemas, JsonElement? objectMeta)
    {
        _all = schemas.ToList();
        foreach (var s in _all) _byKey[(s.ApiVersion, s.Kind)] = s;
        ObjectMeta = objectMeta;
    }

    public ResourceSchema? Find(string apiVersion, string kind) => _byKey.GetValueOrDefault((apiVersion, kind));

    public IEnumerable<(string ApiVersion, string Kind)> Kinds => _all.Select(s => (s.ApiVersion, s.Kind));

    /// <summary>Served versions, GA first, then beta, then alpha (newer first within each).</summary>
    public IReadOnlyList<string> ServedVersions(string group, string kind)
        => _all.Where(s => s.Group == group && s.Kind == kind && s.Served)
            .Select(s => s.Version)
            .OrderBy(v => v.Contains("alpha") ? 2 : v.Contains("beta") ? 1 : 0)
            .ThenByDescending(v => v, StringComparer.Ordinal)
            .ToList();

    public JsonElement? ObjectMeta { get; }
}
