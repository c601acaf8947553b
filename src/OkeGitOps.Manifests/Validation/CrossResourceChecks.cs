using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Validation;

/// <summary>Which checks across documents to run.</summary>
/// <param name="Duplicates">Report two documents with the same group, kind, namespace and name.</param>
/// <param name="References">Report references that name nothing in the input.</param>
/// <param name="StrictReferences">
/// Make every unresolved reference an error, even to a kind of which the input holds none (by default that is only a
/// warning, as the object may live in another repository).
/// </param>
public sealed record CrossResourceCheckOptions(bool Duplicates = true, bool References = true, bool StrictReferences = false);

/// <summary>
/// Checks that need every document of a run at once: duplicate resources, and references between resources
/// (an Application's project, an ExternalSecret's store, an ApplicationSet cluster generator's selector).
/// Each finding is attached to the document it is about, and names the other document's location where there is one.
/// </summary>
/// <remarks>
/// Every reference follows one rule. When the input holds <b>no</b> object of the kind referred to, the input is taken
/// to be part of a larger estate (the AppProject may live in another repository) and the reference is a warning
/// ("not in the input"). When the input holds objects of that kind but none that the reference resolves to, it is an
/// error: almost always a typo. <see cref="CrossResourceCheckOptions.StrictReferences"/> makes both errors. A cluster
/// generator's selector is a query rather than a name, so one that matches none of the cluster secrets present is a
/// warning too (it generates no Application), and an error only with strict references.
/// </remarks>
public static class CrossResourceChecks
{
    /// <summary>Runs the checks over the facts of all documents.</summary>
    public static IReadOnlyList<(ResourceFacts Document, Diagnostic Diagnostic)> Run(IReadOnlyList<ResourceFacts> resources, CrossResourceCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        options ??= new CrossResourceCheckOptions();
        var findings = new List<(ResourceFacts, Diagnostic)>();
        if (options.Duplicates) FindDuplicates(resources, findings);
        if (options.References) FindDanglingReferences(resources, findings, options.StrictReferences);
        return findings;
    }

    private static void FindDuplicates(IReadOnlyList<ResourceFacts> resources, List<(ResourceFacts, Diagnostic)> findings)
    {
        var first = new Dictionary<(string, string, string?, string), ResourceFacts>();
        foreach (var r in resources)
        {
            var key = (r.Group, r.Kind, r.Namespace, r.Name);
            if (first.TryGetValue(key, out var original))
            {
                findings.Add((r, Diagnostic.Error("duplicate-resource",
                    $"{r.Kind} '{Qualified(r)}' is defined twice for the same cluster; the first definition is at {Where(original)}",
                    Tree.NodePath.Root.Key("metadata").Key("name"), r.Location,
                    "remove one of them: in one Argo CD Application the sync fails because the resource appears twice, and in two "
                    + "Applications each sync overwrites the other; if the two go to different clusters, say so (RepoFile.ForCluster, "
                    + "or clusters/groupByPath in .okegitops.yaml)")));
            }
            else
            {
                first.Add(key, r);
            }
        }
    }

    private static void FindDanglingReferences(IReadOnlyList<ResourceFacts> resources, List<(ResourceFacts, Diagnostic)> findings, bool strict)
    {
        var projects = resources.Where(r => r.Group == "argoproj.io" && r.Kind == "AppProject").ToList();
        var secretStores = resources.Where(r => r.Group == "external-secrets.io" && r.Kind == "SecretStore").ToList();
        var clusterStores = resources.Where(r => r.Group == "external-secrets.io" && r.Kind == "ClusterSecretStore").ToList();
        var clusterSecrets = resources.Where(r => r.IsArgoClusterSecret).ToList();
        var ingressParameters = resources.Where(r => r.Group == "ingress.oraclecloud.com" && r.Kind == "IngressClassParameters").ToList();
        var ingressParameterNames = ingressParameters.Select(Qualified).ToHashSet(StringComparer.Ordinal);
        var knownIngressParameters = new Lazy<string>(() => Known(ingressParameters, p => $"'{Qualified(p)}' ({Where(p)})"));
        // Lookups by name, and the "known ..." lists built once, so that a large input with many dangling references
        // stays linear (each list names at most a few objects).
        var projectNames = projects.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var storesByName = secretStores.Select(s => (s.Name, s.Namespace)).ToHashSet();
        var clusterStoreNames = clusterStores.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var firstStoreNamed = new Dictionary<string, ResourceFacts>(StringComparer.Ordinal);
        foreach (var store in secretStores.Concat(clusterStores)) firstStoreNamed.TryAdd(store.Name, store);
        var firstSecretStoreNamed = new Dictionary<string, ResourceFacts>(StringComparer.Ordinal);
        foreach (var store in secretStores) firstSecretStoreNamed.TryAdd(store.Name, store);
        var knownProjects = new Lazy<string>(() => Known(projects, p => $"'{p.Name}' ({Where(p)})"));
        var knownSecretStores = new Lazy<string>(() => Known(secretStores, s => $"'{Qualified(s)}' ({Where(s)})"));
        var knownClusterStores = new Lazy<string>(() => Known(clusterStores, s => $"'{s.Name}' ({Where(s)})"));
        var knownClusterSecrets = new Lazy<string>(() => Known(clusterSecrets, c => $"'{c.Name}' ({Where(c)})"));

        // The one rule: none of the kind in the input is a warning; the kind present but no match is an error.
        void Unresolved(ResourceFacts r, string rule, bool kindPresent, string message, Tree.NodePath path, Tree.SourceLocation? location,
            string missingSuggestion, string typoSuggestion)
        {
            var diagnostic = kindPresent || strict
                ? Diagnostic.Error(rule, message, path, location, kindPresent ? typoSuggestion : missingSuggestion)
                : Diagnostic.Warning(rule, message + " (none of that kind is in the input)", path, location, missingSuggestion);
            findings.Add((r, diagnostic));
        }

        foreach (var r in resources)
        {
            foreach (var reference in r.References)
            {
                switch (reference.Kind)
                {
                    case "AppProject":
                        if (reference.Name == "default" || projectNames.Contains(reference.Name)) break;
                        Unresolved(r, "reference-appproject", projects.Count > 0,
                            $"spec.project '{reference.Name}' names an AppProject that is not in the input",
                            reference.Path, reference.Location,
                            "make sure Argo CD has it (from another repository, say), add it here, or use project 'default'",
                            $"known projects: {knownProjects.Value}");
                        break;
                    case "SecretStore":
                        if (storesByName.Contains((reference.Name, r.Namespace))) break;
                        var elsewhere = firstStoreNamed.GetValueOrDefault(reference.Name);
                        Unresolved(r, "reference-secretstore", secretStores.Count > 0 || elsewhere is not null,
                            $"secretStoreRef names SecretStore '{reference.Name}', which is not in the input in namespace '{r.Namespace}'",
                            reference.Path, reference.Location,
                            "make sure the SecretStore exists in the same namespace, or refer to a ClusterSecretStore with kind: ClusterSecretStore",
                            elsewhere is null
                                ? $"known SecretStores: {knownSecretStores.Value}"
                                : $"a {elsewhere.Kind} '{Qualified(elsewhere)}' is defined at {Where(elsewhere)}; "
                                  + (elsewhere.Kind == "ClusterSecretStore" ? "set kind: ClusterSecretStore" : "a SecretStore is only visible in its own namespace"));
                        break;
                    case "IngressClassParameters":
                        if (ingressParameterNames.Contains(reference.Name)) break;
                        Unresolved(r, "reference-ingressclassparameters", ingressParameters.Count > 0,
                            $"spec.parameters names IngressClassParameters '{reference.Name}', which is not in the input; the OCI native ingress controller would find no parameters for its load balancer",
                            reference.Path, reference.Location,
                            "make sure the IngressClassParameters exists in that namespace, or add it here",
                            $"known IngressClassParameters: {knownIngressParameters.Value}");
                        break;
                    case "ClusterSecretStore":
                        if (clusterStoreNames.Contains(reference.Name)) break;
                        var namespaced = firstSecretStoreNamed.GetValueOrDefault(reference.Name);
                        Unresolved(r, "reference-secretstore", clusterStores.Count > 0 || namespaced is not null,
                            $"secretStoreRef names ClusterSecretStore '{reference.Name}', which is not in the input",
                            reference.Path, reference.Location,
                            "make sure the ClusterSecretStore exists on the cluster, or add it here",
                            namespaced is null
                                ? $"known ClusterSecretStores: {knownClusterStores.Value}"
                                : $"a SecretStore '{Qualified(namespaced)}' is defined at {Where(namespaced)}; set kind: SecretStore");
                        break;
                }
            }
            foreach (var selector in r.ClusterSelectors)
            {
                if (clusterSecrets.Any(c => selector.Matches(c.ClusterSecretLabels!))) continue;
                // A selector is a query, not a name: matching no cluster is legal (an add-on no cluster has opted
                // into yet), so it stays a warning even when cluster secrets are present, unless references are strict.
                if (clusterSecrets.Count > 0 && !strict)
                {
                    findings.Add((r, Diagnostic.Warning("reference-cluster-selector",
                        "the cluster generator's selector matches no Argo CD cluster secret in the input, so it generates no Application",
                        selector.Path, selector.Location, $"cluster secrets: {knownClusterSecrets.Value}")));
                    continue;
                }
                Unresolved(r, "reference-cluster-selector", clusterSecrets.Count > 0,
                    "the cluster generator's selector matches no Argo CD cluster secret in the input",
                    selector.Path, selector.Location,
                    "make sure Argo CD has cluster secrets with these labels, or add them here",
                    $"cluster secrets: {knownClusterSecrets.Value}");
            }
        }
    }

    // At most ten, then how many more: a suggestion is read by a person, and a list of thousands helps nobody.
    private static string Known(IReadOnlyList<ResourceFacts> objects, Func<ResourceFacts, string> describe)
    {
        const int Shown = 10;
        var listed = string.Join(", ", objects.Take(Shown).Select(describe));
        return objects.Count > Shown ? $"{listed} and {objects.Count - Shown} more" : listed;
    }

    private static string Qualified(ResourceFacts r) => r.Namespace is null ? r.Name : $"{r.Namespace}/{r.Name}";

    private static string Where(ResourceFacts r) => r.Location is { } l ? $"{l.File ?? r.File}:{l.Line}:{l.Column}" : $"{r.File} document {r.DocumentIndex}";
}
