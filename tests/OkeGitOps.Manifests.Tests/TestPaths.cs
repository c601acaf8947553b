namespace OkeGitOps.Manifests.Tests;

/// <summary>Where the repository and the shared reference material are, seen from a running test.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OkeGitOps.Manifests.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No OkeGitOps.Manifests.sln above {AppContext.BaseDirectory}.");
    });

    /// <summary>The folder holding OkeGitOps.Manifests.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shared reference folder (<c>../shared</c> beside the repository, or <c>OKEGITOPS_SHARED</c>), or null when absent.</summary>
    public static string? SharedDir
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("OKEGITOPS_SHARED") ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(dir) ? dir : null;
        }
    }

    /// <summary>The upstream CRDs and OpenAPI files, or null when absent.</summary>
    public static string? UpstreamDir => SharedDir is { } shared && Directory.Exists(Path.Combine(shared, "upstream")) ? Path.Combine(shared, "upstream") : null;

    /// <summary>The reason to give when a test skips for lack of the upstream folder.</summary>
    public static string NoUpstreamReason => $"../shared/upstream is not present beside {RepoRoot}; the cross-checks against the original upstream schemas need it";
}
