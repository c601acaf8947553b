namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// What the previous render left in the output folder, read from its <c>fleet-report.md</c>: each cluster's shard and
/// add-on line, and the report's "Last change" section. Missing or unreadable means there was no previous render.
/// </summary>
public sealed record PreviousRender
{
    /// <summary>No previous render.</summary>
    public static PreviousRender None { get; } = new();

    /// <summary>Whether a previous report was found.</summary>
    public bool Exists { get; init; }

    /// <summary>Shard by cluster name.</summary>
    public IReadOnlyDictionary<string, int> Shards { get; init; } = new Dictionary<string, int>();

    /// <summary>The add-on cell of each cluster's row.</summary>
    public IReadOnlyDictionary<string, string> AddOns { get; init; } = new Dictionary<string, string>();

    /// <summary>The text of the previous "Last change" section.</summary>
    public string? LastChange { get; init; }

    /// <summary>Reads the previous render from an output folder; <see cref="None"/> when there is none.</summary>
    public static PreviousRender Read(string? outputDirectory)
    {
        if (outputDirectory is null) return None;
        var path = Path.Combine(outputDirectory, FleetLayout.Report);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : None;
    }

    /// <summary>Reads the previous render from the text of a report.</summary>
    public static PreviousRender Parse(string report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var shards = new Dictionary<string, int>(StringComparer.Ordinal);
        var addOns = new Dictionary<string, string>(StringComparer.Ordinal);
        string? section = null;
        var lastChange = new List<string>();
        foreach (var line in report.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
                continue;
            }
            if (section == FleetReport.ClustersHeading && line.StartsWith("| ", StringComparison.Ordinal))
            {
                var cells = line.Trim().Trim('|').Split(" | ");
                if (cells.Length == 5 && int.TryParse(cells[2].Trim(), out var shard))
                {
                    shards[cells[0].Trim()] = shard;
                    addOns[cells[0].Trim()] = cells[4].Trim();
                }
            }
            else if (section == FleetReport.LastChangeHeading) lastChange.Add(line);
        }
        return new PreviousRender
        {
            Exists = true,
            Shards = shards,
            AddOns = addOns,
            LastChange = lastChange.Count == 0 ? null : string.Join('\n', lastChange).Trim('\n'),
        };
    }
}
