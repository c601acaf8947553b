using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>One add-on as it runs on one cluster, after overrides.</summary>
/// <param name="AddOn">The add-on.</param>
/// <param name="Version">The chart version or Git revision on this cluster.</param>
/// <param name="Wave">Its Argo CD sync wave (0 without dependencies, one more than its latest dependency otherwise).</param>
/// <param name="ClusterValues">Helm values for this cluster only, or <c>null</c>.</param>
public sealed record PlannedAddOn(AddOn AddOn, string Version, int Wave, MappingNode? ClusterValues);
