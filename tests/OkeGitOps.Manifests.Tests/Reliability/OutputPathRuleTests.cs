using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Repo;

namespace OkeGitOps.Manifests.Tests.Reliability;

/// <summary>
/// Issue 14, "Found" 5: every path that cannot survive a Git checkout on another system is refused as a
/// <see cref="ManifestValidationException"/> naming the path as the caller gave it, and nothing is written.
/// </summary>
public sealed class OutputPathRuleTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("okegitops-paths-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Out => Path.Combine(_root, "out");

    public static TheoryData<string, string> RefusedPaths => new()
    {
        { "a\0b.yaml", "'a\\0b.yaml' contains a NUL character" },
        { "C:\\x.yaml", "'C:\\x.yaml' contains ':' (a drive letter or a Windows stream name)" },
        { "C:x.yaml", "'C:x.yaml' contains ':' (a drive letter or a Windows stream name)" },
        { "apps/x.yaml:stream", "'apps/x.yaml:stream' contains ':' (a drive letter or a Windows stream name)" },
        { ".git/config", "'.git/config' has a component that names the '.git' folder ('.git'), which Git refuses to check out" },
        { "apps/.GIT/hooks/x", "'apps/.GIT/hooks/x' has a component that names the '.git' folder ('.GIT'), which Git refuses to check out" },
        { "git~1/config", "'git~1/config' has a component that names the '.git' folder ('git~1'), which Git refuses to check out" },
        { ".g\u200Cit/config", "'.g\u200Cit/config' has a component that names the '.git' folder ('.g\u200Cit'), which Git refuses to check out" },
        { "COM\u00B9.yaml", "'COM\u00B9.yaml' uses the Windows-reserved name 'COM\u00B9' ('COM\u00B9.yaml')" },
        { "conin$", "'conin$' uses the Windows-reserved name 'conin$' ('conin$')" },
        { "apps./x.yaml", "'apps./x.yaml' has a name ending in a dot or a space ('apps.'), which Windows drops" },
        { "x.yaml ", "'x.yaml ' has a name ending in a dot or a space ('x.yaml '), which Windows drops" },
        { "CON", "'CON' uses the Windows-reserved name 'CON' ('CON')" },
        { "apps/nul.yaml", "'apps/nul.yaml' uses the Windows-reserved name 'nul' ('nul.yaml')" },
        { "com1/x.yaml", "'com1/x.yaml' uses the Windows-reserved name 'com1' ('com1')" },
        { "LPT9.txt", "'LPT9.txt' uses the Windows-reserved name 'LPT9' ('LPT9.txt')" },
        { "a?b.yaml", "'a?b.yaml' has a character that Windows does not allow in names ('a?b.yaml')" },
        { "tab\there.yaml", "'tab\there.yaml' has a character that Windows does not allow in names ('tab\there.yaml')" },
    };

    [Theory]
    [MemberData(nameof(RefusedPaths))]
    public void Paths_that_cannot_be_checked_out_everywhere_are_refused_naming_the_users_path(string path, string message)
    {
        var e = Assert.Throws<ManifestValidationException>(() => RepoWriter.Write(Out, [new GeneratedFile("ok.yaml", "x: 1\n"), new GeneratedFile(path, "x")]));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("output-path", d.Rule);
        Assert.Equal(message, d.Message);
        Assert.NotNull(d.Suggestion);
        Assert.DoesNotContain("staging", d.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_root));
        Assert.Throws<ManifestValidationException>(() => RepoWriter.Check(Out, [new GeneratedFile(path, "x")]));
    }

    [Theory]
    [InlineData("A.yaml", "a.yaml", "'a.yaml' and 'A.yaml' differ only in case or in Unicode normal form, so they are one file on macOS and Windows")]
    [InlineData("Apps/x.yaml", "apps/y.yaml", "'apps' and 'Apps' differ only in case or in Unicode normal form, so they are one file on macOS and Windows")]
    [InlineData("caf\u00E9.yaml", "cafe\u0301.yaml", "'caf\u00E9.yaml' and 'cafe\u0301.yaml' differ only in case or in Unicode normal form, so they are one file on macOS and Windows")]
    public void Paths_that_differ_only_in_case_are_refused(string first, string second, string message)
    {
        var e = Assert.Throws<ManifestValidationException>(() => RepoWriter.Write(Out, [new GeneratedFile(first, "1"), new GeneratedFile(second, "2")]));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("output-case-collision", d.Rule);
        Assert.Equal(message, d.Message);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void A_path_that_is_both_a_file_and_a_folder_is_refused_before_anything_is_written()
    {
        var e = Assert.Throws<ManifestValidationException>(() => RepoWriter.Write(Out, [new GeneratedFile("a.yaml", "1"), new GeneratedFile("a.yaml/b.yaml", "2")]));
        Assert.Equal("'a.yaml' is generated as a file and is also the folder of other generated files", Assert.Single(e.Diagnostics).Message);
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void A_file_named_like_the_index_in_another_case_is_refused()
    {
        var e = Assert.Throws<ManifestValidationException>(() => RepoWriter.Write(Out, [new GeneratedFile(".OKEGITOPS-INDEX", "1")]));
        Assert.Equal("'.OKEGITOPS-INDEX' is reserved for the index of generated files", Assert.Single(e.Diagnostics).Message);
    }

    [Fact]
    public void An_output_folder_name_too_long_to_stage_beside_it_is_refused_naming_the_folder_not_the_staging_one()
    {
        var name = new string('o', 214);
        var e = Assert.Throws<ManifestValidationException>(() => RepoWriter.Write(Path.Combine(_root, name), [new GeneratedFile("a.yaml", "1")]));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal($"the output folder name '{name}' is longer than 213 bytes, which leaves no room for the folder it is staged in", d.Message);
        Assert.DoesNotContain("staging-", d.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_root));
        RepoWriter.Write(Path.Combine(_root, new string('o', 213)), [new GeneratedFile("a.yaml", "1")]);
    }

    [Fact]
    public void A_name_longer_than_file_systems_take_is_refused_naming_the_users_path()
    {
        var name = new string('n', 256) + ".yaml";
        var e = Assert.Throws<ManifestValidationException>(() => RepoWriter.Write(Out, [new GeneratedFile(name, "1")]));
        Assert.Equal($"'{name}' has a name longer than 255 bytes", Assert.Single(e.Diagnostics).Message);
    }

    [Fact]
    public void A_nul_in_the_output_folder_is_a_validation_error_not_an_argument_exception()
    {
        var e = Assert.Throws<ManifestValidationException>(() => RepoWriter.Write(Out + "\0x", [new GeneratedFile("a.yaml", "1")]));
        Assert.Contains("contains a NUL character", Assert.Single(e.Diagnostics).Message);
    }

    [Fact]
    public void An_output_folder_that_is_a_file_is_an_io_error_naming_it()
    {
        File.WriteAllText(Out, "not a folder");
        var e = Assert.Throws<IOException>(() => RepoWriter.Write(Out, [new GeneratedFile("a.yaml", "1")]));
        Assert.Equal($"'{Out}' is a file, not a folder; move it away or choose another output folder.", e.Message);
    }

    [Fact]
    public void Ordinary_paths_with_dots_dashes_and_mixed_case_are_accepted()
    {
        RepoWriter.Write(Out, [new GeneratedFile("clusters/eu-frankfurt-1/Argo.CD.app.yaml", "a: 1\n"), new GeneratedFile("console.yaml", "b: 2\n"), new GeneratedFile(".github/x.yaml", "c: 3\n")]);
        Assert.True(File.Exists(Path.Combine(Out, "clusters", "eu-frankfurt-1", "Argo.CD.app.yaml")));
        Assert.True(File.Exists(Path.Combine(Out, "console.yaml")));
    }
}
