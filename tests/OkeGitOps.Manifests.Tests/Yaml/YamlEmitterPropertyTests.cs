using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Yaml;

public class YamlEmitterPropertyTests
{
    private const int Runs = 300;

    [Property(MaxTest = Runs)]
    public Property Equal_trees_built_apart_give_the_same_text_and_emitting_is_a_fixed_point()
        => Prop.ForAll(ManifestTreeGen.TreeArbitrary, sample =>
        {
            // Not Emit(x) == Emit(x), which cannot fail: the second tree is a different set of node instances
            // (read back from the text, carrying source locations), so anything the emitter keyed on identity,
            // location or chance would show here.
            var first = YamlEmitter.Emit(sample.Tree);
            var rebuilt = YamlReader.ReadAll(first, "again.yaml")[0].Root;
            Assert.False(ReferenceEquals(sample.Tree, rebuilt));
            Assert.Equal(first, YamlEmitter.Emit(rebuilt));
        });

    [Property(MaxTest = Runs)]
    public Property Mapping_key_order_in_the_tree_does_not_change_the_text()
        => Prop.ForAll(ManifestTreeGen.TreeArbitrary, Arb.From(Gen.Choose(0, int.MaxValue)), (sample, seed) =>
        {
            var shuffled = ManifestTreeGen.Shuffle(sample.Tree, new Random(seed));
            Assert.Equal(YamlEmitter.Emit(sample.Tree), YamlEmitter.Emit(shuffled));
        });

    [Property(MaxTest = Runs)]
    public Property Reading_emitted_text_gives_back_an_equal_tree()
        => Prop.ForAll(ManifestTreeGen.TreeArbitrary, sample =>
        {
            var yaml = YamlEmitter.Emit(sample.Tree);
            var documents = YamlReader.ReadAll(yaml);
            Assert.True(documents.Count == 1, $"expected 1 document, read {documents.Count} from:\n{yaml}");
            Assert.True(sample.Tree.Equals(documents[0].Root),
                $"read back {ManifestTreeGen.Describe(documents[0].Root)} from:\n{yaml}");
        });

    [Property(MaxTest = Runs / 3)]
    public Property Reading_an_emitted_stream_gives_back_every_document_in_order()
        => Prop.ForAll(ManifestTreeGen.TreeArbitrary, ManifestTreeGen.TreeArbitrary, ManifestTreeGen.TreeArbitrary, (a, b, c) =>
        {
            var trees = new[] { a.Tree, b.Tree, c.Tree };
            var yaml = YamlEmitter.EmitAll(trees);
            var documents = YamlReader.ReadAll(yaml);
            Assert.True(documents.Count == 3, $"expected 3 documents, read {documents.Count} from:\n{yaml}");
            for (var i = 0; i < 3; i++)
            {
                Assert.True(trees[i].Equals(documents[i].Root),
                    $"document {i}: read back {ManifestTreeGen.Describe(documents[i].Root)} from:\n{yaml}");
            }
        });

    [Property(MaxTest = Runs)]
    public Property Emitted_text_ends_with_exactly_one_newline_and_never_starts_with_a_separator()
        => Prop.ForAll(ManifestTreeGen.TreeArbitrary, sample =>
        {
            var yaml = YamlEmitter.Emit(sample.Tree);
            Assert.EndsWith("\n", yaml);
            Assert.False(yaml.EndsWith("\n\n", StringComparison.Ordinal), yaml);
            Assert.DoesNotContain('\r', yaml);
            // YamlDotNet writes an explicit "---" only for a document that is an empty scalar ("" → --- "").
            if (sample.Tree is not StringNode { Value.Length: 0 }) Assert.False(yaml.StartsWith("---", StringComparison.Ordinal), yaml);
        });
}
