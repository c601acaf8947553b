namespace OkeGitOps.Manifests.Fleet;

/// <summary>What a render changed compared with the previous one (read from the previous output's <c>fleet-report.md</c>).</summary>
/// <param name="HadPrevious">Whether a previous render was found.</param>
/// <param name="Added">Clusters that are new.</param>
/// <param name="Removed">Clusters that are gone.</param>
/// <param name="Moved">Clusters kept but on another shard: name, shard before, shard now.</param>
/// <param name="AddOnsChanged">Clusters kept whose add-ons or versions changed.</param>
public sealed record FleetChanges(bool HadPrevious, IReadOnlyList<string> Added, IReadOnlyList<string> Removed,
    IReadOnlyList<(string Cluster, int From, int To)> Moved, IReadOnlyList<string> AddOnsChanged)
{
    /// <summary>Whether anything changed.</summary>
    public bool Any => !HadPrevious || Added.Count + Removed.Count + Moved.Count + AddOnsChanged.Count > 0;
}
