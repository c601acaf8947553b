using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Repo;

/// <summary>
/// The end of the pipeline for whole repositories: every manifest is validated (schema, OCI load-balancer and
/// native ingress rules, plaintext secrets, duplicates, references and Ingress conflicts across the repository) before anything is emitted, so a bad
/// manifest stops the render and nothing is written half-way.
/// </summary>
public sealed class RepoRenderer
{
    private readonly ManifestChecks _checks;

    /// <summary>Creates a renderer over a schema registry (the embedded one by default) with all checks on.</summary>
    public RepoRenderer(SchemaRegistry? registry = null, ManifestCheckOptions? options = null)
        => _checks = new ManifestChecks(registry ?? SchemaRegistry.Default, options);

    /// <summary>Validates the files and turns them into text, ready for <see cref="RepoWriter"/>.</summary>
    /// <returns>
    /// The files in path order, and the warnings found (errors throw). When files are bound to clusters
    /// (<see cref="RepoFile.ForCluster"/>), an <see cref="RepoConfigFile.FileName"/> listing them is added, unless the
    /// input already has one.
    /// </returns>
    /// <exception cref="ManifestValidationException">Any manifest has an error; the diagnostics name the file and path.</exception>
    public (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Warnings) Render(IEnumerable<RepoFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var all = files as IReadOnlyList<RepoFile> ?? [.. files];
        // Each file is checked and emitted on its own, in parallel; the results are gathered in input order, so
        // diagnostics and output are the same as a sequential render's.
        var rendered = new RenderedFile[all.Count];
        ParallelWork.For(0, all.Count, i => rendered[i] = RenderOne(all[i]));
        var diagnostics = new List<Diagnostic>();
        var facts = new List<(string? Cluster, ResourceFacts Fact)>();
        var ingresses = new List<(string? Cluster, OciIngressFacts Fact)>();
        var output = new List<GeneratedFile>(all.Count + 1);
        var documentCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            var file = all[i];
            var result = rendered[i];
            if (file is ManifestRepoFile) documentCounts[file.RelativePath] = result.DocumentCount;
            diagnostics.AddRange(result.Diagnostics);
            facts.AddRange(result.Facts.Select(f => (file.Cluster, f)));
            ingresses.AddRange(result.Ingresses.Select(f => (file.Cluster, f)));
            if (result.Output is { } generated) output.Add(generated);
        }
        foreach (var cluster in facts.GroupBy(f => f.Cluster))
        {
            var findings = CrossResourceChecks.Run([.. cluster.Select(f => f.Fact)]);
            diagnostics.AddRange(findings.Select(f => InFile(f.Diagnostic, f.Document.File, f.Document.DocumentIndex, documentCounts.GetValueOrDefault(f.Document.File, 1))));
        }
        foreach (var cluster in ingresses.GroupBy(f => f.Cluster))
        {
            var findings = OciIngressLint.CheckAcross(cluster.Select(f => f.Fact));
            diagnostics.AddRange(findings.Select(f => InFile(f.Diagnostic, f.Ingress.File ?? "", f.Ingress.DocumentIndex, documentCounts.GetValueOrDefault(f.Ingress.File ?? "", 1))));
        }
        if (diagnostics.Any(d => d.IsError)) throw new ManifestValidationException(diagnostics);
        // Validating the output later must judge it as this render did: say which files go to which cluster.
        if (!all.Any(f => f.RelativePath == RepoConfigFile.FileName) && RepoConfigFile.ForClusters(all) is { } config) output.Add(config);
        output.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return (output, diagnostics);
    }

    private sealed record RenderedFile(GeneratedFile? Output, List<Diagnostic> Diagnostics, List<ResourceFacts> Facts, List<OciIngressFacts> Ingresses)
    {
        public int DocumentCount { get; init; }
    }

    private RenderedFile RenderOne(RepoFile file)
    {
        var diagnostics = new List<Diagnostic>();
        var facts = new List<ResourceFacts>();
        var ingresses = new List<OciIngressFacts>();
        switch (file)
        {
            case ManifestRepoFile manifests:
                ManifestNode[] documents = [.. manifests.Documents]; // read once: files built from models make their trees here
                for (var i = 0; i < documents.Length; i++)
                {
                    var document = new ManifestDocument(documents[i], manifests.RelativePath, i);
                    diagnostics.AddRange(_checks.Check(document).Select(d => InFile(d, manifests.RelativePath, i, documents.Length)));
                    if (ResourceFacts.From(document) is { } fact) facts.Add(fact);
                    if (_checks.OciLintEnabled && OciIngressFacts.From(document) is { } ingress) ingresses.Add(ingress);
                }
                return new RenderedFile(new GeneratedFile(file.RelativePath, YamlEmitter.EmitAll(documents)), diagnostics, facts, ingresses)
                {
                    DocumentCount = documents.Length,
                };
            case TextRepoFile text:
                return new RenderedFile(text.Rendered(), diagnostics, facts, ingresses);
            default:
                return new RenderedFile(null, diagnostics, facts, ingresses);
        }
    }

    // Built manifests have no source positions; name the file (and the document, when the file holds several).
    private static Diagnostic InFile(Diagnostic d, string file, int document, int documents)
        => d.Location is not null ? d : d with { Location = new SourceLocation(documents > 1 ? $"{file}#{document}" : file, 0, 0) };
}
