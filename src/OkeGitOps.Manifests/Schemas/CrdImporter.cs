using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Turns CustomResourceDefinitions and Kubernetes OpenAPI v3 documents into schema files in the
/// <c>okegitops.schema/v1</c> format (see <c>schemas/README.md</c>). Upstream prose is dropped; structure,
/// defaults, enums and every <c>x-kubernetes-*</c> extension are kept. The same input always gives the same bytes.
/// </summary>
public static class CrdImporter
{
    /// <summary>The value of the <c>format</c> field of every schema file.</summary>
    public const string Format = SchemaFile.FormatId;

    /// <summary>
    /// Imports <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition documents, one schema per version:
    /// served versions with their schema, unserved versions recorded without one.
    /// </summary>
    /// <param name="documents">The documents, e.g. from <see cref="YamlReader.ReadFile"/>. Every one must be a CRD.</param>
    /// <param name="upstream">
    /// Where the CRDs come from, e.g. <c>Argo CD v3.5.1</c>; the document's file name is appended in parentheses.
    /// <c>null</c> records no upstream.
    /// </param>
    /// <returns>The schemas, ordered by relative path.</returns>
    /// <exception cref="SchemaImportException">A document is not a CRD, is broken, or two describe the same version.</exception>
    public static IReadOnlyList<ImportedSchema> Import(IEnumerable<ManifestDocument> documents, string? upstream)
    {
        var result = Finish(ReadCrds(documents, upstream));
        JsonSchemaCheck.Verify(result);
        return result;
    }

    /// <summary>
    /// Imports the kinds of a Kubernetes OpenAPI v3 document (its <c>components.schemas</c>), inlining every
    /// <c>$ref</c> so that each schema stands alone. The kind name <c>ObjectMeta</c> selects the shared ObjectMeta schema,
    /// written as <c>meta/v1/objectmeta.json</c>.
    /// </summary>
    /// <param name="json">The document text.</param>
    /// <param name="upstream">Where the document comes from, e.g. <c>Kubernetes 1.35</c>, recorded as is; or <c>null</c>.</param>
    /// <param name="kinds">The kinds to import; <c>null</c> imports every kind in the document, and ObjectMeta.</param>
    /// <param name="file">The file name for diagnostics, if any.</param>
    /// <returns>The schemas, ordered by relative path.</returns>
    /// <exception cref="SchemaImportException">The text is not JSON or not such a document, a schema is broken, or a kind asked for is absent.</exception>
    public static IReadOnlyList<ImportedSchema> ImportOpenApi(string json, string? upstream, IEnumerable<string>? kinds, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var wanted = KindSet(kinds);
        var available = new HashSet<string>(StringComparer.Ordinal);
        var result = Finish(OpenApiReader.Read(json, upstream, wanted, file, available));
        RequireKinds(result, wanted, available, file);
        JsonSchemaCheck.Verify(result);
        return result;
    }

    /// <summary>
    /// Imports a file or a folder: a <c>.yaml</c>/<c>.yml</c> file is read as CRDs, a <c>.json</c> file as an OpenAPI
    /// document, and a folder is walked recursively (in ordinal order of relative paths) for such files.
    /// </summary>
    /// <param name="path">A file or folder.</param>
    /// <param name="upstream">The upstream label; see <see cref="Import"/> and <see cref="ImportOpenApi"/>.</param>
    /// <param name="kinds">The kinds to keep; <c>null</c> keeps all. Each kind named must be found.</param>
    /// <returns>The schemas, ordered by relative path.</returns>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    /// <exception cref="SchemaImportException">An input is broken, two inputs give the same schema, or a kind asked for is absent.</exception>
    /// <exception cref="YamlReadException">A YAML file is not valid YAML.</exception>
    public static IReadOnlyList<ImportedSchema> ImportPath(string path, string? upstream, IEnumerable<string>? kinds)
    {
        ArgumentNullException.ThrowIfNull(path);
        var wanted = KindSet(kinds);
        var drafts = new List<SchemaDraft>();
        var available = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in InputFiles(path))
        {
            if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                drafts.AddRange(OpenApiReader.Read(File.ReadAllText(file), upstream, wanted, file, available));
            }
            else
            {
                var crds = ReadCrds(YamlReader.ReadFile(file), upstream);
                available.UnionWith(crds.Select(d => d.Header.Kind));
                drafts.AddRange(crds);
            }
        }
        if (wanted is not null) drafts.RemoveAll(d => !wanted.Contains(d.Header.Kind));
        var result = Finish(drafts);
        RequireKinds(result, wanted, available, path);
        JsonSchemaCheck.Verify(result);
        return result;
    }

    /// <summary>
    /// Imports every kind that several Kubernetes versions serve, from a folder holding one folder of OpenAPI v3
    /// documents per version (<c>1.35/api/v1.json</c>, <c>1.35/apis/apps/v1.json</c>, ...), deduplicated across versions,
    /// with an index of what each version serves (see <c>schemas/README.md</c>).
    /// </summary>
    /// <param name="folder">The folder of version folders, e.g. <c>../shared/upstream/k8s/openapi</c>.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="SchemaImportException">A document is broken, or there are no version folders.</exception>
    public static KubernetesImport ImportKubernetes(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var (schemas, index) = KubernetesImporter.Import(folder);
        return new KubernetesImport(schemas, KubernetesImporter.IndexPath, index);
    }

    /// <summary>The files <see cref="ImportPath"/> reads for a path, in the order it reads them.</summary>
    internal static IReadOnlyList<string> InputFiles(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new FileNotFoundException($"no such file or folder: {path}", path);
        return SchemaFolder.Files(path, [".yaml", ".yml", ".json"]);
    }

    /// <summary>Reads CRD documents into drafts, without the slow JSON Schema check.</summary>
    internal static List<SchemaDraft> ReadCrds(IEnumerable<ManifestDocument> documents, string? upstream)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var drafts = new List<SchemaDraft>();
        foreach (var document in documents) drafts.AddRange(CrdReader.Read(document, upstream));
        return drafts;
    }

    /// <summary>Writes each draft's file text, rejects duplicates and orders the result by path.</summary>
    internal static IReadOnlyList<ImportedSchema> Finish(IEnumerable<SchemaDraft> drafts)
    {
        var byPath = new Dictionary<string, ImportedSchema>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            var imported = draft.ToImported();
            if (byPath.TryGetValue(imported.RelativePath, out var earlier))
            {
                throw new SchemaImportException(Diagnostic.Error(
                    SchemaRules.Duplicate,
                    $"{imported.Schema.ApiVersion} {imported.Schema.Kind} is described twice" +
                    (earlier.SourceFile is null ? "" : $" (also in {earlier.SourceFile})"),
                    location: imported.SourceFile is null ? null : new SourceLocation(imported.SourceFile, 1, 1)));
            }
            byPath.Add(imported.RelativePath, imported);
        }
        return byPath.Values.OrderBy(s => s.RelativePath, StringComparer.Ordinal).ToList();
    }

    private static HashSet<string>? KindSet(IEnumerable<string>? kinds)
        => kinds is null ? null : new HashSet<string>(kinds.Select(k => k.Trim()).Where(k => k.Length > 0), StringComparer.Ordinal);

    private static void RequireKinds(IReadOnlyList<ImportedSchema> result, HashSet<string>? wanted, HashSet<string> available, string? input)
    {
        if (wanted is null) return;
        var found = result.Select(s => s.Schema.Kind).ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Where(k => !found.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return;
        var suggestions = missing
            .Select(m => (Missing: m, Near: EditDistance.Nearest(m, available, 1)))
            .Where(x => x.Near.Count > 0)
            .Select(x => $"'{x.Missing}': did you mean '{x.Near[0]}'?")
            .ToList();
        throw new SchemaImportException(Diagnostic.Error(
            SchemaRules.KindNotFound,
            $"kind{(missing.Count == 1 ? "" : "s")} not found in {input ?? "the input"}: {string.Join(", ", missing)}",
            suggestion: suggestions.Count == 0 ? "kind names are case-sensitive, e.g. Service, ConfigMap" : string.Join("; ", suggestions)));
    }
}
