using Xunit.Sdk;

namespace OkeGitOps.Manifests.Tests.Snapshots;

public sealed class SnapshotTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "okegitops-snap-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private string Verified(string name, string ext = "yaml") => Path.Combine(_dir, $"{name}.verified.{ext}");

    private string Received(string name, string ext = "yaml") => Path.Combine(_dir, $"{name}.received.{ext}");

    private void WriteVerified(string name, string text, string ext = "yaml")
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Verified(name, ext), text);
    }

    private void Run(string actual, string name, string? accept = null, string? ci = null, string ext = "yaml") =>
        Snapshot.MatchInDirectory(actual, name, ext, _dir, accept, ci);

    [Fact]
    public void Match_passes_and_removes_stale_received_file()
    {
        WriteVerified("doc", "a: 1\nb: 2\n");
        File.WriteAllText(Received("doc"), "stale");

        Run("a: 1\r\nb: 2\r\n", "doc");

        Assert.False(File.Exists(Received("doc")));
    }

    [Fact]
    public void Match_uses_the_given_extension()
    {
        WriteVerified("code", "class C { }\n", "cs");

        Run("class C { }\n", "code", ext: "cs");
    }

    [Fact]
    public void Mismatch_fails_with_unified_diff_and_writes_received_file()
    {
        WriteVerified("doc", "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\n");

        var ex = Assert.Throws<XunitException>(() => Run("l1\nl2\nl3\nl4\nl5\nL6\nl7\nl8\nl9\nl10\n", "doc"));

        Assert.Contains("Verified: " + Verified("doc"), ex.Message);
        Assert.Contains(
            "--- verified\n+++ received\n@@ -3,7 +3,7 @@\n l3\n l4\n l5\n-l6\n+L6\n l7\n l8\n l9\n",
            ex.Message);
        Assert.Contains("OKEGITOPS_ACCEPT=1 dotnet test", ex.Message);
        Assert.Equal("l1\nl2\nl3\nl4\nl5\nL6\nl7\nl8\nl9\nl10\n", File.ReadAllText(Received("doc")));
        Assert.Equal("l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\n", File.ReadAllText(Verified("doc")));
    }

    [Fact]
    public void Accept_mode_writes_verified_file()
    {
        WriteVerified("doc", "old\n");
        File.WriteAllText(Received("doc"), "stale");

        Run("new\r\n", "doc", accept: "1");

        Assert.Equal("new\n", File.ReadAllText(Verified("doc")));
        Assert.False(File.Exists(Received("doc")));
    }

    [Fact]
    public void Accept_mode_creates_missing_verified_file()
    {
        Run("fresh\n", "new", accept: "1", ci: "false");

        Assert.Equal("fresh\n", File.ReadAllText(Verified("new")));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    [InlineData("yes")]
    public void Ci_blocks_acceptance(string ci)
    {
        WriteVerified("doc", "old\n");

        var ex = Assert.Throws<XunitException>(() => Run("new\n", "doc", accept: "1", ci: ci));

        Assert.Contains($"Acceptance is disabled because CI={ci} is set", ex.Message);
        Assert.Contains("OKEGITOPS_ACCEPT=1 was ignored", ex.Message);
        Assert.Equal("old\n", File.ReadAllText(Verified("doc")));
        Assert.Equal("new\n", File.ReadAllText(Received("doc")));
    }

    [Fact]
    public void Missing_verified_file_fails_with_clear_message()
    {
        var ex = Assert.Throws<XunitException>(() => Run("a: 1\nb: 2\n", "absent"));

        Assert.Contains("Snapshot 'absent' has no verified file yet.", ex.Message);
        Assert.Contains("Verified: " + Verified("absent") + " (missing)", ex.Message);
        Assert.Contains("--- verified\n+++ received\n@@ -0,0 +1,2 @@\n+a: 1\n+b: 2\n", ex.Message);
        Assert.False(File.Exists(Verified("absent")));
        Assert.Equal("a: 1\nb: 2\n", File.ReadAllText(Received("absent")));
    }

    [Fact]
    public void Unified_diff_splits_distant_changes_into_hunks()
    {
        string before = string.Concat(Enumerable.Range(1, 20).Select(i => $"{i}\n"));
        string after = before.Replace("2\n3\n", "2\nx\n3\n", StringComparison.Ordinal).Replace("18\n", "", StringComparison.Ordinal);

        string diff = Snapshot.UnifiedDiff(before, after);

        Assert.Equal(
            "--- verified\n+++ received\n"
            + "@@ -1,5 +1,6 @@\n 1\n 2\n+x\n 3\n 4\n 5\n"
            + "@@ -15,6 +16,5 @@\n 15\n 16\n 17\n-18\n 19\n 20\n",
            diff);
    }

    [Fact]
    public void Unified_diff_marks_missing_final_newline()
    {
        string diff = Snapshot.UnifiedDiff("a\nb\n", "a\nb");

        Assert.Equal(
            "--- verified\n+++ received\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n",
            diff);
    }

    [Fact]
    public void Match_resolves_Snapshots_folder_beside_the_calling_test()
    {
        // Uses the committed file Snapshots/Snapshots/harness-self-check.verified.txt.
        Snapshot.Match("The snapshot harness finds files beside the test source.\n", "harness-self-check", "txt");
    }
}
