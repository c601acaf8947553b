using System.Diagnostics;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Repo;

namespace OkeGitOps.Manifests.Tests.Reliability;

/// <summary>
/// Issue 14, "Found" 4: a writer killed at any step leaves the old tree or the new one, and the next
/// <see cref="RepoWriter.Write"/> or <see cref="RepoWriter.Check"/> repairs an interrupted swap and removes every leftover.
/// The kill tests run the hello example in a child process that the writer's test hook stops at a step, then kill it.
/// </summary>
public sealed class RepoWriterCrashTests : IDisposable
{
    private static readonly GeneratedFile[] OldFiles = [new("old.yaml", "old: 1\n"), new("keep/old.yaml", "old: 2\n")];

    private static readonly Lazy<Dictionary<string, string>> NewTree = new(RenderHelloOnce);

    private readonly string _root = Directory.CreateTempSubdirectory("okegitops-crash-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Out => Path.Combine(_root, "out");

    public static TheoryData<bool, string, string> KillPoints => new()
    {
        // exchange?, step at which the child is killed, what runs next
        { true, "writing", "Check" },
        { true, "staged", "Write" },
        { true, "swapped", "Check" },
        { true, "swapped", "Write" },
        { false, "writing", "Write" },
        { false, "staged", "Check" },
        { false, "between-renames", "Check" },
        { false, "between-renames", "Write" },
        { false, "swapped", "Check" },
        { false, "swapped", "Write" },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public void A_writer_killed_at_a_step_leaves_the_old_or_new_tree_and_the_next_run_leaves_no_leftovers(bool exchange, string step, string next)
    {
        RepoWriter.Write(Out, OldFiles);
        var oldTree = Snap(Out)!;
        var newTree = NewTree.Value;

        KillHelloAt(step, exchange);

        var afterKill = Snap(Out);
        if (step == "between-renames")
        {
            // The one window of the two-rename fallback: no output folder, the old tree whole in a backup folder.
            Assert.Null(afterKill);
            Assert.Contains(Directory.GetDirectories(_root), d => Path.GetFileName(d).StartsWith(".out.old-", StringComparison.Ordinal));
        }
        else
        {
            Assert.True(Same(afterKill, oldTree) || Same(afterKill, newTree), $"after a kill at '{step}' the output is neither the old nor the new tree");
        }
        Assert.NotEqual(["out"], Entries(_root)); // the kill did leave something behind

        var repairs = new List<Diagnostic>();
        if (next == "Check")
        {
            RepoWriter.Check(Out, OldFiles, repairs.Add);
            var recovered = Snap(Out);
            Assert.True(Same(recovered, oldTree) || Same(recovered, newTree), $"after Check the output is neither the old nor the new tree");
        }
        else
        {
            RepoWriter.Write(Out, [new GeneratedFile("next.yaml", "next: 1\n")], repairs.Add);
            Assert.Equal(["next.yaml", RepoWriter.IndexFileName], Snap(Out)!.Keys.Order(StringComparer.Ordinal).Reverse());
        }
        Assert.Equal(["out"], Entries(_root));
        Assert.NotEmpty(repairs);
        if (step == "between-renames")
        {
            var restored = Assert.Single(repairs, r => r.Rule == "output-restored");
            Assert.StartsWith($"{Out} was missing after an interrupted write; the previous tree was restored from .out.old-", restored.Message, StringComparison.Ordinal);
            if (next == "Check") Assert.True(Same(Snap(Out), oldTree), "the restored tree is the old one");
        }
    }

    [SkippableFact]
    public void On_linux_and_macos_two_folders_are_exchanged_in_one_step()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "only Linux and macOS have an atomic folder exchange");
        var a = Directory.CreateDirectory(Path.Combine(_root, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(_root, "b")).FullName;
        File.WriteAllText(Path.Combine(a, "which"), "a");
        File.WriteAllText(Path.Combine(b, "which"), "b");
        Assert.True(DirectoryExchange.TryExchange(a, b));
        Assert.Equal("b", File.ReadAllText(Path.Combine(a, "which")));
        Assert.Equal("a", File.ReadAllText(Path.Combine(b, "which")));
    }

    [Fact]
    public void Check_restores_an_interrupted_two_rename_swap_from_its_journal_and_says_so()
    {
        RepoWriter.Write(Out, OldFiles);
        var oldTree = Snap(Out)!;
        var id = Guid.NewGuid().ToString("N");
        Directory.Move(Out, Path.Combine(_root, $".out.old-{id}"));
        Directory.CreateDirectory(Path.Combine(_root, $".out.staging-{id}"));
        File.WriteAllText(Path.Combine(_root, ".out.okegitops-swap"), $"staging: .out.staging-{id}\nold: .out.old-{id}\n");

        var repairs = new List<Diagnostic>();
        Assert.Empty(RepoWriter.Check(Out, OldFiles, repairs.Add));
        Assert.True(Same(Snap(Out), oldTree));
        Assert.Equal(["out"], Entries(_root));
        Assert.Equal(["output-restored", "output-leftover-removed"], repairs.Select(r => r.Rule));
        Assert.Equal($"removed .out.staging-{id}, left beside {Out} by an interrupted write", repairs[1].Message);
    }

    [Fact]
    public void Leftovers_are_recognised_by_the_index_without_a_journal()
    {
        RepoWriter.Write(Out, OldFiles);
        var id = Guid.NewGuid().ToString("N");
        var leftover = Path.Combine(_root, $".out.staging-{id}");
        RepoWriter.Write(leftover, OldFiles); // a folder with this writer's index
        var repairs = new List<Diagnostic>();
        RepoWriter.Write(Out, OldFiles, repairs.Add);
        Assert.Equal(["out"], Entries(_root));
        Assert.Equal("output-leftover-removed", Assert.Single(repairs).Rule);
    }

    [Fact]
    public void Folders_of_the_user_that_only_look_like_leftovers_are_never_touched()
    {
        var id = Guid.NewGuid().ToString("N");
        var user = Path.Combine(_root, $".out.old-{id}");
        Directory.CreateDirectory(user);
        File.WriteAllText(Path.Combine(user, "mine.txt"), "user data");
        Directory.CreateDirectory(Path.Combine(_root, ".out.staging-mine"));
        File.WriteAllText(Path.Combine(_root, ".out.staging-mine", RepoWriter.IndexFileName), "# Files generated by okegitops; the folder is rebuilt on every render.\n");

        var repairs = new List<Diagnostic>();
        RepoWriter.Write(Out, OldFiles, repairs.Add);
        Assert.Empty(repairs);
        Assert.Equal("user data", File.ReadAllText(Path.Combine(user, "mine.txt")));
        Assert.True(Directory.Exists(Path.Combine(_root, ".out.staging-mine")));
    }

    [Fact]
    public void A_failed_write_keeps_the_old_tree_and_leaves_nothing_behind()
    {
        RepoWriter.Write(Out, OldFiles);
        var oldTree = Snap(Out)!;
        var huge = new string('x', 300);
        Assert.Throws<ManifestValidationException>(() => RepoWriter.Write(Out, [new GeneratedFile(huge + ".yaml", "x")]));
        Assert.True(Same(Snap(Out), oldTree));
        Assert.Equal(["out"], Entries(_root));
    }

    private void KillHelloAt(string step, bool exchange)
    {
        var start = HelloProcess(["--out", Out]);
        start.Environment[RepoWriter.PauseVariable] = step;
        if (!exchange) start.Environment[DirectoryExchange.DisableVariable] = "1";
        using var child = Process.Start(start)!;
        try
        {
            var reached = Task.Run(() =>
            {
                while (child.StandardError.ReadLine() is { } line)
                {
                    if (line == $"okegitops-test: paused at {step}") return true;
                }
                return false;
            });
            Assert.True(reached.Wait(TimeSpan.FromSeconds(120)), $"the writer did not reach '{step}' in time");
            Assert.True(reached.Result, $"the writer ended without reaching '{step}'");
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
    }

    private static Dictionary<string, string> RenderHelloOnce()
    {
        var folder = Directory.CreateTempSubdirectory("okegitops-hello-").FullName;
        try
        {
            using var child = Process.Start(HelloProcess(["--out", Path.Combine(folder, "out")]))!;
            child.StandardError.ReadToEnd();
            child.WaitForExit();
            Assert.Equal(0, child.ExitCode);
            return Snap(Path.Combine(folder, "out"))!;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ProcessStartInfo HelloProcess(string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hello.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    private static Dictionary<string, string>? Snap(string folder)
        => Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal)
            : null;

    private static bool Same(Dictionary<string, string>? a, Dictionary<string, string> b)
        => a is not null && a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    private static List<string> Entries(string folder)
        => Directory.EnumerateFileSystemEntries(folder).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal).ToList();
}
