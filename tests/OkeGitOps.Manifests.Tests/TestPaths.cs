namespace OkeGitOps.Manifests.Tests;

/// <summary>
/// Finds the repository and the shared data folder from a running test. The repository root is the directory holding
/// <c>OkeGitOps.Manifests.sln</c>, found by walking up from the test binaries; the shared folder sits beside it as
/// <c>&lt;repo root&gt;/../shared</c> and may be absent locally (then tests that need it skip with the reason). In CI
/// (<c>CI</c> set and not <c>false</c>, as <c>.ci/run</c> sets it) the folder is always there, so a missing one fails
/// every test that asks for it instead of letting the upstream cross-checks skip unnoticed.
/// </summary>
public static class TestPaths
{
    private const string SolutionFile = "OkeGitOps.Manifests.sln";

    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot);

    /// <summary>The repository root (the directory containing the solution file).</summary>
    public static string RepoRoot => LazyRepoRoot.Value;

    /// <summary>The shared data folder next to the repository, or <c>null</c> when it does not exist (a test failure in CI).</summary>
    public static string? SharedDir => RequiredInCi(ExistingDirectory(Path.Combine(RepoRoot, "..", "shared")), "../shared");

    /// <summary>The <c>upstream</c> folder inside the shared folder, or <c>null</c> when it does not exist (a test failure in CI).</summary>
    public static string? UpstreamDir => SharedDir is { } shared ? RequiredInCi(ExistingDirectory(Path.Combine(shared, "upstream")), "../shared/upstream") : null;

    /// <summary>True when running in CI: <c>CI</c> is set to anything but <c>false</c>.</summary>
    public static bool InCi => Snapshots.Snapshot.IsCi(Environment.GetEnvironmentVariable(Snapshots.Snapshot.CiVariable));

    /// <summary>Passes a found folder through; a missing one is null locally and a failure in CI.</summary>
    internal static string? RequiredInCi(string? directory, string name, bool? inCi = null)
    {
        if (directory is null && (inCi ?? InCi))
        {
            throw new Xunit.Sdk.XunitException(
                $"{name} is missing beside {RepoRoot}, and CI is set: CI always has it, so the upstream cross-checks must run, not skip.");
        }
        return directory;
    }

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
