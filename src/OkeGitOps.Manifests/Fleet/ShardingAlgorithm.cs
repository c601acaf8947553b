namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// The application controller's cluster-to-shard algorithm (<c>controller.sharding.algorithm</c>). It only matters for
/// clusters without a pinned shard; the fleet pins every cluster, so the choice decides only hand-added clusters.
/// </summary>
public enum ShardingAlgorithm
{
    /// <summary><c>legacy</c>: a hash of the cluster secret's UID (the default; not balanced).</summary>
    Legacy,

    /// <summary><c>round-robin</c>: clusters sorted by UID, dealt out in turn.</summary>
    RoundRobin,

    /// <summary><c>consistent-hashing</c>: consistent hashing with bounded loads.</summary>
    ConsistentHashing,
}
