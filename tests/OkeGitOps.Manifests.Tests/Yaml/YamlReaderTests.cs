using System.Text;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Yaml;

public class YamlReaderTests
{
    private static Diagnostic ReadError(string yaml, YamlReaderOptions? options = null)
        => Assert.Throws<YamlReadException>(() => YamlReader.ReadAll(yaml, "in.yaml", options)).Diagnostic;

    [Fact]
    public void Reads_nested_maps_and_lists_with_line_and_column()
    {
        var doc = Assert.Single(YamlReader.ReadAll("apiVersion: v1\nkind: Service\nspec:\n  ports:\n    - port: 443\n      targetPort: 8080\n", "svc.yaml"));
        var port = doc.Root.At(NodePath.Parse("spec.ports[0].port"));
        Assert.Equal(ManifestNode.Integer(443), port);
        Assert.Equal(new SourceLocation("svc.yaml", 5, 13), port!.Location);
        Assert.Equal("Service", doc.Kind);
        Assert.Equal(1, doc.Line);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("n", false)]
    [InlineData("OFF", false)]
    public void Resolves_yaml11_booleans_like_kubernetes(string text, bool expected)
        => Assert.Equal(ManifestNode.Boolean(expected), YamlReader.ReadAll($"v: {text}")[0].Root.At(NodePath.Parse("v")));

    [Theory]
    [InlineData("0755", 493)]
    [InlineData("0o17", 15)]
    [InlineData("0x1F", 31)]
    [InlineData("0b101", 5)]
    [InlineData("1_000", 1000)]
    [InlineData("+12", 12)]
    [InlineData("-7", -7)]
    public void Resolves_yaml11_integers_like_kubernetes(string text, long expected)
        => Assert.Equal(ManifestNode.Integer(expected), YamlReader.ReadAll($"v: {text}")[0].Root.At(NodePath.Parse("v")));

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("")]
    public void Resolves_null_spellings(string text)
        => Assert.Equal(ManifestNode.Null, YamlReader.ReadAll($"v: {text}")[0].Root.At(NodePath.Parse("v")));

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("'0755'")]
    [InlineData("!!str 1e3")]
    [InlineData("2001-12-14")]
    public void Keeps_quoted_tagged_and_timestamp_values_as_strings(string text)
        => Assert.IsType<StringNode>(YamlReader.ReadAll($"v: {text}")[0].Root.At(NodePath.Parse("v")));

    [Fact]
    public void Reads_floats_and_special_floats()
    {
        var root = (MappingNode)YamlReader.ReadAll("a: 1e3\nb: .5\nc: -.inf\nd: .NaN")[0].Root;
        Assert.Equal(ManifestNode.Number(1000), root["a"]);
        Assert.Equal(ManifestNode.Number(0.5), root["b"]);
        Assert.Equal(ManifestNode.Number(double.NegativeInfinity), root["c"]);
        Assert.Equal(ManifestNode.Number(double.NaN), root["d"]);
    }

    [Fact]
    public void Reads_multi_document_streams_with_index_and_start_line()
    {
        var docs = YamlReader.ReadAll("a: 1\n---\nb: 2\n---\n---\nc: 3\n", "multi.yaml");
        Assert.Equal(4, docs.Count);
        Assert.Equal([0, 1, 2, 3], docs.Select(d => d.Index));
        Assert.Equal(3, docs[1].Line);
        Assert.IsType<NullNode>(docs[2].Root);
        Assert.All(docs, d => Assert.Equal("multi.yaml", d.File));
    }

    [Fact]
    public void Reads_an_empty_stream_as_no_documents()
    {
        Assert.Empty(YamlReader.ReadAll(""));
        Assert.Empty(YamlReader.ReadAll("# only a comment\n"));
    }

    [Fact]
    public void Expands_aliases_and_merge_keys()
    {
        var root = (MappingNode)YamlReader.ReadAll("base: &b {x: 1, y: 2}\ncopy: *b\nmerged:\n  <<: *b\n  y: 3\n")[0].Root;
        Assert.Equal(root["base"], root["copy"]);
        Assert.Equal(ManifestNode.Map(("x", ManifestNode.Integer(1)), ("y", ManifestNode.Integer(3))), root["merged"]);
    }

    [Fact]
    public void Rejects_duplicate_keys_naming_both_lines()
    {
        var d = ReadError("metadata:\n  name: a\n  labels: {}\n  name: b\n");
        Assert.Equal("yaml-duplicate-key", d.Rule);
        Assert.Equal("duplicate key 'name': it is defined at line 2, column 3 and again at line 4, column 3", d.Message);
        Assert.Equal(new SourceLocation("in.yaml", 4, 3), d.Location);
    }

    [Fact]
    public void Rejects_alias_bombs_with_a_limit_error()
    {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 9; i++)
        {
            var prev = (char)('a' + i - 1);
            var cur = (char)('a' + i);
            bomb.Append(cur).Append(": &").Append(cur).Append(" [")
                .Append(string.Join(",", Enumerable.Repeat("*" + prev, 9))).Append("]\n");
        }
        var d = ReadError(bomb.ToString());
        Assert.Equal("yaml-alias-expansion", d.Rule);
        Assert.Equal("aliases expand to more than 100000 nodes (a 'billion laughs' pattern)", d.Message);
        Assert.Equal(6, d.Location!.Line);
        Assert.Equal(8, d.Location.Column);
    }

    [Fact]
    public void Rejects_nesting_deeper_than_the_limit()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 150)) + string.Concat(Enumerable.Repeat("]", 150));
        var d = ReadError("v: " + deep);
        Assert.Equal("yaml-too-deep", d.Rule);
        Assert.Equal("nesting is deeper than the limit of 100 levels", d.Message);
        Assert.Equal(new SourceLocation("in.yaml", 1, 103), d.Location);
    }

    [Fact]
    public void Rejects_documents_above_the_size_limit()
    {
        var yaml = "a: 1\n---\nb: " + new string('x', 200) + "\n";
        var d = ReadError(yaml, new YamlReaderOptions { MaxDocumentChars = 100 });
        Assert.Equal("yaml-document-too-large", d.Rule);
        Assert.Equal("the document is larger than the limit of 100 characters", d.Message);
        Assert.Equal(3, d.Location!.Line);
        Assert.Equal(4, d.Location.Column);
    }

    [Fact]
    public void Rejects_tabs_in_indentation_with_line_and_column()
    {
        var d = ReadError("spec:\n\tname: x\n");
        Assert.Equal("yaml-tab-indent", d.Rule);
        Assert.Equal("found a tab in indentation", d.Message);
        Assert.Equal(2, d.Location!.Line);
        Assert.Equal(1, d.Location.Column);
        Assert.Equal("indent with spaces; YAML does not allow tabs in indentation", d.Suggestion);
    }

    [Fact]
    public void Rejects_invalid_utf8_with_line_and_column()
    {
        byte[] bytes = [.. "a: 1\nb: caf"u8, 0xC3, 0x28, .. "\n"u8];
        var d = Assert.Throws<YamlReadException>(() => YamlReader.ReadAll(bytes, "bad.yaml")).Diagnostic;
        Assert.Equal("yaml-invalid-utf8", d.Rule);
        Assert.Equal("invalid UTF-8 byte 0xC3", d.Message);
        Assert.Equal(new SourceLocation("bad.yaml", 2, 7), d.Location);
    }

    [Fact]
    public void Decodes_exactly_what_a_strict_utf8_decoder_accepts()
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        byte[][] pieces = [[0x61], [0x0A], [0x3A, 0x20], [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xFF]];
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var bytes = Enumerable.Range(0, random.Next(0, 12)).SelectMany(_ => pieces[random.Next(pieces.Length)]).ToArray();
            string? expected;
            try
            {
                expected = strict.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                expected = null;
            }
            if (expected is null)
                Assert.Equal("yaml-invalid-utf8", Assert.Throws<YamlReadException>(() => YamlReader.DecodeUtf8(bytes, "f.yaml")).Diagnostic.Rule);
            else
                Assert.Equal(expected, YamlReader.DecodeUtf8(bytes, "f.yaml"));
        }
    }

    [Fact]
    public void Reports_syntax_errors_with_a_clean_message_and_position()
    {
        var d = ReadError("a: 1\n b: 2\n");
        Assert.Equal("yaml-syntax", d.Rule);
        Assert.DoesNotContain("Idx", d.Message);
        Assert.Equal(2, d.Location!.Line);
    }

    [Fact]
    public void Rejects_unknown_aliases()
    {
        var d = ReadError("a: *nope\n");
        Assert.Equal("yaml-unknown-alias", d.Rule);
        Assert.Equal(new SourceLocation("in.yaml", 1, 4), d.Location);
    }

    [Fact]
    public void Streams_documents_lazily()
    {
        var text = "a: 1\n---\nb: [\n";
        using var e = YamlReader.Read(new StringReader(text)).GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.Equal("a", ((MappingNode)e.Current.Root)[0].Key);
        Assert.Throws<YamlReadException>(() => e.MoveNext());
    }
}
