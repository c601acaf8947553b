using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Intent.Eso;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// The checks a fleet must pass before anything is rendered. All problems are collected, so one run names every one;
/// each diagnostic has a rule id from <see cref="FleetRules"/>, the path in the fleet description and a suggestion.
/// </summary>
public static class FleetCheck
{
    /// <summary>The names no add-on may take, because the fleet uses them for its own Applications.</summary>
    public static IReadOnlyList<string> ReservedAddOnNames { get; } = ["cluster-config", "apps"];

    /// <summary>Checks the fleet against a controller replica count and returns what is wrong (empty when it can be rendered).</summary>
    public static IReadOnlyList<Diagnostic> Run(OkeFleet fleet, ArgoCdScale scale)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(scale);
        var found = new List<Diagnostic>();
        found.AddRange(scale.Check());

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var ocids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fleet.Clusters.Count; i++)
        {
            var c = fleet.Clusters[i];
            if (!names.TryAdd(c.Name, i))
                found.Add(FleetRules.Error(FleetRules.DuplicateCluster,
                    $"cluster name '{c.Name}' is used by clusters[{names[c.Name]}] and clusters[{i}]; their cluster secrets and folders would collide",
                    $"clusters[{i}].name", "give each cluster its own name, e.g. with the region key as a suffix"));
            if (!ocids.TryAdd(c.ClusterOcid, i))
                found.Add(FleetRules.Error(FleetRules.DuplicateClusterOcid,
                    $"clusters '{fleet.Clusters[ocids[c.ClusterOcid]].Name}' and '{c.Name}' name the same OKE cluster {c.ClusterOcid}; Argo CD would manage it twice",
                    $"clusters[{i}].clusterOcid", "describe each OKE cluster once; copy the right OCID from the OCI console"));
            if (Ocid.TryParse(c.ClusterOcid, out var cluster, out _) && cluster.Region.Length > 0
                && OciRegions.TryFind(cluster.Region, out var clusterRegion) && clusterRegion.Id != c.Region)
                found.Add(FleetRules.Error(FleetRules.ClusterRegion,
                    $"cluster '{c.Name}' is described as in {c.Region}, but its cluster OCID is of an OKE cluster in {clusterRegion.Id}; its vault, IAM policy and report would name the wrong region",
                    $"clusters[{i}].clusterOcid", $"set the region to {clusterRegion.Id}, or copy the OCID of the cluster in {c.Region}"));
            if (Ocid.TryParse(c.VaultOcid, out var vault, out _) && vault.Region.Length > 0
                && OciRegions.TryFind(vault.Region, out var vaultRegion) && vaultRegion.Id != c.Region)
                found.Add(FleetRules.Error(FleetRules.VaultRegion,
                    $"cluster '{c.Name}' is in {c.Region} but its vault is in {vaultRegion.Id}; the cluster's workload identity reads secrets from its own region",
                    $"clusters[{i}].vaultOcid", $"use a vault in {c.Region}, or move the cluster to {vaultRegion.Id}"));
            if (c.Shard is { } shard && (shard < 0 || shard >= scale.ControllerReplicas))
                found.Add(FleetRules.Error(FleetRules.ShardRange,
                    shard < 0
                        ? $"cluster '{c.Name}' is pinned to shard {shard}; Argo CD would let no controller own it, so it would never be reconciled"
                        : $"cluster '{c.Name}' is pinned to shard {shard}, but there are {scale.ControllerReplicas} controller replicas (shards 0 to {scale.ControllerReplicas - 1}); Argo CD would quietly put it on shard 0",
                    $"clusters[{i}].shard", $"pin a shard from 0 to {scale.ControllerReplicas - 1}, raise ControllerReplicas, or leave the shard to the fleet"));
        }

        var addOns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fleet.AddOns.Count; i++)
        {
            var a = fleet.AddOns[i];
            if (ReservedAddOnNames.Contains(a.Name))
                found.Add(FleetRules.Error(FleetRules.DuplicateAddOn, $"add-on name '{a.Name}' is reserved for the fleet's own Applications",
                    $"addOns[{i}].name", "rename the add-on"));
            else if (!addOns.TryAdd(a.Name, i))
                found.Add(FleetRules.Error(FleetRules.DuplicateAddOn, $"add-on name '{a.Name}' is used by addOns[{addOns[a.Name]}] and addOns[{i}]",
                    $"addOns[{i}].name", "give each add-on its own name, e.g. 'logging-eu'"));
        }
        for (var i = 0; i < fleet.AddOns.Count; i++)
        {
            var a = fleet.AddOns[i];
            for (var j = 0; j < a.DependsOn.Count; j++)
            {
                if (!addOns.ContainsKey(a.DependsOn[j]))
                    found.Add(FleetRules.Error(FleetRules.UnknownAddOn, $"add-on '{a.Name}' depends on '{a.DependsOn[j]}', which the fleet does not have",
                        $"addOns[{i}].dependsOn[{j}]", Suggest(a.DependsOn[j], addOns.Keys, "add it to the fleet with AddAddOns(...)")));
            }
        }
        foreach (var cycle in Cycles(fleet, addOns))
            found.Add(FleetRules.Error(FleetRules.DependencyCycle, $"add-ons depend on each other in a circle: {string.Join(" -> ", cycle)}; no sync order exists",
                $"addOns[{addOns[cycle[0]]}].dependsOn", $"drop one of the dependencies, e.g. '{cycle[^2]}' on '{cycle[^1]}'"));

        for (var i = 0; i < fleet.Overrides.Count; i++)
        {
            var o = fleet.Overrides[i];
            if (!names.ContainsKey(o.Cluster))
                found.Add(FleetRules.Error(FleetRules.UnknownCluster, $"an override of add-on '{o.AddOn}' names cluster '{o.Cluster}', which the fleet does not have",
                    $"overrides[{i}].cluster", Suggest(o.Cluster, names.Keys, "add the cluster or remove the override")));
            if (!addOns.ContainsKey(o.AddOn))
                found.Add(FleetRules.Error(FleetRules.UnknownAddOn, $"an override for cluster '{o.Cluster}' names add-on '{o.AddOn}', which the fleet does not have",
                    $"overrides[{i}].addOn", Suggest(o.AddOn, addOns.Keys, "add the add-on or remove the override")));
        }
        return found;
    }

    /// <summary>Throws when <see cref="Run"/> finds any error.</summary>
    /// <exception cref="ManifestValidationException">The fleet cannot be rendered; the diagnostics say why.</exception>
    public static void Require(OkeFleet fleet, ArgoCdScale scale)
    {
        var found = Run(fleet, scale);
        if (found.Any(d => d.IsError)) throw new ManifestValidationException(found);
    }

    private static string Suggest(string name, IEnumerable<string> known, string otherwise)
        => Validation.NearMatch.Find(name, known) is { } near ? $"did you mean '{near}'?" : otherwise;

    // Depth-first search; each cycle is reported once, starting at its smallest name, closed by repeating it.
    private static List<List<string>> Cycles(OkeFleet fleet, Dictionary<string, int> index)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        var cycles = new List<List<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string name)
        {
            state[name] = 1;
            stack.Add(name);
            foreach (var dep in fleet.AddOns[index[name]].DependsOn.Where(index.ContainsKey).Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(dep) == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(dep)).ToList();
                    var start = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
                    var rotated = cycle.Skip(start).Concat(cycle.Take(start)).ToList();
                    rotated.Add(rotated[0]);
                    if (seen.Add(string.Join(">", rotated))) cycles.Add(rotated);
                }
                else if (state.GetValueOrDefault(dep) == 0) Visit(dep);
            }
            stack.RemoveAt(stack.Count - 1);
            state[name] = 2;
        }
        foreach (var name in index.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(name) == 0) Visit(name);
        }
        return cycles;
    }
}
