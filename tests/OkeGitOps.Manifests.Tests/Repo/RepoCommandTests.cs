using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Repo;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Tests.Repo;

public sealed class RepoCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-repocommand-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "out");

    private RepoCommandOptions Options => new() { DefaultOutput = Out, Output = _stdout, Error = _stderr };

    private static Tree.MappingNode Namespace(string name) => Map(
        ("apiVersion", String("v1")), ("kind", String("Namespace")), ("metadata", Map(("name", String(name)))));

    private static List<RepoFile> Files(string name = "apps") => [RepoFile.Nodes("namespaces/apps.yaml", Namespace(name)), RepoFile.Text("README.txt", "rendered")];

    [Fact]
    public void Run_validates_and_writes_the_files_and_exits_0()
    {
        Assert.Equal(0, RepoCommand.Run([], Files(), Options));
        Assert.Equal("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n", File.ReadAllText(Path.Combine(Out, "namespaces", "apps.yaml")));
        Assert.Contains("wrote 2 files to", _stdout.ToString());
        Assert.Equal("", _stderr.ToString());
    }

    [Fact]
    public void Run_takes_the_output_folder_from_out_or_a_plain_argument()
    {
        var other = Path.Combine(_dir, "elsewhere");
        Assert.Equal(0, RepoCommand.Run(["--out", other], Files(), Options));
        Assert.True(File.Exists(Path.Combine(other, "README.txt")));
        var third = Path.Combine(_dir, "third");
        Assert.Equal(0, RepoCommand.Run([third], Files(), Options));
        Assert.True(File.Exists(Path.Combine(third, "README.txt")));
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void An_invalid_manifest_prints_file_path_message_and_suggestion_writes_nothing_and_exits_1()
    {
        Assert.Equal(1, RepoCommand.Run([], Files("Not_A_Name"), Options));
        var lines = _stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("namespaces/apps.yaml: metadata.name: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" (", lines[0]);
        Assert.Equal($"error: nothing was written to {Out}", lines[^1]);
        Assert.DoesNotContain("   at ", _stderr.ToString());
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void A_helper_throwing_while_the_files_are_built_is_one_diagnostic_line_not_a_stack_trace()
    {
        var code = RepoCommand.Run([], () => throw new ManifestValidationException(
            [Diagnostic.Error("intent-namespace", "'Bad_NS' is not a valid namespace", Tree.NodePath.Root.Key("metadata").Key("namespace"), suggestion: "try 'bad-ns'")]), Options);
        Assert.Equal(1, code);
        Assert.StartsWith("metadata.namespace: 'Bad_NS' is not a valid namespace (try 'bad-ns')\n", _stderr.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _stderr.ToString());
    }

    [Fact]
    public void Any_other_exception_while_building_is_one_line_naming_it()
    {
        var code = RepoCommand.Run([], () => throw new NotSupportedException("the fleet has no clusters"), Options);
        Assert.Equal(1, code);
        Assert.StartsWith("error: NotSupportedException: the fleet has no clusters\n", _stderr.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _stderr.ToString());
    }

    [Fact]
    public void A_lazy_sequence_that_throws_while_enumerated_is_caught_too()
    {
        static IEnumerable<RepoFile> Broken()
        {
            yield return RepoFile.Text("a.txt", "a");
            throw new InvalidOperationException("region key missing");
        }
        Assert.Equal(1, RepoCommand.Run([], Broken(), Options));
        Assert.Contains("error: region key missing", _stderr.ToString());
    }

    [Fact]
    public void Check_after_a_render_exits_0_and_writes_nothing()
    {
        Assert.Equal(0, RepoCommand.Run([], Files(), Options));
        var before = File.GetLastWriteTimeUtc(Path.Combine(Out, "README.txt"));
        Assert.Equal(0, RepoCommand.Run(["--check"], Files(), Options));
        Assert.Contains("up to date", _stdout.ToString());
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(Out, "README.txt")));
    }

    [Fact]
    public void Check_after_a_hand_edit_exits_1_naming_every_added_changed_and_removed_file()
    {
        Assert.Equal(0, RepoCommand.Run([], Files(), Options));
        File.AppendAllText(Path.Combine(Out, "namespaces", "apps.yaml"), "# edited by hand\n");
        File.WriteAllText(Path.Combine(Out, "stray.yaml"), "x: 1\n");
        File.Delete(Path.Combine(Out, "README.txt"));
        var edited = File.ReadAllText(Path.Combine(Out, "namespaces", "apps.yaml"));

        Assert.Equal(1, RepoCommand.Run(["--check"], Files(), Options));
        var listed = _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("changed: namespaces/apps.yaml", listed);
        Assert.Contains("added: README.txt", listed);
        Assert.Contains("removed: stray.yaml", listed);
        Assert.Contains("would be added, changed or removed", _stderr.ToString());
        Assert.Equal(edited, File.ReadAllText(Path.Combine(Out, "namespaces", "apps.yaml")));
    }

    [Fact]
    public void Check_of_a_folder_never_rendered_lists_every_file_as_added()
    {
        Assert.Equal(1, RepoCommand.Run(["--check"], Files(), Options));
        Assert.Contains("added: namespaces/apps.yaml", _stdout.ToString());
        Assert.False(Directory.Exists(Out));
    }

    [Theory]
    [InlineData("--bogus", "error: unknown option '--bogus'")]
    [InlineData("--out", "error: --out needs a folder")]
    public void A_bad_command_line_exits_2_with_the_usage(string arg, string message)
    {
        Assert.Equal(2, RepoCommand.Run([arg], Files(), Options));
        Assert.StartsWith(message + "\n", _stderr.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("usage: render [--out DIR | DIR] [--check]", _stderr.ToString());
    }

    [Fact]
    public void Warnings_are_printed_with_their_file_and_do_not_fail_the_run()
    {
        var d = Diagnostic.Warning("some-rule", "looks odd", Tree.NodePath.Root.Key("spec"), new Tree.SourceLocation("a.yaml", 0, 0), "check it");
        Assert.Equal("a.yaml: warning: spec: looks odd (check it)", RepoCommand.Format(d));
    }
}
