namespace OkeGitOps.Manifests.Tests;

/// <summary>
/// Finds the repository and the shared data folder from a running test. The repository root is the directory holding
/// <c>OkeGitOps.Manifests.sln</c>, found by walking up from the test binaries; the shared folder sits beside it as
/// <c>&lt;repo root&gt;/../shared</c> and may be absent (then tests that need it skip).
/// </summary>
public static class TestPaths
{
    private const string SolutionFile = "OkeGitOps.Manifests.sln";

    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot);

    /// <summary>The repository root (the directory containing the solution file).</summary>
    public static string RepoRoot => LazyRepoRoot.Value;

    /// <summary>The shared data folder next to the repository, or <c>null</c> when it does not exist.</summary>
    public static string? SharedDir => ExistingDirectory(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The <c>upstream</c> folder inside the shared folder, or <c>null</c> when it does not exist.</summary>
    public static string? UpstreamDir => SharedDir is { } shared ? ExistingDirectory(Path.Combine(shared, "upstream")) : null;

    /// <summary>The committed <c>schemas</c> folder.</summary>
    public static string SchemasDir => Path.Combine(RepoRoot, "schemas");

    /// <summary>The reason to give when a test skips for lack of the upstream folder.</summary>
    public static string NoUpstreamReason => $"../shared/upstream is not present beside {RepoRoot}; the cross-checks against the original upstream schemas need it";

    private static string? ExistingDirectory(string path)
    {
        var full = Path.GetFullPath(path);
        return Directory.Exists(full) ? full : null;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        throw new InvalidOperationException($"No {SolutionFile} found above {AppContext.BaseDirectory}.");
    }
}
