using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Tests.Yaml;

public class YamlEmitterRoundTripTests
{
    private static void AssertRoundTrips(params ManifestNode[] trees)
    {
        var yaml = YamlEmitter.EmitAll(trees);
        var read = YamlReader.ReadAll(yaml).Select(d => d.Root).ToArray();
        Assert.True(trees.SequenceEqual(read), $"read back\n{string.Join("\n", read.Select(ManifestTreeGen.Describe))}\nfrom:\n{yaml}");
    }

    public static TheoryData<string> Classic => new(ClassicYamlValues.All.Distinct());

    [Theory]
    [MemberData(nameof(Classic))]
    public void Classic_problem_value_reads_back_as_the_same_string(string value)
        => AssertRoundTrips(Map(("v", String(value)), (value, Integer(1))));

    [Fact]
    public void Keys_too_long_for_a_simple_key_read_back()
        => AssertRoundTrips(Map(
            (new string('k', 300), Integer(1)),
            (new string('\uFFFE', 170), Integer(2)),
            (new string('\uFFFE', 171), Integer(3)),
            ("multi\nline", Integer(4))));

    [Fact]
    public void Kept_block_literals_at_document_ends_read_back()
        => AssertRoundTrips(
            Map(("z", String("x\n\n"))),
            List(String("a\n\n\n")),
            String("root\n\n"),
            Map(("a", List(String("x\n\n"), List()))));

    [Fact]
    public void Empty_and_scalar_documents_read_back()
        => AssertRoundTrips(String(""), Null, String("x"), Map(), List(), String("a\nb"), Integer(0), String("yes"));

    [Fact]
    public void Kept_block_literal_followed_by_an_empty_collection_needs_no_document_end_marker()
        => Assert.Equal("a:\n- |+\n  x\n\n- []\n", YamlEmitter.Emit(Map(("a", List(String("x\n\n"), List())))));

    [Fact]
    public void Block_literals_with_indentation_indicators_read_back_at_every_nesting()
    {
        var value = String("  indented\nnot\n");
        var leadingBreak = String("\n\nafter blank lines");
        AssertRoundTrips(
            value,
            Map(("a", value), ("b", leadingBreak)),
            List(value, leadingBreak),
            Map(("a", List(Map(("b", List(value, leadingBreak)), ("c", value))))),
            List((ManifestNode)List(value)));
    }
}
