using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Tests.Yaml;

public class YamlEmitterLayoutTests
{
    private static MappingNode Deployment()
    {
        var container = Map(("name", String("web")), ("image", String("nginx:1.27")));
        var podSpec = Map(("containers", List(container)));
        var podMetadata = Map(("labels", Map(("app", String("web")))), ("annotations", Map()));
        var template = Map(("spec", podSpec), ("metadata", podMetadata));
        var metadata = Map(
            ("labels", Map(("b", String("2")), ("a", String("1")))),
            ("namespace", String("apps")),
            ("annotations", Map(("z", String("last")))),
            ("name", String("web")));
        return Map(
            ("status", Map(("replicas", Integer(1)))),
            ("spec", Map(("template", template), ("replicas", Integer(2)))),
            ("metadata", metadata),
            ("kind", String("Deployment")),
            ("apiVersion", String("apps/v1")));
    }

    [Fact]
    public void Root_keys_start_with_apiVersion_kind_metadata_spec_and_metadata_with_name_namespace()
    {
        const string expected = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: apps
              annotations:
                z: last
              labels:
                a: "1"
                b: "2"
            spec:
              replicas: 2
              template:
                metadata:
                  annotations: {}
                  labels:
                    app: web
                spec:
                  containers:
                  - image: nginx:1.27
                    name: web
            status:
              replicas: 1

            """;
        Assert.Equal(expected, YamlEmitter.Emit(Deployment()));
    }

    [Fact]
    public void Root_mapping_without_resource_keys_is_sorted_ordinally()
        => Assert.Equal("B: 1\na: 2\nb: 3\n",
            YamlEmitter.Emit(Map(("b", Integer(3)), ("a", Integer(2)), ("B", Integer(1)))));

    [Fact]
    public void Root_mapping_puts_spec_first_even_without_apiVersion_and_kind()
        => Assert.Equal("spec: 4\nB: 1\na: 2\n",
            YamlEmitter.Emit(Map(("a", Integer(2)), ("spec", Integer(4)), ("B", Integer(1)))));

    [Fact]
    public void Resource_key_order_is_used_only_for_the_keys_that_are_present()
        => Assert.Equal("kind: List\nspec: {}\naaa: 1\n",
            YamlEmitter.Emit(Map(("aaa", Integer(1)), ("spec", Map()), ("kind", String("List")))));

    [Fact]
    public void Embedded_resource_with_apiVersion_and_kind_gets_resource_key_order()
    {
        var root = Map(
            ("apiVersion", String("v1")),
            ("kind", String("List")),
            ("items", List(
                Map(("spec", Map()), ("metadata", Map(("namespace", String("ns")), ("name", String("a")))), ("kind", String("ConfigMap")), ("apiVersion", String("v1")), ("data", Map())),
                Map(("spec", Integer(1)), ("metadata", Integer(2)), ("kind", String("only-kind")), ("a", Integer(3))))));
        const string expected = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: a
                namespace: ns
              spec: {}
              data: {}
            - a: 3
              kind: only-kind
              metadata: 2
              spec: 1

            """;
        Assert.Equal(expected, YamlEmitter.Emit(root));
    }

    [Fact]
    public void Nested_mappings_are_sorted_ordinally_not_by_culture()
        => Assert.Equal("x:\n  Z: 1\n  _: 3\n  a: 2\n  é: 4\n",
            YamlEmitter.Emit(Map(("x", Map(("é", Integer(4)), ("a", Integer(2)), ("_", Integer(3)), ("Z", Integer(1)))))));

    [Fact]
    public void Name_and_namespace_lead_only_in_mappings_under_a_metadata_key()
        => Assert.Equal("data:\n  a: 1\n  name: web\n  namespace: ns\n",
            YamlEmitter.Emit(Map(("data", Map(("namespace", String("ns")), ("name", String("web")), ("a", Integer(1)))))));

    [Fact]
    public void Lists_keep_their_order()
        => Assert.Equal("x:\n- c\n- a\n- b\n", YamlEmitter.Emit(Map(("x", List(String("c"), String("a"), String("b"))))));

    [Fact]
    public void Shuffled_key_order_gives_the_same_text()
    {
        var a = Map(("b", Integer(1)), ("a", Map(("y", Null), ("x", Boolean(true)))));
        var b = Map(("a", Map(("x", Boolean(true)), ("y", Null))), ("b", Integer(1)));
        Assert.Equal(YamlEmitter.Emit(a), YamlEmitter.Emit(b));
    }

    [Fact]
    public void Multiple_documents_are_separated_by_dashes_without_a_leading_separator()
    {
        var docs = new ManifestNode[]
        {
            Map(("kind", String("Namespace")), ("apiVersion", String("v1")), ("metadata", Map(("name", String("apps"))))),
            Map(("apiVersion", String("v1")), ("kind", String("ConfigMap")), ("metadata", Map(("namespace", String("apps")), ("name", String("cfg")))), ("data", Map(("k", String("v"))))),
            List(Integer(1), String("two")),
        };
        const string expected = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: apps
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cfg
              namespace: apps
            data:
              k: v
            ---
            - 1
            - two

            """;
        Assert.Equal(expected, YamlEmitter.EmitAll(docs));
    }

    [Fact]
    public void Empty_document_list_gives_empty_text()
        => Assert.Equal("", YamlEmitter.EmitAll([]));

    [Fact]
    public void Write_streams_the_same_text_as_EmitAll()
    {
        var docs = new ManifestNode[] { Map(("a", Integer(1))), Map(("b", Integer(2))) };
        using var writer = new StringWriter();
        YamlEmitter.Write(writer, docs);
        Assert.Equal(YamlEmitter.EmitAll(docs), writer.ToString());
        Assert.Equal("a: 1\n---\nb: 2\n", writer.ToString());
    }

    [Fact]
    public void Scalars_other_than_strings_are_written_plain_in_canonical_form()
    {
        var root = Map(
            ("int", Integer(-42)),
            ("big", Integer(long.MaxValue)),
            ("float", Number(1)),
            ("frac", Number(-0.25)),
            ("exp", Number(1e20)),
            ("pinf", Number(double.PositiveInfinity)),
            ("ninf", Number(double.NegativeInfinity)),
            ("notanumber", Number(double.NaN)),
            ("t", Boolean(true)),
            ("f", Boolean(false)),
            ("nil", Null));
        const string expected = """
            big: 9223372036854775807
            exp: 1.0e+20
            f: false
            float: 1.0
            frac: -0.25
            int: -42
            nil: null
            ninf: -.inf
            notanumber: .nan
            pinf: .inf
            t: true

            """;
        Assert.Equal(expected, YamlEmitter.Emit(root));
    }

    [Fact]
    public void Empty_collections_are_written_in_flow_style()
        => Assert.Equal("l: []\nm: {}\nnested:\n- []\n- {}\n",
            YamlEmitter.Emit(Map(("m", Map()), ("l", List()), ("nested", List(List(), Map())))));

    [Fact]
    public void Root_scalars_and_empty_root_collections_are_single_lines()
    {
        Assert.Equal("hello\n", YamlEmitter.Emit(String("hello")));
        Assert.Equal("null\n", YamlEmitter.Emit(Null));
        Assert.Equal("{}\n", YamlEmitter.Emit(Map()));
        Assert.Equal("[]\n", YamlEmitter.Emit(List()));
    }

    [Fact]
    public void Nested_lists_and_maps_in_lists_use_two_space_indentation()
    {
        var root = Map(("a", List(List(Integer(1), Integer(2)), Map(("k", List(String("x"))), ("j", Map(("i", Integer(0))))))));
        const string expected = """
            a:
            - - 1
              - 2
            - j:
                i: 0
              k:
              - x

            """;
        Assert.Equal(expected, YamlEmitter.Emit(root));
    }

    [Fact]
    public void Multi_line_string_ending_in_one_newline_is_a_clipped_block_literal()
        => Assert.Equal("script: |\n  echo a\n  echo b\n", YamlEmitter.Emit(Map(("script", String("echo a\necho b\n")))));

    [Fact]
    public void Multi_line_string_without_final_newline_is_a_stripped_block_literal()
        => Assert.Equal("v: |-\n  a\n\n  b\n", YamlEmitter.Emit(Map(("v", String("a\n\nb")))));

    [Fact]
    public void Multi_line_string_with_extra_final_newlines_is_a_kept_block_literal()
        => Assert.Equal("a: |+\n  x\n\nb: 1\n", YamlEmitter.Emit(Map(("a", String("x\n\n")), ("b", Integer(1)))));

    [Fact]
    public void Kept_block_literal_at_the_end_of_a_document_is_closed_by_a_document_end_marker()
    {
        Assert.Equal("z: |+\n  x\n\n...\n", YamlEmitter.Emit(Map(("z", String("x\n\n")))));
        Assert.Equal("z: |+\n  x\n\n...\n---\na: 1\n", YamlEmitter.EmitAll([Map(("z", String("x\n\n"))), Map(("a", Integer(1)))]));
    }

    [Fact]
    public void Block_literal_whose_first_line_starts_with_space_carries_an_indentation_indicator()
        => Assert.Equal("a:\n  v: |2-\n      indented\n    not\n", YamlEmitter.Emit(Map(("a", Map(("v", String("  indented\nnot")))))));

    [Fact]
    public void Block_literal_keeps_tabs_inside_lines()
        => Assert.Equal("v: |\n  x\n  \ty\n", YamlEmitter.Emit(Map(("v", String("x\n\ty\n")))));

    [Theory]
    [InlineData("x \ny", "\"x \\ny\"")]
    [InlineData("x\t\ny", "\"x\t\\ny\"")]
    [InlineData("x\n  \ny", "\"x\\n  \\ny\"")]
    [InlineData("x\ny ", "\"x\\ny \"")]
    public void Multi_line_string_with_trailing_blanks_on_a_line_is_double_quoted(string value, string expected)
        => Assert.Equal($"v: {expected}\n", YamlEmitter.Emit(Map(("v", String(value)))));

    [Fact]
    public void Multi_line_string_in_a_list_is_a_block_literal_indented_under_the_dash()
        => Assert.Equal("args:\n- |-\n  a\n  b\n", YamlEmitter.Emit(Map(("args", List(String("a\nb"))))));

    [Fact]
    public void Long_lines_are_never_folded()
    {
        var longText = string.Join(' ', Enumerable.Repeat("word", 100));
        Assert.Equal($"v: {longText}\n", YamlEmitter.Emit(Map(("v", String(longText)))));
        Assert.Equal($"v: \" {longText}\"\n", YamlEmitter.Emit(Map(("v", String(" " + longText)))));
    }

    [Fact]
    public void Key_longer_than_a_safe_simple_key_is_written_as_an_explicit_key()
    {
        var longKey = new string('k', 300);
        Assert.Equal($"? {longKey}\n: 1\n", YamlEmitter.Emit(Map((longKey, Integer(1)))));
    }

    [Fact]
    public void Output_ends_with_exactly_one_newline()
    {
        foreach (var node in new ManifestNode[] { Deployment(), Map(("a", String("x\ny\n"))), List(Map()), String("s") })
        {
            var text = YamlEmitter.Emit(node);
            Assert.EndsWith("\n", text);
            Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal), text);
        }
    }

    [Fact]
    public void Output_uses_line_feeds_only()
        => Assert.DoesNotContain('\r', YamlEmitter.Emit(Deployment()));
}
