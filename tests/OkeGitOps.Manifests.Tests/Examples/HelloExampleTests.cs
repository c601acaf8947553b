using OkeGitOps.Manifests.Repo;
using OkeGitOps.Manifests.Tests.Snapshots;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Examples;

public class HelloExampleTests
{
    private static readonly Lazy<IReadOnlyList<GeneratedFile>> Rendered = new(() => new RepoRenderer().Render(HelloManifests.Build()).Files);

    public static TheoryData<string> Files => [.. HelloManifests.Build().Select(f => f.RelativePath)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Hello_example_output_matches_its_snapshot(string relativePath)
    {
        var file = Rendered.Value.Single(f => f.RelativePath == relativePath);
        Snapshot.Match(file.Content, "hello." + relativePath.Replace('/', '.').Replace(".yaml", ""));
    }

    [Fact]
    public void Hello_example_output_reads_back_as_one_document_per_file()
    {
        Assert.NotEmpty(Rendered.Value);
        foreach (var file in Rendered.Value) Assert.Single(YamlReader.ReadAll(file.Content));
    }

    [Fact]
    public void Every_hello_snapshot_belongs_to_a_rendered_file_and_every_file_has_one()
        => Assert.Equal(Snapshot.VerifiedFiles("hello."),
            Rendered.Value.Select(f => "hello." + f.RelativePath.Replace('/', '.').Replace(".yaml", "") + ".verified.yaml").Order(StringComparer.Ordinal));
}
