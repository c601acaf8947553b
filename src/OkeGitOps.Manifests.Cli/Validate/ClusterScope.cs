namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>The files bound for one cluster, as a config file's <c>clusters</c> key lists them.</summary>
/// <param name="Cluster">The cluster's name.</param>
/// <param name="Paths">Full paths: folders end in a directory separator and take every file below them; others are files.</param>
internal sealed record ClusterScope(string Cluster, IReadOnlyList<string> Paths)
{
    /// <summary>True when the file at <paramref name="fullPath"/> belongs to this cluster.</summary>
    public bool Contains(string fullPath)
    {
        foreach (var path in Paths)
        {
            var isFolder = path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith('/');
            if (isFolder ? fullPath.StartsWith(path, StringComparison.Ordinal) : string.Equals(fullPath, path, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
