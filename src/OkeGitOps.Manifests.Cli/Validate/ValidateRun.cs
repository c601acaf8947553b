using System.Collections.Concurrent;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>What a run found beyond the per-document results.</summary>
/// <param name="Files">How many inputs there were.</param>
/// <param name="IoError">Whether any input could not be read.</param>
/// <param name="Findings">Findings of the checks across documents, each with the document it is about.</param>
internal sealed record RunOutcome(int Files, bool IoError, IReadOnlyList<(ResourceFacts Document, Diagnostic Diagnostic)> Findings);

/// <summary>
/// One run of <c>okegitops validate</c>: expands the inputs, reads each file as a stream of documents
/// (in parallel, one file per worker), checks each document as it is read, keeps only small results,
/// then runs the checks across documents. Output order is the input order, whatever the parallelism.
/// </summary>
internal sealed class ValidateRun(ValidateSettings settings, Func<ManifestDocument, IReadOnlyList<Diagnostic>> validate, TextReader stdin)
{
    /// <summary>
    /// Runs the checks, handing each document's result to <paramref name="emit"/> in input order as soon as its file
    /// and every file before it are done, so that nothing but the small facts of the cross-document checks is kept.
    /// </summary>
    public RunOutcome Execute(Action<DocumentResult> emit)
    {
        var inputs = InputWalker.Expand(settings.Paths, settings.IgnorePatterns).ToList();
        var done = new List<DocumentResult>?[inputs.Count];
        var facts = new ConcurrentBag<ResourceFacts>();
        var ingresses = new ConcurrentBag<(ResourceFacts, OciIngressFacts)>();
        var gate = new object();
        var next = 0;
        var stop = false;
        var ioError = inputs.Any(i => i.Problem is not null);

        void ProcessOne(int i)
        {
            if (Volatile.Read(ref stop)) return;
            var results = ProcessFile(inputs[i], facts, ingresses);
            if (results.Any(r => r.Diagnostics.Any(d => d.Rule == "input-error"))) Volatile.Write(ref ioError, true);
            if (settings.ExitOnError && results.Any(r => r.Status is DocumentStatus.Invalid or DocumentStatus.Error)) Volatile.Write(ref stop, true);
            lock (gate)
            {
                done[i] = results;
                for (; next < done.Length && done[next] is { } ready; next++)
                {
                    foreach (var result in ready) emit(result);
                    done[next] = null;
                }
            }
        }

        if (settings.Parallelism <= 1 || inputs.Count <= 1 || settings.ExitOnError)
        {
            for (var i = 0; i < inputs.Count; i++) ProcessOne(i);
        }
        else
        {
            Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism }, ProcessOne);
        }

        var findings = stop ? [] : CrossResourceFindings(facts, inputs).Concat(IngressFindings(ingresses, inputs)).ToList();
        if (!stop && settings.ExpandAppSets) findings = [.. findings, .. AppSetExpansion.Findings(_appSets, _clusterDocuments, inputs, settings)];
        return new RunOutcome(inputs.Count, ioError, findings);
    }

    private List<DocumentResult> ProcessFile(InputFile input, ConcurrentBag<ResourceFacts> facts, ConcurrentBag<(ResourceFacts, OciIngressFacts)> ingresses)
    {
        var results = new List<DocumentResult>();
        var file = input.DisplayPath;
        if (input.Problem is not null)
        {
            results.Add(ErrorResult(file, 0, 0, Diagnostic.Error("input-error", input.Problem, location: new SourceLocation(file, 1, 1),
                suggestion: "check the path and its permissions")));
            return results;
        }
        if (input.Warning is not null)
        {
            results.Add(new DocumentResult(file, 0, 0, null, null, null, null, DocumentStatus.Skipped,
                [Diagnostic.Warning("input-skipped", input.Warning, location: new SourceLocation(file, 1, 1))], input.Warning));
            return results;
        }
        if (!input.IsStdin && FileClassifier.SkipReason(file) is { } skip)
        {
            results.Add(new DocumentResult(file, 0, 0, null, null, null, null, DocumentStatus.Skipped, [], skip));
            return results;
        }
        var index = 0;
        try
        {
            // A file small enough to be read whole is read once, for the binary check and for the YAML.
            var whole = !input.IsStdin && new FileInfo(file).Length <= YamlReader.WholeFileLimit ? File.ReadAllBytes(file) : null;
            if (whole is not null ? FileClassifier.LooksBinary(whole) : !input.IsStdin && FileClassifier.LooksBinary(file))
            {
                results.Add(ErrorResult(file, 0, 1, Diagnostic.Error("input-binary", FileClassifier.BinaryMessage,
                    location: new SourceLocation(file, 1, 1), suggestion: "remove it from the inputs or add an --ignore-filename-pattern")));
                return results;
            }
            var documents = input.IsStdin ? YamlReader.Read(stdin, "-")
                : whole is not null ? YamlReader.EnumerateUtf8(whole, file)
                : YamlReader.EnumerateFile(file);
            var any = false;
            foreach (var document in documents)
            {
                any = true;
                index = document.Index + 1;
                foreach (var result in CheckDocument(document with { File = file }, facts, ingresses)) results.Add(result);
            }
            if (!any)
            {
                results.Add(new DocumentResult(file, 0, 0, null, null, null, null, DocumentStatus.Skipped, [], "empty input: no YAML documents"));
            }
        }
        catch (YamlReadException e)
        {
            results.Add(ErrorResult(file, index, e.Diagnostic.Location?.Line ?? 0, e.Diagnostic));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            results.Add(ErrorResult(file, index, 0, Diagnostic.Error("input-error", $"cannot read the file: {e.Message}",
                location: new SourceLocation(file, 1, 1), suggestion: "check that the file exists and is readable")));
        }
        return results;
    }

    private IEnumerable<DocumentResult> CheckDocument(ManifestDocument document, ConcurrentBag<ResourceFacts> facts, ConcurrentBag<(ResourceFacts, OciIngressFacts)> ingresses)
    {
        if (document.Root is NullNode)
        {
            yield return Result(document, DocumentStatus.Skipped, [], "empty document");
            yield break;
        }
        if (document.Root is MappingNode root && !root.ContainsKey("apiVersion") && !root.ContainsKey("kind"))
        {
            yield return Result(document, DocumentStatus.Skipped, [], "not a Kubernetes manifest: no apiVersion and kind");
            yield break;
        }
        if (document.ApiVersion == "v1" && document.Kind == "List" && document.Mapping!.GetValueOrDefault("items") is SequenceNode items)
        {
            foreach (var item in items)
            {
                foreach (var r in CheckDocument(document with { Root = item, Line = item.Location?.Line ?? document.Line }, facts, ingresses)) yield return r;
            }
            yield break;
        }
        if (ValidateSettings.Names(settings.Skip, document.ApiVersion, document.Kind))
        {
            yield return Result(document, DocumentStatus.Skipped, [], "skipped by --skip");
            yield break;
        }
        var diagnostics = new List<Diagnostic>();
        if (ValidateSettings.Names(settings.Reject, document.ApiVersion, document.Kind))
        {
            diagnostics.Add(Diagnostic.Error("rejected-kind", $"{document.Kind} is rejected by --reject", NodePath.Root.Key("kind"),
                document.Mapping?.GetValueOrDefault("kind")?.Location, "remove the document, or drop it from --reject"));
        }
        else
        {
            var found = validate(document);
            if (settings.IgnoreMissingSchemas && found.Any(d => d.Rule == "unknown-kind"))
            {
                yield return Result(document, DocumentStatus.Skipped, [], "no schema for this kind (--ignore-missing-schemas)");
                yield break;
            }
            diagnostics.AddRange(found);
        }
        if (settings.ExpandAppSets) AppSetExpansion.Collect(document, _appSets, _clusterDocuments);
        if ((settings.CheckDuplicates || settings.CheckReferences) && ResourceFacts.From(document) is { } fact)
            facts.Add(fact with { ApiVersion = Intern(fact.ApiVersion)!, Kind = Intern(fact.Kind)! });
        // The OCI native ingress rules across Ingresses of one class (--no-oci-lint turns them off with the rest).
        if (settings.OciLint && OciIngressFacts.From(document) is { } ingress && ResourceFacts.From(document) is { } owner)
            ingresses.Add((owner, ingress));
        // Results of every document are kept until the end: keep valid ones small.
        yield return Result(document, diagnostics.Any(d => d.IsError) ? DocumentStatus.Invalid : DocumentStatus.Valid,
            diagnostics.Count == 0 ? [] : diagnostics.ToArray(), null);
    }

    private IReadOnlyList<(ResourceFacts Document, Diagnostic Diagnostic)> CrossResourceFindings(IEnumerable<ResourceFacts> facts, List<InputFile> inputs)
    {
        // Input order decides which of two duplicates is "the first definition".
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++) fileOrder.TryAdd(inputs[i].DisplayPath, i);
        var ordered = facts.OrderBy(f => fileOrder.GetValueOrDefault(f.File)).ThenBy(f => f.DocumentIndex).ToList();
        // With --group-by-path, manifests bound for different clusters (e.g. clusters/<name>/...) are checked apart.
        var options = new CrossResourceCheckOptions(settings.CheckDuplicates, settings.CheckReferences, settings.StrictReferences);
        return ordered.GroupBy(GroupOf).SelectMany(group => CrossResourceChecks.Run([.. group], options)).ToList();
    }

    private IEnumerable<(ResourceFacts Document, Diagnostic Diagnostic)> IngressFindings(IEnumerable<(ResourceFacts Owner, OciIngressFacts Fact)> ingresses, List<InputFile> inputs)
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++) fileOrder.TryAdd(inputs[i].DisplayPath, i);
        var ordered = ingresses.OrderBy(f => fileOrder.GetValueOrDefault(f.Owner.File)).ThenBy(f => f.Owner.DocumentIndex).ToList();
        var owners = ordered.ToDictionary<(ResourceFacts Owner, OciIngressFacts Fact), OciIngressFacts, ResourceFacts>(f => f.Fact, f => f.Owner, ReferenceEqualityComparer.Instance);
        return ordered.GroupBy(f => GroupOf(f.Owner))
            .SelectMany(group => OciIngressLint.CheckAcross(group.Select(f => f.Fact)))
            .Select(f => (owners[f.Ingress], f.Diagnostic));
    }

    private DocumentResult Result(ManifestDocument d, DocumentStatus status, IReadOnlyList<Diagnostic> diagnostics, string? reason)
        => new(d.File ?? "-", d.Index, d.Line, Intern(d.ApiVersion), Intern(d.Kind), d.Name, d.Namespace, status, diagnostics, reason);

    // With --expand-appsets: the ApplicationSets and the (would-be) cluster Secrets of the input, kept until the end.
    private readonly ConcurrentBag<ManifestDocument> _appSets = [];
    private readonly ConcurrentBag<ManifestDocument> _clusterDocuments = [];

    // A run sees few distinct apiVersions and kinds; share one string for each instead of one per document.
    private readonly ConcurrentDictionary<string, string> _interned = new(StringComparer.Ordinal);

    private string? Intern(string? value) => value is null ? null : _interned.GetOrAdd(value, value);

    // Cluster scopes from the config name the group outright; otherwise the --group-by-path match does.
    private string GroupOf(ResourceFacts fact)
    {
        if (settings.ClusterScopes.Count > 0 && fact.File != "-")
        {
            var full = Path.GetFullPath(fact.File);
            foreach (var scope in settings.ClusterScopes)
            {
                if (scope.Contains(full)) return "cluster\0" + scope.Cluster;
            }
        }
        return settings.GroupByPath is { } pattern && pattern.Match(fact.File.Replace('\\', '/')) is { Success: true } match ? match.Value : "";
    }

    private static DocumentResult ErrorResult(string file, int index, int line, Diagnostic diagnostic)
        => new(file, index, line, null, null, null, null, DocumentStatus.Error, [diagnostic]);
}
