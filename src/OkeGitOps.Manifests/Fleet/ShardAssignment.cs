namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Pins every cluster to an application-controller shard, balanced by weight (the number of Applications on the
/// cluster), so the placement is known before the cluster secrets exist (Argo CD's own algorithms hash Secret UIDs).
/// <list type="bullet">
/// <item>Deterministic: the same clusters, weights and previous placement give the same result.</item>
/// <item>Stable: a cluster keeps its previous shard unless balance needs it to move, so adding or removing one cluster
/// moves few others.</item>
/// <item>Balanced: without hand-pinned clusters, the loads of any two shards differ by at most the largest single
/// weight.</item>
/// <item>Safe: every shard is from 0 to <c>shards - 1</c>, never a value Argo CD would misread.</item>
/// </list>
/// </summary>
public static class ShardAssignment
{
    /// <summary>A cluster to place.</summary>
    /// <param name="Name">The cluster's name.</param>
    /// <param name="Weight">Its Applications.</param>
    /// <param name="Pinned">A shard chosen by hand, kept as is.</param>
    public readonly record struct Item(string Name, int Weight, int? Pinned = null);

    /// <summary>Assigns a shard to every item.</summary>
    /// <param name="items">The clusters; names must be unique.</param>
    /// <param name="shards">The number of controller replicas (at least 1).</param>
    /// <param name="previous">The shards of the previous render, by cluster name; out-of-range entries are ignored.</param>
    public static IReadOnlyDictionary<string, int> Assign(IReadOnlyList<Item> items, int shards, IReadOnlyDictionary<string, int>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var loads = new long[shards];
        var result = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        // Per shard, the clusters that may move, heaviest first (ties by name) so one move does the most.
        var movable = new SortedSet<(int NegWeight, string Name)>[shards];
        for (var s = 0; s < shards; s++) movable[s] = new SortedSet<(int, string)>(Comparer<(int NegWeight, string Name)>.Create(
            (a, b) => a.NegWeight != b.NegWeight ? a.NegWeight.CompareTo(b.NegWeight) : string.CompareOrdinal(a.Name, b.Name)));
        var maxWeight = 0;
        var fresh = new List<Item>();
        foreach (var item in items)
        {
            maxWeight = Math.Max(maxWeight, item.Weight);
            if (item.Pinned is { } pinned)
            {
                var p = Math.Clamp(pinned, 0, shards - 1);
                result[item.Name] = p;
                loads[p] += item.Weight;
            }
            else if (previous is not null && previous.TryGetValue(item.Name, out var before) && before >= 0 && before < shards)
            {
                Place(item, before);
            }
            else fresh.Add(item);
        }
        fresh.Sort((a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Name, b.Name));
        foreach (var item in fresh) Place(item, Lightest());

        // While the spread exceeds the largest weight, move one cluster from the heaviest to the lightest shard: the one
        // that brings the two closest together. Each move strictly lowers the sum of squared loads, so this ends.
        while (true)
        {
            var (heavy, light) = (Heaviest(), Lightest());
            var spread = loads[heavy] - loads[light];
            if (spread <= maxWeight) break;
            (int NegWeight, string Name)? best = null;
            var bestGap = long.MaxValue;
            foreach (var candidate in movable[heavy])
            {
                var w = -candidate.NegWeight;
                if (w <= 0 || w >= spread) continue;
                var gap = Math.Abs(spread - 2L * w);
                if (gap < bestGap) (best, bestGap) = (candidate, gap);
            }
            if (best is not { } move) break;
            movable[heavy].Remove(move);
            loads[heavy] += move.NegWeight;
            Place(new Item(move.Name, -move.NegWeight), light);
        }
        return result;

        void Place(Item item, int shard)
        {
            result[item.Name] = shard;
            loads[shard] += item.Weight;
            movable[shard].Add((-item.Weight, item.Name));
        }

        int Lightest()
        {
            var best = 0;
            for (var s = 1; s < shards; s++) if (loads[s] < loads[best]) best = s;
            return best;
        }

        int Heaviest()
        {
            var best = 0;
            for (var s = 1; s < shards; s++) if (loads[s] > loads[best]) best = s;
            return best;
        }
    }
}
