namespace OkeGitOps.Manifests.Fleet;

/// <summary>One cluster as the fleet places it: its shard and the add-ons it runs, in sync order.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="Shard">The application-controller shard it is pinned to.</param>
/// <param name="AddOns">The add-ons it runs, by wave then name.</param>
public sealed record PlannedCluster(FleetCluster Cluster, int Shard, IReadOnlyList<PlannedAddOn> AddOns)
{
    /// <summary>Applications Argo CD runs for this cluster: one per add-on plus the cluster's own configuration.</summary>
    public int Applications => AddOns.Count + 1;
}
