using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Repo;

/// <summary>
/// The repository config file, <c>.okegitops.yaml</c>, that <c>okegitops validate</c> finds by walking up from its
/// inputs. A render whose files are bound to clusters (<see cref="RepoFile.ForCluster"/>) writes one at the top of the
/// output, listing each cluster's files, so that validating the output checks duplicates and references per cluster
/// exactly as the render did, with no flags.
/// </summary>
public static class RepoConfigFile
{
    /// <summary>The config file's name.</summary>
    public const string FileName = ".okegitops.yaml";

    /// <summary>
    /// The config a render writes for <paramref name="files"/>: each cluster's folder (when every manifest file below it
    /// is bound to that cluster) or else its files one by one. <c>null</c> when no file is bound to a cluster.
    /// </summary>
    public static GeneratedFile? ForClusters(IReadOnlyList<RepoFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var manifests = files.OfType<ManifestRepoFile>().Select(f => (Path: f.RelativePath.Replace('\\', '/'), f.Cluster)).ToList();
        var clusters = manifests.Where(f => f.Cluster is not null).GroupBy(f => f.Cluster!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (clusters.Count == 0) return null;
        // All manifest files in path order: the files under a folder are one run of it, found by binary search, so
        // checking every cluster's folder is linear in the repository rather than quadratic.
        var byPath = manifests.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        var sortedPaths = byPath.Select(f => f.Path).ToArray();
        var entries = new List<(string, ManifestNode)>();
        foreach (var cluster in clusters)
        {
            var paths = cluster.Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
            var folder = CommonFolder(paths);
            var folderIsOwn = folder.Length > 0 && OnlyClusterUnder(folder, cluster.Key, byPath, sortedPaths);
            entries.Add((cluster.Key, ManifestNode.List(folderIsOwn ? [ManifestNode.String(folder)] : paths.Select(p => (ManifestNode)ManifestNode.String(p)))));
        }
        var yaml = YamlEmitter.Emit(ManifestNode.Map(("clusters", ManifestNode.Map([.. entries]))));
        return new GeneratedFile(FileName,
            "# Written by the render: okegitops validate reads it (found by walking up from its inputs) and checks\n"
            + "# duplicates and references only among the files of one cluster. Keys: docs/okegitops-config.schema.json.\n"
            + yaml);
    }

    // True when every manifest file under the folder is bound to the cluster.
    private static bool OnlyClusterUnder(string folder, string cluster, (string Path, string? Cluster)[] byPath, string[] sortedPaths)
    {
        var i = Array.BinarySearch(sortedPaths, folder, StringComparer.Ordinal);
        if (i < 0) i = ~i;
        for (; i < byPath.Length && byPath[i].Path.StartsWith(folder, StringComparison.Ordinal); i++)
        {
            if (byPath[i].Cluster != cluster) return false;
        }
        return true;
    }

    // The longest folder (ending in '/') that holds every path, or "" when they share none.
    private static string CommonFolder(IReadOnlyList<string> paths)
    {
        var first = paths[0];
        var length = first.LastIndexOf('/') + 1;
        foreach (var path in paths.Skip(1))
        {
            length = Math.Min(length, path.Length);
            var i = 0;
            while (i < length && first[i] == path[i]) i++;
            length = first.LastIndexOf('/', Math.Max(0, i - 1)) + 1;
            if (i == 0) length = 0;
        }
        return first[..length];
    }
}
