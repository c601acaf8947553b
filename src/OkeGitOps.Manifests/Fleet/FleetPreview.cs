using OkeGitOps.Manifests.AppSets;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models.Eso;
using OkeGitOps.Manifests.Repo;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Expands the fleet's own ApplicationSets against the cluster Secrets its ExternalSecrets will produce (the Vault
/// values stand in as placeholders), so the report's "what runs here" comes from what Argo CD would generate, not from
/// the model. An ApplicationSet that selects no cluster, or renders an invalid Application, fails the render.
/// </summary>
public static class FleetPreview
{
    /// <summary>Cluster Secrets per expansion (see <see cref="Expand"/>).</summary>
    public const int BatchSize = 200;

    /// <summary>A generated Application that installs an add-on on a cluster.</summary>
    /// <param name="Cluster">The destination cluster's name.</param>
    /// <param name="AddOn">The add-on (the Application's <c>okegitops.io/addon</c> label).</param>
    /// <param name="Version">The rendered target revision of its first source.</param>
    /// <param name="Namespace">The destination namespace.</param>
    /// <param name="Wave">The rendered sync wave.</param>
    public sealed record PreviewedApplication(string Cluster, string AddOn, string Version, string Namespace, int Wave);

    /// <summary>The Secret ESO will make from a cluster's ExternalSecret, with placeholders where Vault supplies values.</summary>
    public static MappingNode ClusterSecret(ExternalSecret externalSecret)
    {
        ArgumentNullException.ThrowIfNull(externalSecret);
        var template = externalSecret.Spec?.Target?.Template;
        var data = template?.Data ?? Models.EquatableMap<string>.Empty;
        var name = data.GetValueOrDefault("name") ?? "";
        var stringData = data.Select(d => (d.Key, (ManifestNode)ManifestNode.String(d.Value.Contains("{{", StringComparison.Ordinal)
            ? d.Key == "server" ? $"https://{name}.server-from-vault.invalid" : "from-vault" : d.Value)));
        var metadata = ManifestNode.Map(("name", ManifestNode.String(externalSecret.Metadata?.Name ?? name)),
            ("namespace", ManifestNode.String(externalSecret.Metadata?.Namespace ?? "argocd")));
        if (template?.Metadata?.Labels is { } labels)
            metadata = metadata.Set("labels", MappingNode.Create(labels.Select(l => (l.Key, (ManifestNode)ManifestNode.String(l.Value)))));
        if (template?.Metadata?.Annotations is { } annotations)
            metadata = metadata.Set("annotations", MappingNode.Create(annotations.Select(l => (l.Key, (ManifestNode)ManifestNode.String(l.Value)))));
        return ManifestNode.Map(("apiVersion", ManifestNode.String("v1")), ("kind", ManifestNode.String("Secret")),
            ("metadata", metadata), ("stringData", MappingNode.Create(stringData)));
    }

    /// <summary>Expands ApplicationSets against cluster Secrets.</summary>
    /// <param name="applicationSets">Each ApplicationSet with the file it is written to.</param>
    /// <param name="clusterSecrets">The cluster Secrets.</param>
    /// <returns>Every generated add-on Application (the fleet's <c>cluster-config</c> ones are left out).</returns>
    /// <param name="mayGenerateNothing">
    /// Files of ApplicationSets that are expected to generate nothing yet (a fleet with no clusters, or an add-on that
    /// overrides turn off on every cluster its selector picks); for the others, generating nothing is an error.
    /// </param>
    /// <exception cref="ManifestValidationException">An ApplicationSet selects no cluster or renders an invalid Application.</exception>
    public static IReadOnlyList<PreviewedApplication> Expand(IReadOnlyList<(string File, ManifestNode ApplicationSet)> applicationSets, IReadOnlyList<ManifestNode> clusterSecrets,
        IReadOnlySet<string>? mayGenerateNothing = null)
    {
        ArgumentNullException.ThrowIfNull(applicationSets);
        var expander = new AppSetExpander();
        var errors = new List<Diagnostic>();
        var result = new List<PreviewedApplication>();
        // The cluster generator treats each cluster on its own, so expanding against batches of cluster Secrets gives
        // the same Applications, in the same order, as one expansion against all. The batches are independent, so they
        // run in parallel; the results are read back in order, which keeps the output deterministic.
        var batches = clusterSecrets.Chunk(BatchSize).Select(b => new AppSetInput { ClusterSecrets = b, InClusterEnabled = false }).ToList();
        if (batches.Count == 0) batches.Add(new AppSetInput { InClusterEnabled = false });
        var clusters = batches.Select(b => AppSets.ClusterSecret.ReadAll(b.ClusterSecrets)).ToArray();
        var expansions = new AppSetExpansion[applicationSets.Count, batches.Count];
        ParallelWork.For(0, applicationSets.Count * batches.Count, i =>
        {
            var (a, b) = (i / batches.Count, i % batches.Count);
            expansions[a, b] = expander.Expand(applicationSets[a].ApplicationSet, batches[b], clusters[b]);
        });
        for (var a = 0; a < applicationSets.Count; a++)
        {
            var file = applicationSets[a].File;
            var where = new SourceLocation(file, 0, 0);
            var name = "";
            var generated = 0;
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var b = 0; b < batches.Count; b++)
            {
                var expansion = expansions[a, b];
                name = expansion.ApplicationSetName;
                generated += expansion.Applications.Count;
                errors.AddRange(expansion.Diagnostics.Where(d => d.IsError).Select(d => d.Location is null ? d with { Location = where } : d));
                foreach (var app in expansion.Applications)
                {
                    var metadata = app.GetValueOrDefault("metadata") as MappingNode;
                    var appName = metadata?.GetString("name") ?? "";
                    if (!names.Add(appName))
                        errors.Add(Diagnostic.Error(AppSetRules.DuplicateApplication, $"ApplicationSet {name} contains applications with duplicate name: {appName}",
                            NodePath.Parse("spec.generators"), where, "make metadata.name depend on a parameter that differs between the parameter sets"));
                    if ((metadata?.GetValueOrDefault("labels") as MappingNode)?.GetString("okegitops.io/addon") is not { } addOn) continue;
                    var spec = (MappingNode)app["spec"];
                    var source = spec.GetValueOrDefault("sources") is SequenceNode { Count: > 0 } sources ? (MappingNode)sources[0] : (MappingNode)spec["source"];
                    var destination = (MappingNode)spec["destination"];
                    var wave = (metadata!.GetValueOrDefault("annotations") as MappingNode)?.GetString("argocd.argoproj.io/sync-wave");
                    result.Add(new PreviewedApplication(destination.GetString("name") ?? "", addOn, source.GetString("targetRevision") ?? "",
                        destination.GetString("namespace") ?? "", int.TryParse(wave, out var w) ? w : 0));
                }
            }
            if (generated == 0 && mayGenerateNothing?.Contains(file) != true && !errors.Any(e => e.Location?.File == file))
                errors.Add(Diagnostic.Error(FleetRules.AppSetSelectsNothing,
                    $"ApplicationSet '{name}' selects no cluster, so it generates no Application", NodePath.Parse("spec.generators"), where,
                    "label a cluster so the add-on's selector matches it, or remove the add-on from the fleet"));
        }
        if (errors.Count > 0) throw new ManifestValidationException(errors);
        return result;
    }
}
