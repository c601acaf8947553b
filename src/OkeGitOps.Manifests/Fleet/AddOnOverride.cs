using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// A change to one add-on on one cluster: switch it on or off regardless of the selector, pin another version, or add
/// Helm values. It reaches Argo CD through the cluster secret (labels and annotations the ApplicationSet template
/// reads) and a per-cluster values file.
/// </summary>
/// <param name="Cluster">The cluster's name.</param>
/// <param name="AddOn">The add-on's name.</param>
/// <param name="Enabled">On or off on this cluster; <c>null</c> follows the selector.</param>
/// <param name="Version">Another chart version or Git revision on this cluster; <c>null</c> keeps the add-on's.</param>
/// <param name="Values">Helm values for this cluster only, applied over the add-on's values; <c>null</c> adds none.</param>
public sealed record AddOnOverride(string Cluster, string AddOn, bool? Enabled = null, string? Version = null, MappingNode? Values = null);
