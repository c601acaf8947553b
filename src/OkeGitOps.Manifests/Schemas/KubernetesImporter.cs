using System.Globalization;
using System.Text.Json.Nodes;
using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Imports every kind that several Kubernetes versions serve, from one folder of OpenAPI v3 documents per version
/// (<c>&lt;version&gt;/api/v1.json</c> and <c>&lt;version&gt;/apis/&lt;group&gt;/&lt;version&gt;.json</c>, the layout an API
/// server serves at <c>/openapi/v3</c>), deduplicated across versions.
/// </summary>
/// <remarks>
/// <para>
/// Each group/version/kind gets its usual file, <c>&lt;group&gt;/&lt;version&gt;/&lt;kind&gt;.json</c>, with the shape the newest
/// Kubernetes version serving it has. An older version whose shape differs gets its own file under
/// <c>kubernetes/&lt;version&gt;/</c>, named after the newest version that has exactly that shape, so a shape is stored once.
/// </para>
/// <para>
/// <c>kubernetes/index.json</c> records which file each Kubernetes version serves for each apiVersion and kind; the
/// validator derives from it which apiVersions a version removed, deprecated or does not serve yet.
/// </para>
/// </remarks>
internal static class KubernetesImporter
{
    /// <summary>The folder, below a schemas folder, of per-version shapes and the index.</summary>
    public const string Folder = "kubernetes";

    /// <summary>The index's path below a schemas folder.</summary>
    public const string IndexPath = Folder + "/index.json";

    /// <summary>Imports every version folder below <paramref name="root"/> (folders named like <c>1.35</c>).</summary>
    /// <returns>The schema files (ordered by path) and the index file text.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="SchemaImportException">A document is broken, or the folder holds no version folders.</exception>
    public static (IReadOnlyList<ImportedSchema> Schemas, string Index) Import(string root)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"no such folder: {root}");
        var versions = Directory.EnumerateDirectories(root)
            .Select(Path.GetFileName)
            .Where(v => v is not null && KubernetesVersion.TryParse(v, out _))
            .Select(v => v!)
            .OrderBy(v => KubernetesVersion.Parse(v).Order)
            .ToList();
        if (versions.Count == 0)
        {
            throw new SchemaImportException(Diagnostic.Error(
                SchemaRules.MissingField,
                $"{root} holds no Kubernetes version folders",
                suggestion: "pass a folder with one subfolder per version, e.g. 1.35/api/v1.json and 1.35/apis/apps/v1.json"));
        }

        // Per group/version/kind: the file text each Kubernetes version gives it.
        var byKind = new SortedDictionary<string, SortedDictionary<string, ImportedSchema>>(StringComparer.Ordinal);
        var versionOrder = versions.ToDictionary(v => v, versions.IndexOf, StringComparer.Ordinal);
        foreach (var version in versions)
        {
            var drafts = new List<SchemaDraft>();
            foreach (var file in SchemaFolder.Files(Path.Combine(root, version), [".json"]))
                drafts.AddRange(OpenApiReader.Read(File.ReadAllText(file), Label(version), kinds: null, file, resourcesOnly: true));
            foreach (var imported in CrdImporter.Finish(drafts))
            {
                if (!byKind.TryGetValue(imported.RelativePath, out var perVersion))
                    byKind.Add(imported.RelativePath, perVersion = new SortedDictionary<string, ImportedSchema>(Comparer<string>.Create((a, b) => versionOrder[a].CompareTo(versionOrder[b]))));
                perVersion.Add(version, imported);
            }
        }

        var files = new List<ImportedSchema>();
        var served = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (path, perVersion) in byKind)
        {
            var newest = perVersion.Keys.Last();
            var entries = new JsonObject();
            string? laterShape = null;
            string? laterPath = null;
            foreach (var version in perVersion.Keys.Reverse())
            {
                var imported = perVersion[version];
                var shape = WithoutUpstream(imported.Json);
                if (shape != laterShape)
                {
                    laterShape = shape;
                    laterPath = version == newest ? path : $"{Folder}/{version}/{path}";
                    files.Add(imported with { RelativePath = laterPath });
                }
                entries[version] = laterPath;
            }
            var schema = perVersion[newest].Schema;
            if (!served.TryGetValue(schema.ApiVersion, out var kinds)) served.Add(schema.ApiVersion, kinds = new JsonObject());
            kinds[schema.Kind] = new JsonObject(entries.OrderBy(e => versionOrder[e.Key]).Select(e => KeyValuePair.Create(e.Key, e.Value?.DeepClone())));
        }

        var index = new JsonObject
        {
            ["format"] = KubernetesApiIndex.FormatId,
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
            ["served"] = new JsonObject(served.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        };
        var ordered = files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        JsonSchemaCheck.Verify(ordered);
        return (ordered, CanonicalJson.Write(index));
    }

    private static string Label(string version) => $"Kubernetes {version}";

    /// <summary>The file text without its <c>upstream</c> line, to compare shapes across versions.</summary>
    private static string WithoutUpstream(string json)
    {
        var start = json.IndexOf("\n  \"upstream\": ", StringComparison.Ordinal);
        if (start < 0) return json;
        var end = json.IndexOf('\n', start + 1);
        return json[..start] + json[end..];
    }
}
