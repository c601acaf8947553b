using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// The rule ids of the fleet checks. Each one names a fleet that cannot work as described; every diagnostic carries
/// the path in the fleet description (e.g. <c>clusters[2].shard</c>) and what to change.
/// </summary>
public static class FleetRules
{
    /// <summary>Two clusters have the same name, so their Argo CD cluster secrets and folders would collide.</summary>
    public const string DuplicateCluster = "fleet-duplicate-cluster";

    /// <summary>Two clusters name the same OKE cluster OCID, so one cluster would be managed twice.</summary>
    public const string DuplicateClusterOcid = "fleet-duplicate-cluster-ocid";

    /// <summary>A cluster's vault is in another region than the cluster; OKE Workload Identity reads only its own region.</summary>
    public const string VaultRegion = "fleet-vault-region";

    /// <summary>A cluster's OCID names another region than the one the cluster is described in.</summary>
    public const string ClusterRegion = "fleet-cluster-region";

    /// <summary>An add-on override names a cluster that the fleet does not have.</summary>
    public const string UnknownCluster = "fleet-unknown-cluster";

    /// <summary>An override or a dependency names an add-on that the fleet does not have.</summary>
    public const string UnknownAddOn = "fleet-unknown-addon";

    /// <summary>Two add-ons have the same name.</summary>
    public const string DuplicateAddOn = "fleet-duplicate-addon";

    /// <summary>Add-ons depend on each other in a circle, so no sync order exists.</summary>
    public const string DependencyCycle = "fleet-dependency-cycle";

    /// <summary>A pinned shard that Argo CD would misread: negative (never reconciled) or at least the replica count (shard 0).</summary>
    public const string ShardRange = "fleet-shard-range";

    /// <summary>An <c>argocd-cmd-params-cm</c> value outside the range Argo CD accepts; Argo CD would replace it by its default.</summary>
    public const string ArgoCdParamRange = "argocd-param-range";

    /// <summary>One of the fleet's ApplicationSets selects no cluster (found by expanding it against the fleet's cluster secrets).</summary>
    public const string AppSetSelectsNothing = "fleet-appset-selects-nothing";

    /// <summary>An Argo CD scale setting that cannot work (e.g. zero replicas).</summary>
    public const string ArgoCdScale = "argocd-scale";

    internal static Diagnostic Error(string rule, string message, string path, string suggestion)
        => Diagnostic.Error(rule, message, NodePath.Parse(path), null, suggestion);
}
