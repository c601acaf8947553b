using System.Globalization;
using System.Text;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Writes <c>fleet-report.md</c>: the Argo CD scale, per shard its clusters and Applications, per cluster its add-ons
/// with versions, namespaces and waves, and the last change (kept as it was when a render changes nothing, so a second
/// render is byte-identical).
/// </summary>
public static class FleetReport
{
    internal const string ClustersHeading = "Clusters";
    internal const string LastChangeHeading = "Last change";

    /// <summary>Compares a plan with the previous render.</summary>
    public static FleetChanges Compare(FleetPlan plan, PreviousRender previous)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(previous);
        if (!previous.Exists) return new FleetChanges(false, [.. plan.Clusters.Select(c => c.Cluster.Name)], [], [], []);
        var now = plan.Clusters.ToDictionary(c => c.Cluster.Name, StringComparer.Ordinal);
        var added = plan.Clusters.Select(c => c.Cluster.Name).Where(n => !previous.Shards.ContainsKey(n)).ToList();
        var removed = previous.Shards.Keys.Where(n => !now.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
        var moved = plan.Clusters
            .Where(c => previous.Shards.TryGetValue(c.Cluster.Name, out var before) && before != c.Shard)
            .Select(c => (c.Cluster.Name, previous.Shards[c.Cluster.Name], c.Shard)).ToList();
        var changed = plan.Clusters
            .Where(c => previous.AddOns.TryGetValue(c.Cluster.Name, out var before) && before != AddOnCell(c))
            .Select(c => c.Cluster.Name).ToList();
        return new FleetChanges(true, added, removed, moved, changed);
    }

    /// <summary>The report's text.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="changes">What changed since the previous render.</param>
    /// <param name="previous">The previous render (its last change is kept when nothing changed).</param>
    /// <param name="expanded">The add-on Applications the expanded ApplicationSets generate; <c>null</c> lists them from the plan.</param>
    public static string Write(FleetPlan plan, FleetChanges changes, PreviousRender previous, IReadOnlyList<FleetPreview.PreviewedApplication>? expanded = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fleet = plan.Fleet;
        var argo = fleet.ControlPlane.ArgoCd;
        var sb = new StringBuilder();
        sb.Append("# Fleet `").Append(fleet.Name).Append("`\n\n");
        sb.Append("Rendered by okegitops from the fleet description; render again instead of editing.\n\n");
        sb.Append("- Control plane: ").Append(fleet.ControlPlane.Region).Append(", Argo CD ").Append(argo.Version)
            .Append(" (chart argo-cd ").Append(argo.ChartVersion).Append("), ").Append(argo.Exposure.Describe()).Append('\n');
        sb.Append("- Clusters: ").Append(N(plan.Clusters.Count)).Append(", Applications on them: ").Append(N(plan.Applications))
            .Append(", controller shards: ").Append(N(plan.Scale.ControllerReplicas)).Append('\n');
        sb.Append("- Applications are made by ").Append(fleet.Applications == FleetApplications.ApplicationSets
            ? "one ApplicationSet per add-on (cluster generator over the cluster secrets' labels)"
            : "explicit Applications, an app-of-apps per cluster").Append('\n');
        sb.Append("- Add-ons: ").Append(string.Join(", ", fleet.AddOns.Select(a =>
            $"{a.Name} {a.Source.Version} (wave {plan.Waves[a.Name]}{(a.Selector.Count == 0 ? "" : ", on " + string.Join(", ", a.Selector.Select(s => $"{s.Key}={s.Value}")))})")))
            .Append("\n\n");

        sb.Append("## Argo CD scale\n\n| Setting | Value |\n|---|---|\n");
        var s = plan.Scale;
        sb.Append("| application controller replicas (shards) | ").Append(s.ControllerReplicas).Append(" |\n");
        sb.Append("| repo-server replicas | ").Append(s.RepoServerReplicas).Append(" |\n");
        sb.Append("| server replicas | ").Append(s.ServerReplicas).Append(" |\n");
        sb.Append("| ApplicationSet controller replicas | ").Append(s.ApplicationSetReplicas).Append(" |\n");
        sb.Append("| Redis HA | ").Append(s.RedisHa ? "yes" : "no").Append(" |\n");
        foreach (var (key, value) in ArgoCdChart.Params(plan).ToData())
            sb.Append("| `").Append(key).Append("` | ").Append(value).Append(" |\n");

        sb.Append("\n## Shards\n\n| Shard | Clusters | Applications |\n|---|---|---|\n");
        foreach (var shard in Enumerable.Range(0, s.ControllerReplicas))
        {
            var on = plan.Clusters.Where(c => c.Shard == shard).ToList();
            sb.Append("| ").Append(shard).Append(" | ").Append(N(on.Count)).Append(" | ").Append(N(on.Sum(c => c.Applications))).Append(" |\n");
        }

        sb.Append("\n## ").Append(ClustersHeading).Append("\n\n| Cluster | Region | Shard | Applications | Add-ons (version, namespace, wave) |\n|---|---|---|---|---|\n");
        var fromExpansion = expanded?.GroupBy(a => a.Cluster).ToDictionary(g => g.Key,
            g => string.Join("; ", g.OrderBy(a => a.Wave).ThenBy(a => a.AddOn, StringComparer.Ordinal).Select(a => Cell(a.AddOn, a.Version, a.Namespace, a.Wave))), StringComparer.Ordinal);
        foreach (var c in plan.Clusters)
        {
            var cell = fromExpansion is null ? AddOnCell(c) : fromExpansion.GetValueOrDefault(c.Cluster.Name, "(none)");
            sb.Append("| ").Append(c.Cluster.Name).Append(" | ").Append(c.Cluster.Region).Append(" | ").Append(c.Shard)
                .Append(" | ").Append(c.Applications).Append(" | ").Append(cell).Append(" |\n");
        }

        sb.Append("\n## ").Append(LastChangeHeading).Append("\n\n");
        if (!changes.Any && previous.LastChange is { } kept) sb.Append(kept).Append('\n');
        else sb.Append(Describe(changes)).Append('\n');
        return sb.ToString();
    }

    internal static string AddOnCell(PlannedCluster c)
        => c.AddOns.Count == 0 ? "(none)" : string.Join("; ", c.AddOns.Select(a => Cell(a.AddOn.Name, a.Version, a.AddOn.Namespace, a.Wave)));

    private static string Cell(string addOn, string version, string ns, int wave) => $"{addOn} {version} in {ns} (wave {wave})";

    private static string Describe(FleetChanges changes)
    {
        if (!changes.HadPrevious) return $"First render: {Count(changes.Added.Count, "cluster")} added.";
        var sb = new StringBuilder("Compared with the render before it:\n\n");
        sb.Append("- added: ").Append(List(changes.Added)).Append('\n');
        sb.Append("- removed: ").Append(List(changes.Removed)).Append('\n');
        sb.Append("- moved to another shard: ").Append(changes.Moved.Count == 0 ? "none"
            : $"{N(changes.Moved.Count)} ({string.Join(", ", changes.Moved.Take(20).Select(m => $"{m.Cluster} {m.From}→{m.To}"))}{(changes.Moved.Count > 20 ? ", …" : "")})").Append('\n');
        sb.Append("- add-ons changed on: ").Append(List(changes.AddOnsChanged));
        return sb.ToString();
    }

    private static string List(IReadOnlyList<string> names)
        => names.Count == 0 ? "none" : $"{N(names.Count)} ({string.Join(", ", names.Take(20))}{(names.Count > 20 ? ", …" : "")})";

    private static string Count(int n, string what) => $"{N(n)} {what}{(n == 1 ? "" : "s")}";

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
