using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// The fleet resolved: the Argo CD scale in force, each add-on's sync wave, and per cluster its shard and add-ons.
/// Computed from the model alone (plus the previous placement), so it is what the renderer writes and what tests check.
/// </summary>
public sealed record FleetPlan
{
    private FleetPlan(OkeFleet fleet, ArgoCdScale scale, IReadOnlyDictionary<string, int> waves, IReadOnlyList<PlannedCluster> clusters)
    {
        Fleet = fleet;
        Scale = scale;
        Waves = waves;
        Clusters = clusters;
    }

    /// <summary>The fleet planned.</summary>
    public OkeFleet Fleet { get; }

    /// <summary>The Argo CD scale: the control plane's, or the one <see cref="ArgoCdSizing"/> proposes for the fleet.</summary>
    public ArgoCdScale Scale { get; }

    /// <summary>Sync wave per add-on name.</summary>
    public IReadOnlyDictionary<string, int> Waves { get; }

    /// <summary>The clusters in name order.</summary>
    public IReadOnlyList<PlannedCluster> Clusters { get; }

    /// <summary>All Applications the fleet runs on its clusters.</summary>
    public int Applications => Clusters.Sum(c => c.Applications);

    /// <summary>Checks and plans a fleet.</summary>
    /// <param name="fleet">The fleet.</param>
    /// <param name="previousShards">Shards of the previous render by cluster name, to keep clusters where they were.</param>
    /// <exception cref="Diagnostics.ManifestValidationException">The fleet fails a check in <see cref="FleetCheck"/>.</exception>
    public static FleetPlan For(OkeFleet fleet, IReadOnlyDictionary<string, int>? previousShards = null)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var overrides = new Dictionary<(string Cluster, string AddOn), AddOnOverride>();
        foreach (var o in fleet.Overrides)
        {
            overrides[(o.Cluster, o.AddOn)] = overrides.TryGetValue((o.Cluster, o.AddOn), out var before)
                ? new AddOnOverride(o.Cluster, o.AddOn, o.Enabled ?? before.Enabled, o.Version ?? before.Version, Merge(before.Values, o.Values))
                : o;
        }

        // Placement first (it does not depend on the scale), so the proposal can count Applications.
        var placed = new List<(FleetCluster Cluster, List<(AddOn AddOn, AddOnOverride? Override)> AddOns)>(fleet.Clusters.Count);
        foreach (var cluster in fleet.Clusters)
        {
            var list = new List<(AddOn, AddOnOverride?)>();
            foreach (var addOn in fleet.AddOns)
            {
                overrides.TryGetValue((cluster.Name, addOn.Name), out var o);
                if (o?.Enabled ?? addOn.Selects(cluster)) list.Add((addOn, o));
            }
            placed.Add((cluster, list));
        }
        var applications = placed.Sum(p => p.AddOns.Count + 1);
        var scale = fleet.ControlPlane.ArgoCd.Scale ?? ArgoCdSizing.Propose(fleet.Clusters.Count, applications);
        FleetCheck.Require(fleet, scale);

        var waves = ComputeWaves(fleet);
        var shards = ShardAssignment.Assign(
            [.. placed.Select(p => new ShardAssignment.Item(p.Cluster.Name, p.AddOns.Count + 1, p.Cluster.Shard))],
            scale.ControllerReplicas, previousShards);
        var clusters = placed
            .Select(p => new PlannedCluster(p.Cluster, shards[p.Cluster.Name], p.AddOns
                .Select(a => new PlannedAddOn(a.AddOn, a.Override?.Version ?? a.AddOn.Source.Version, waves[a.AddOn.Name], a.Override?.Values))
                .OrderBy(a => a.Wave).ThenBy(a => a.AddOn.Name, StringComparer.Ordinal)
                .ToList()))
            .OrderBy(c => c.Cluster.Name, StringComparer.Ordinal)
            .ToList();
        return new FleetPlan(fleet, scale, waves, clusters);
    }

    private static MappingNode? Merge(MappingNode? first, MappingNode? second)
    {
        if (first is null) return second;
        if (second is null) return first;
        foreach (var entry in second.Entries) first = first.Set(entry.Key, entry.Value);
        return first;
    }

    private static Dictionary<string, int> ComputeWaves(OkeFleet fleet)
    {
        var byName = fleet.AddOns.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var waves = new Dictionary<string, int>(StringComparer.Ordinal);
        int Wave(string name)
        {
            if (waves.TryGetValue(name, out var known)) return known;
            var deps = byName[name].DependsOn;
            var wave = deps.Count == 0 ? 0 : deps.Max(Wave) + 1;
            waves[name] = wave;
            return wave;
        }
        foreach (var a in fleet.AddOns) Wave(a.Name);
        return waves;
    }
}
