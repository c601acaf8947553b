using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Yaml;

/// <summary>
/// The block-subset reader against YamlDotNet's path: for every text, what <see cref="YamlReader"/> returns (trees,
/// scalar kinds and values, node and key locations, document index and line) or throws (the diagnostic) must be what
/// the YamlDotNet path alone gives.
/// </summary>
public class BlockSubsetReaderTests
{
    private const string File = "in.yaml";

    [Fact]
    public void Every_yaml_file_of_the_repository_and_the_fuzz_corpus_reads_as_with_yamldotnet()
    {
        var root = TestPaths.RepoRoot;
        var files = new[] { "tests", "examples" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)
                || f.Contains($"Reliability{Path.DirectorySeparatorChar}Fuzz{Path.DirectorySeparatorChar}Corpus", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        var taken = 0;
        foreach (var path in files)
        {
            string text;
            try
            {
                text = YamlReader.DecodeUtf8(System.IO.File.ReadAllBytes(path), path);
            }
            catch (YamlReadException)
            {
                continue; // not UTF-8: neither reader sees it
            }
            if (AssertSameAsYamlDotNet(text, path)) taken++;
        }
        // The comparison means something only if the subset reader takes a fair share of real manifests.
        Assert.True(taken * 4 >= files.Count, $"the block-subset reader took {taken} of {files.Count} files");
    }

    [Fact]
    public void Takes_typical_manifests_and_leaves_everything_else()
    {
        const string deployment = """
            # a comment
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web   # trailing comment
              labels:
                app.kubernetes.io/name: web
              annotations:
                note: 'it''s "quoted"'
                other: "double"
                template: '{{.cluster}}-web'
                link: https://x.example/?a=[b]&c=!d>e|f
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    args:
                      - --port=8080
                      - "--verbose"
                    ports:
                    -   containerPort: 8080
                        protocol: TCP
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            """;
        Assert.Null(BlockSubsetReader.TryRead(deployment, File, YamlReaderOptions.Default)); // the flow mapping
        var blockOnly = deployment.Replace("metadata: {name: web}", "metadata:\n  name: web", StringComparison.Ordinal);
        Assert.NotNull(BlockSubsetReader.TryRead(blockOnly, File, YamlReaderOptions.Default));
        AssertSameAsYamlDotNet(blockOnly, File);
        foreach (var outside in new[]
        {
            "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: [1]\n", "a: |\n  x\n", "a: >\n  x\n", "a: b\n  c\n", "'a': 1\n",
            "<<: {}\n", "a:\nb: 1\n", "---\n---\na: 1\n", "%YAML 1.1\n---\na: 1\n", "a: 1\n...\n", "a:\t1\n", "a: 1\r\n",
            "a: é\n", "a: 1\na: 2\n", "a: \"x\\ty\"\n", "? a\n: b\n", "- - a\n", "", "# only a comment\n", "a: 1\n---\n",
        })
        {
            Assert.Null(BlockSubsetReader.TryRead(outside, File, YamlReaderOptions.Default));
            AssertSameAsYamlDotNet(outside, File);
        }
    }

    [Fact]
    public void Leaves_documents_beyond_the_limits_to_yamldotnet_which_reports_them()
    {
        var deep = new YamlReaderOptions { MaxDepth = 2 };
        Assert.Null(BlockSubsetReader.TryRead("a:\n  b:\n    c: 1\n", File, deep));
        Assert.Equal("yaml-too-deep", Assert.Throws<YamlReadException>(() => YamlReader.ReadAll("a:\n  b:\n    c: 1\n", File, deep)).Diagnostic.Rule);
        var small = new YamlReaderOptions { MaxDocumentChars = 10 };
        Assert.Null(BlockSubsetReader.TryRead("apiVersion: v1\n", File, small));
        Assert.Equal("yaml-document-too-large", Assert.Throws<YamlReadException>(() => YamlReader.ReadAll("apiVersion: v1\n", File, small)).Diagnostic.Rule);
    }

    [Property(MaxTest = 500)]
    public Property Emitted_trees_read_as_with_yamldotnet()
        => Prop.ForAll(ManifestTreeGen.TreeArbitrary, ManifestTreeGen.TreeArbitrary, (a, b) =>
        {
            AssertSameAsYamlDotNet(YamlEmitter.Emit(a.Tree), File);
            AssertSameAsYamlDotNet(YamlEmitter.EmitAll([a.Tree, b.Tree]), File);
        });

    [Property(MaxTest = 3000)]
    public Property Generated_and_mutated_block_yaml_reads_as_with_yamldotnet()
        => Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed => { AssertSameAsYamlDotNet(BlockYamlText.Generate(new Random(seed)), File); });

    /// <summary>Asserts both paths agree on <paramref name="text"/>; true when the block-subset reader took it.</summary>
    private static bool AssertSameAsYamlDotNet(string text, string file)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var expected = Outcome(() => YamlReader.ReadWithYamlDotNet(new StringReader(text), file, YamlReaderOptions.Default, text));
        var actual = Outcome(() => YamlReader.ReadAll(text, file));
        if (expected != actual)
            Assert.Fail($"the readers differ on:\n{text}\n--- YamlDotNet:\n{expected}\n--- with the block-subset reader:\n{actual}");
        return BlockSubsetReader.TryRead(text, file, YamlReaderOptions.Default) is not null;
    }

    private static string Outcome(Func<IEnumerable<ManifestDocument>> read)
    {
        var dump = new StringBuilder();
        try
        {
            // Read all before dumping any: ReadAll is eager, so documents before an error are never seen.
            foreach (var document in read().ToList())
            {
                dump.Append($"document {document.Index} line {document.Line} file {document.File}\n");
                Dump(document.Root, 1, dump);
            }
        }
        catch (YamlReadException e)
        {
            dump.Append($"error {e.Diagnostic}\n");
        }
        return dump.ToString();
    }

    private static void Dump(ManifestNode node, int level, StringBuilder dump)
    {
        var pad = new string(' ', 2 * level);
        var at = node.Location is { } l ? $"@{l.File}:{l.Line}:{l.Column}" : "@none";
        switch (node)
        {
            case MappingNode mapping:
                dump.Append($"{pad}mapping {at}\n");
                foreach (var entry in mapping)
                {
                    var keyAt = entry.KeyLocation is { } k ? $"@{k.File}:{k.Line}:{k.Column}" : "@none";
                    dump.Append($"{pad} key [{entry.Key}] {keyAt}\n");
                    Dump(entry.Value, level + 1, dump);
                }
                break;
            case SequenceNode sequence:
                dump.Append($"{pad}sequence {at}\n");
                foreach (var item in sequence) Dump(item, level + 1, dump);
                break;
            case NumberNode number:
                dump.Append($"{pad}{node.Kind} [{BitConverter.DoubleToInt64Bits(number.Value)}] {at}\n");
                break;
            case ScalarNode scalar:
                dump.Append($"{pad}{node.Kind} [{scalar.Text}] {at}\n");
                break;
        }
    }
}
