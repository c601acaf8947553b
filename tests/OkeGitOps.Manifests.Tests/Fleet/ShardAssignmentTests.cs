using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OkeGitOps.Manifests.Fleet;

namespace OkeGitOps.Manifests.Tests.Fleet;

/// <summary>Shard assignment: in range, balanced to within the largest weight, deterministic, and stable under add/remove.</summary>
public sealed class ShardAssignmentTests
{
    private static readonly Arbitrary<int> Seeds = Arb.From(Gen.Choose(0, int.MaxValue));

    private static (List<ShardAssignment.Item> Items, int Shards) Random(int seed)
    {
        var random = new Random(seed);
        var shards = random.Next(1, 9);
        var items = Enumerable.Range(0, random.Next(0, 200)).Select(i => new ShardAssignment.Item($"c{i}", random.Next(1, 30))).ToList();
        return (items, shards);
    }

    private static long Spread(IReadOnlyList<ShardAssignment.Item> items, IReadOnlyDictionary<string, int> shards, int count)
    {
        var loads = new long[count];
        foreach (var i in items) loads[shards[i.Name]] += i.Weight;
        return loads.Max() - loads.Min();
    }

    [Property(MaxTest = 200)]
    public Property Every_shard_is_in_range_and_loads_differ_by_at_most_the_largest_weight()
        => Prop.ForAll(Seeds, seed =>
        {
            var (items, shards) = Random(seed);
            var result = ShardAssignment.Assign(items, shards);
            Assert.All(items, i => Assert.InRange(result[i.Name], 0, shards - 1));
            if (items.Count > 0) Assert.True(Spread(items, result, shards) <= items.Max(i => i.Weight), $"seed {seed}");
        });

    [Property(MaxTest = 200)]
    public Property Adding_one_cluster_moves_few_others_and_keeps_the_balance()
        => Prop.ForAll(Seeds, seed =>
        {
            var (items, shards) = Random(seed);
            var before = ShardAssignment.Assign(items, shards);
            var grown = items.Append(new ShardAssignment.Item("newcomer", new Random(seed).Next(1, 30))).ToList();
            var after = ShardAssignment.Assign(grown, shards, before);
            var moved = items.Count(i => before[i.Name] != after[i.Name]);
            Assert.True(moved <= 2, $"seed {seed}: {moved} moved");
            Assert.True(Spread(grown, after, shards) <= grown.Max(i => i.Weight), $"seed {seed}");
        });

    [Property(MaxTest = 200)]
    public Property Removing_one_cluster_moves_few_others_and_keeps_the_balance()
        => Prop.ForAll(Seeds, seed =>
        {
            var (items, shards) = Random(seed);
            if (items.Count < 2) return;
            var before = ShardAssignment.Assign(items, shards);
            var shrunk = items.Skip(1).ToList();
            var after = ShardAssignment.Assign(shrunk, shards, before);
            var moved = shrunk.Count(i => before[i.Name] != after[i.Name]);
            Assert.True(moved <= 2, $"seed {seed}: {moved} moved");
            Assert.True(Spread(shrunk, after, shards) <= shrunk.Max(i => i.Weight), $"seed {seed}");
        });

    [Property(MaxTest = 100)]
    public Property The_same_input_gives_the_same_assignment_in_any_order()
        => Prop.ForAll(Seeds, seed =>
        {
            var (items, shards) = Random(seed);
            var shuffled = items.OrderBy(_ => new Random(seed).Next()).Reverse().ToList();
            Assert.Equal(ShardAssignment.Assign(items, shards).OrderBy(p => p.Key), ShardAssignment.Assign(shuffled, shards).OrderBy(p => p.Key));
        });

    [Fact]
    public void Pinned_clusters_keep_their_shard_and_previous_shards_out_of_range_are_reassigned()
    {
        var items = new[] { new ShardAssignment.Item("a", 5, Pinned: 1), new ShardAssignment.Item("b", 5), new ShardAssignment.Item("c", 5) };
        var result = ShardAssignment.Assign(items, 2, new Dictionary<string, int> { ["b"] = 7, ["c"] = -1 });
        Assert.Equal(1, result["a"]);
        Assert.Equal(0, result["b"]);
        Assert.InRange(result["c"], 0, 1);
    }

    [Fact]
    public void Growing_from_one_shard_to_four_spreads_clusters_evenly()
    {
        var items = Enumerable.Range(0, 40).Select(i => new ShardAssignment.Item($"c{i:D2}", 3)).ToList();
        var one = ShardAssignment.Assign(items, 1);
        var four = ShardAssignment.Assign(items, 4, one);
        Assert.Equal([10, 10, 10, 10], four.Values.GroupBy(s => s).OrderBy(g => g.Key).Select(g => g.Count()));
    }
}
