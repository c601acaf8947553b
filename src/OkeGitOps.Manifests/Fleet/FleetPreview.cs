using OkeGitOps.Manifests.AppSets;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models.Eso;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Expands the fleet's own ApplicationSets against the cluster Secrets its ExternalSecrets will produce (the Vault
/// values stand in as placeholders), so the report's "what runs here" comes from what Argo CD would generate, not from
/// the model. An ApplicationSet that selects no cluster, or renders an invalid Application, fails the render.
/// </summary>
public static class FleetPreview
{
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
    /// <exception cref="ManifestValidationException">An ApplicationSet selects no cluster or renders an invalid Application.</exception>
    public static IReadOnlyList<PreviewedApplication> Expand(IReadOnlyList<(string File, ManifestNode ApplicationSet)> applicationSets, IReadOnlyList<ManifestNode> clusterSecrets)
    {
        ArgumentNullException.ThrowIfNull(applicationSets);
        var expander = new AppSetExpander();
        var input = new AppSetInput { ClusterSecrets = clusterSecrets, InClusterEnabled = false };
        var errors = new List<Diagnostic>();
        var result = new List<PreviewedApplication>();
        foreach (var (file, appSet) in applicationSets)
        {
            var expansion = expander.Expand(appSet, input);
            var where = new SourceLocation(file, 0, 0);
            errors.AddRange(expansion.Diagnostics.Where(d => d.IsError).Select(d => d.Location is null ? d with { Location = where } : d));
            if (expansion.Applications.Count == 0 && !expansion.HasErrors)
                errors.Add(Diagnostic.Error(FleetRules.AppSetSelectsNothing,
                    $"ApplicationSet '{expansion.ApplicationSetName}' selects no cluster, so it generates no Application", NodePath.Parse("spec.generators"), where,
                    "label a cluster so the add-on's selector matches it, or remove the add-on from the fleet"));
            foreach (var app in expansion.Applications)
            {
                var metadata = app.GetValueOrDefault("metadata") as MappingNode;
                if ((metadata?.GetValueOrDefault("labels") as MappingNode)?.GetString("okegitops.io/addon") is not { } addOn) continue;
                var spec = (MappingNode)app["spec"];
                var source = spec.GetValueOrDefault("sources") is SequenceNode { Count: > 0 } sources ? (MappingNode)sources[0] : (MappingNode)spec["source"];
                var destination = (MappingNode)spec["destination"];
                var wave = (metadata!.GetValueOrDefault("annotations") as MappingNode)?.GetString("argocd.argoproj.io/sync-wave");
                result.Add(new PreviewedApplication(destination.GetString("name") ?? "", addOn, source.GetString("targetRevision") ?? "",
                    destination.GetString("namespace") ?? "", int.TryParse(wave, out var w) ? w : 0));
            }
        }
        if (errors.Count > 0) throw new ManifestValidationException(errors);
        return result;
    }
}
