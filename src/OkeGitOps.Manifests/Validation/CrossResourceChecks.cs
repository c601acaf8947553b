using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Validation;

/// <summary>Which checks across documents to run.</summary>
/// <param name="Duplicates">Report two documents with the same group, kind, namespace and name.</param>
/// <param name="References">Report references that name nothing in the input.</param>
public sealed record CrossResourceCheckOptions(bool Duplicates = true, bool References = true);

/// <summary>
/// Checks that need every document of a run at once: duplicate resources, and references between resources
/// (an Application's project, an ExternalSecret's store, an ApplicationSet cluster generator's selector).
/// Each finding is attached to the document it is about, and names the other document's location where there is one.
/// </summary>
public static class CrossResourceChecks
{
    /// <summary>Runs the checks over the facts of all documents.</summary>
    public static IReadOnlyList<(ResourceFacts Document, Diagnostic Diagnostic)> Run(IReadOnlyList<ResourceFacts> resources, CrossResourceCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        options ??= new CrossResourceCheckOptions();
        var findings = new List<(ResourceFacts, Diagnostic)>();
        if (options.Duplicates) FindDuplicates(resources, findings);
        if (options.References) FindDanglingReferences(resources, findings);
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
                    $"{r.Kind} '{Qualified(r)}' is defined twice; the first definition is at {Where(original)}",
                    Tree.NodePath.Root.Key("metadata").Key("name"), r.Location,
                    "remove one of them; Argo CD would flap between the two")));
            }
            else
            {
                first.Add(key, r);
            }
        }
    }

    private static void FindDanglingReferences(IReadOnlyList<ResourceFacts> resources, List<(ResourceFacts, Diagnostic)> findings)
    {
        var projects = resources.Where(r => r.Group == "argoproj.io" && r.Kind == "AppProject").ToList();
        var stores = resources.Where(r => r.Group == "external-secrets.io" && r.Kind is "SecretStore" or "ClusterSecretStore").ToList();
        var clusterSecrets = resources.Where(r => r.IsArgoClusterSecret).ToList();

        foreach (var r in resources)
        {
            foreach (var reference in r.References)
            {
                switch (reference.Kind)
                {
                    case "AppProject":
                        if (reference.Name == "default" || projects.Any(p => p.Name == reference.Name)) break;
                        findings.Add((r, Diagnostic.Error("reference-appproject",
                            $"spec.project '{reference.Name}' names no AppProject in the input",
                            reference.Path, reference.Location,
                            projects.Count == 0 ? "add the AppProject, or use project 'default'"
                                : $"known projects: {string.Join(", ", projects.Select(p => $"'{p.Name}' ({Where(p)})"))}")));
                        break;
                    case "SecretStore":
                        if (stores.Any(s => s.Kind == "SecretStore" && s.Name == reference.Name && s.Namespace == r.Namespace)) break;
                        var elsewhere = stores.FirstOrDefault(s => s.Name == reference.Name);
                        findings.Add((r, Diagnostic.Error("reference-secretstore",
                            $"secretStoreRef names SecretStore '{reference.Name}', but there is none in namespace '{r.Namespace}'",
                            reference.Path, reference.Location,
                            elsewhere is null
                                ? "add the SecretStore in the same namespace, or refer to a ClusterSecretStore with kind: ClusterSecretStore"
                                : $"a {elsewhere.Kind} '{Qualified(elsewhere)}' is defined at {Where(elsewhere)}; "
                                  + (elsewhere.Kind == "ClusterSecretStore" ? "set kind: ClusterSecretStore" : "a SecretStore is only visible in its own namespace"))));
                        break;
                    case "ClusterSecretStore":
                        if (stores.Any(s => s.Kind == "ClusterSecretStore" && s.Name == reference.Name)) break;
                        var namespaced = stores.FirstOrDefault(s => s.Name == reference.Name);
                        findings.Add((r, Diagnostic.Error("reference-secretstore",
                            $"secretStoreRef names ClusterSecretStore '{reference.Name}', which is not in the input",
                            reference.Path, reference.Location,
                            namespaced is null ? "add the ClusterSecretStore" : $"a SecretStore '{Qualified(namespaced)}' is defined at {Where(namespaced)}; set kind: SecretStore")));
                        break;
                }
            }
            if (clusterSecrets.Count > 0)
            {
                foreach (var selector in r.ClusterSelectors)
                {
                    if (clusterSecrets.Any(c => selector.Matches(c.Labels))) continue;
                    findings.Add((r, Diagnostic.Error("reference-cluster-selector",
                        "the cluster generator's selector matches none of the Argo CD cluster secrets in the input",
                        selector.Path, selector.Location,
                        $"cluster secrets: {string.Join(", ", clusterSecrets.Select(c => $"'{c.Name}' ({Where(c)})"))}")));
                }
            }
        }
    }

    private static string Qualified(ResourceFacts r) => r.Namespace is null ? r.Name : $"{r.Namespace}/{r.Name}";

    private static string Where(ResourceFacts r) => r.Location is { } l ? $"{l.File ?? r.File}:{l.Line}:{l.Column}" : $"{r.File} document {r.DocumentIndex}";
}
