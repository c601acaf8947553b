namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Proposes Argo CD settings from the size of a fleet, following the rules of thumb of Argo CD's high-availability
/// guide: about 50 status and 25 operation processors per 1,000 applications on a controller, shards so that no
/// controller carries too much, a bounded repo-server parallelism (its main guard against running out of memory),
/// and Redis HA for anything beyond a toy. The result is an ordinary <see cref="ArgoCdScale"/> to adjust.
/// </summary>
public static class ArgoCdSizing
{
    /// <summary>Clusters one controller shard is sized for.</summary>
    public const int ClustersPerShard = 100;

    /// <summary>Applications one controller shard is sized for.</summary>
    public const int ApplicationsPerShard = 2000;

    /// <summary>Applications one repo-server replica is sized for.</summary>
    public const int ApplicationsPerRepoServer = 1000;

    /// <summary>Proposes a scale for <paramref name="clusters"/> managed clusters running <paramref name="applications"/> Applications in all.</summary>
    public static ArgoCdScale Propose(int clusters, int applications)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clusters);
        ArgumentOutOfRangeException.ThrowIfNegative(applications);
        var shards = Math.Max(1, Math.Max(Ceiling(clusters, ClustersPerShard), Ceiling(applications, ApplicationsPerShard)));
        var perShard = Ceiling(applications, shards);
        var status = Math.Max(20, Ceiling(perShard * 50, 1000));
        var operation = Math.Max(10, Ceiling(perShard * 25, 1000));
        var repoServers = Math.Max(2, Ceiling(applications, ApplicationsPerRepoServer));
        var appSetReplicas = clusters > 1000 ? 2 : 1;
        return new ArgoCdScale
        {
            ControllerReplicas = shards,
            RepoServerReplicas = repoServers,
            ServerReplicas = 2,
            ApplicationSetReplicas = appSetReplicas,
            RedisHa = clusters >= 3 || applications >= 100,
            Params = new ArgoCdCmdParams
            {
                ControllerStatusProcessors = status,
                ControllerOperationProcessors = operation,
                ControllerKubectlParallelismLimit = Math.Max(20, operation),
                ControllerShardingAlgorithm = shards > 1 ? ShardingAlgorithm.ConsistentHashing : null,
                RepoServerParallelismLimit = 10,
                ApplicationSetConcurrentReconciliations = Math.Max(10, Math.Min(100, Ceiling(clusters, 100))),
                ApplicationSetLeaderElection = appSetReplicas > 1 ? true : null,
            },
        };
    }

    private static int Ceiling(long value, long divisor) => (int)Math.Min(int.MaxValue, (value + divisor - 1) / divisor);
}
