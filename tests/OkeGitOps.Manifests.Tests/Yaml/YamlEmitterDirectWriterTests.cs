using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Tests.Yaml;

/// <summary>
/// The emitter's direct writer must give exactly YamlDotNet's text whenever it takes a stream, and must take the
/// streams manifests are made of (otherwise it would be correct but useless).
/// </summary>
public class YamlEmitterDirectWriterTests
{
    private static string Reference(IReadOnlyList<ManifestNode> documents)
    {
        using var writer = new StringWriter();
        YamlEmitter.WriteWithYamlDotNet(writer, documents);
        return writer.ToString();
    }

    private static void AssertSameTextWhenTaken(IReadOnlyList<ManifestNode> documents)
    {
        if (YamlEmitter.TryWriteDirect(documents) is { } direct) Assert.Equal(Reference(documents), direct);
    }

    // One-line strings glued from indicator characters, words and YAML look-alikes: the cases where plain, single
    // and double quotes differ.
    private static readonly Gen<string> OneLine =
        from n in Gen.Choose(1, 5)
        from parts in Gen.ArrayOf(Gen.Elements("a", "b", "0", "1", " ", ":", ": ", "#", " #", "-", "- ", "?", "? ", "'", "\"", "\\", "&", "*",
            "!", "|", ">", "{", "}", "[", "]", ",", "%", "@", "`", ".", "..", "---", "...", "~", "=", "<", "+", "é", "日本", "\u00a0",
            "yes", "null", "true", "1e3", "{{ .name }}", "https://x/y", "v1"), n)
        select string.Concat(parts);

    [Property(MaxTest = 3000)]
    public Property A_one_line_string_is_written_as_YamlDotNet_writes_it_as_a_value_a_key_and_a_list_item()
        => Prop.ForAll(Arb.From(OneLine), s =>
        {
            AssertSameTextWhenTaken([Map(("k", String(s)))]);
            AssertSameTextWhenTaken([Map((s, String("v")))]);
            AssertSameTextWhenTaken([List(String(s)), String(s)]);
        });

    [Property(MaxTest = 1000)]
    public Property Any_stream_the_direct_writer_takes_has_YamlDotNet_text()
        => Prop.ForAll(ManifestTreeGen.TreeArbitrary, ManifestTreeGen.TreeArbitrary, Arb.From(Gen.Choose(1, 3)), (a, b, count) =>
            AssertSameTextWhenTaken(new[] { a.Tree, b.Tree, a.Tree }.Take(count).ToList()));

    [Theory]
    [InlineData("a:b")]
    [InlineData("a: b")]
    [InlineData("a:")]
    [InlineData("- x")]
    [InlineData("-x")]
    [InlineData("?")]
    [InlineData(":x")]
    [InlineData("a #b")]
    [InlineData("a#b")]
    [InlineData("{{ .name }}-x")]
    [InlineData("x-{{ .name }}")]
    [InlineData("it's")]
    [InlineData("say \"hi\"")]
    [InlineData("---x")]
    [InlineData("@x")]
    [InlineData("héllo")]
    [InlineData("true")]
    [InlineData("")]
    [InlineData("https://git.example.com/platform/gitops.git")]
    public void An_indicator_or_look_alike_string_takes_the_direct_path_and_matches_YamlDotNet(string value)
    {
        IReadOnlyList<ManifestNode> documents = [Map(("k", String(value)), (value.Length == 0 ? "e" : value, Integer(1)))];
        var direct = YamlEmitter.TryWriteDirect(documents);
        Assert.NotNull(direct);
        Assert.Equal(Reference(documents), direct);
    }

    [Fact]
    public void Nested_lists_maps_empty_collections_and_scalar_roots_are_laid_out_as_YamlDotNet_lays_them_out()
    {
        var none = List(Array.Empty<ManifestNode>());
        var items = List(String("a"), Integer(3), Boolean(true), Null, List(String("x"), List(String("y"))), none, Map(),
            Map(("k", String("v")), ("k2", List(String("z")))));
        var metadata = Map(("namespace", String("n")), ("name", String("a")));
        var data = Map(("list", items), ("e", Map()), ("l", none));
        IReadOnlyList<ManifestNode> documents =
        [
            Map(("data", data), ("metadata", metadata), ("kind", String("ConfigMap")), ("apiVersion", String("v1"))),
            List(List(String("a"), String("b")), Map(("a", Map(("b", String("c")))))),
            String("root"),
            Map(),
            none,
            Number(1.5),
        ];
        var direct = YamlEmitter.TryWriteDirect(documents);
        Assert.NotNull(direct);
        Assert.Equal(Reference(documents), direct);
    }

    [Fact]
    public void A_stream_that_starts_with_an_empty_string_document_keeps_YamlDotNet_s_document_marker()
    {
        IReadOnlyList<ManifestNode> documents = [String(""), Map(), Integer(1)];
        Assert.Null(YamlEmitter.TryWriteDirect(documents));
        Assert.Equal("--- \"\"\n--- {}\n--- 1\n", YamlEmitter.EmitAll(documents));
    }

    [Theory]
    [InlineData("line one\nline two\n")]
    [InlineData("tab\there")]
    [InlineData("quoted \u00e9 \"x\" ")]
    public void Block_literals_escapes_and_quoted_non_ASCII_go_through_YamlDotNet(string value)
    {
        IReadOnlyList<ManifestNode> documents = [Map(("k", String(value)))];
        Assert.Null(YamlEmitter.TryWriteDirect(documents));
        Assert.Equal(Reference(documents), YamlEmitter.EmitAll(documents));
    }

    [Fact]
    public void Every_manifest_in_the_repository_snapshots_and_examples_takes_either_path_with_the_same_text()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var files = new[] { "tests", "examples" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.yaml", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var direct = 0;
        foreach (var file in files)
        {
            IReadOnlyList<ManifestDocument> read;
            try
            {
                read = YamlReader.ReadAll(File.ReadAllText(file), file);
            }
            catch (Diagnostics.ManifestException)
            {
                continue; // deliberately broken inputs (fuzz corpus, error cases)
            }
            var documents = read.Select(d => d.Root).ToList();
            if (YamlEmitter.TryWriteDirect(documents) is not { } text) continue;
            direct++;
            Assert.True(Reference(documents) == text, $"{file}: the direct writer differs from YamlDotNet");
        }
        Assert.True(direct > files.Count / 2, $"only {direct} of {files.Count} files took the direct path");
    }
}
