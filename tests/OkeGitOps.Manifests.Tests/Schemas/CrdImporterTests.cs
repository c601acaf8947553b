using System.Text.Json;
using System.Text.Json.Nodes;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Schemas;

public class CrdImporterTests
{
    private static IReadOnlyList<ImportedSchema> Import(string yaml, string? upstream = "Example v1.0", string file = "widgets.yaml")
        => CrdImporter.Import(YamlReader.ReadAll(yaml, file), upstream);

    private static JsonNode OpenApi(ImportedSchema imported)
        => JsonNode.Parse(imported.Json)!["openAPIV3Schema"]!;

    [Fact]
    public void Imports_every_version_served_with_schema_and_unserved_without()
    {
        var schemas = Import(SampleCrds.Widget);

        Assert.Equal(["example.com/v1/widget.json", "example.com/v1beta1/widget.json"], schemas.Select(s => s.RelativePath));
        var v1 = schemas[0].Schema;
        Assert.Equal(("example.com", "v1", "Widget", "example.com/v1"), (v1.Group, v1.Version, v1.Kind, v1.ApiVersion));
        Assert.True(v1.Served);
        Assert.True(v1.Storage);
        Assert.False(v1.Deprecated);
        Assert.Equal(ResourceScope.Namespaced, v1.Scope);
        Assert.Equal("widgets", v1.Plural);
        Assert.Equal("WidgetList", v1.ListKind);
        Assert.Equal("Example v1.0 (widgets.yaml)", v1.Upstream);
        Assert.NotNull(v1.OpenApiV3Schema);

        var beta = schemas[1].Schema;
        Assert.False(beta.Served);
        Assert.False(beta.Storage);
        Assert.True(beta.Deprecated);
        Assert.Equal("example.com/v1beta1 Widget is deprecated; use example.com/v1", beta.DeprecationWarning);
        Assert.Null(beta.OpenApiV3Schema);
        Assert.DoesNotContain("openAPIV3Schema", schemas[1].Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Strips_prose_keywords_but_keeps_a_property_named_description_and_data_in_defaults()
    {
        var schema = OpenApi(Import(SampleCrds.Widget)[0]);
        var spec = schema["properties"]!["spec"]!;

        Assert.Null(schema["description"]);
        Assert.Null(schema["title"]);
        Assert.Null(spec["description"]);
        Assert.Null(spec["externalDocs"]);
        Assert.Null(spec["properties"]!["entries"]!["items"]!["properties"]!["name"]!["example"]);

        var descriptionField = spec["properties"]!["description"]!;
        Assert.Equal("""{"maxLength":255,"type":"string"}""", descriptionField.ToJsonString());
        Assert.Equal("data, not prose", (string?)spec["properties"]!["template"]!["default"]!["description"]);
    }

    [Fact]
    public void Keeps_structural_keywords_x_kubernetes_extensions_and_cel_rules()
    {
        var spec = OpenApi(Import(SampleCrds.Widget)[0])["properties"]!["spec"]!;
        var properties = spec["properties"]!;

        Assert.Equal("""["size"]""", spec["required"]!.ToJsonString());
        var rule = Assert.Single(spec["x-kubernetes-validations"]!.AsArray())!;
        Assert.Equal("self.size <= 10", (string?)rule["rule"]);
        Assert.Equal("size must be at most 10", (string?)rule["message"]);
        Assert.Equal("""{"default":3,"minimum":1,"type":"integer"}""", properties["size"]!.ToJsonString());
        Assert.Equal("""{"anyOf":[{"type":"integer"},{"type":"string"}],"x-kubernetes-int-or-string":true}""", properties["port"]!.ToJsonString());
        Assert.Equal("granular", (string?)properties["labels"]!["x-kubernetes-map-type"]);
        Assert.Equal("map", (string?)properties["entries"]!["x-kubernetes-list-type"]);
        Assert.Equal("""["name"]""", properties["entries"]!["x-kubernetes-list-map-keys"]!.ToJsonString());
        Assert.Equal("^[a-z]+$", (string?)properties["entries"]!["items"]!["properties"]!["name"]!["pattern"]);
        Assert.True((bool)properties["template"]!["x-kubernetes-preserve-unknown-fields"]!);
        Assert.True((bool)properties["template"]!["x-kubernetes-embedded-resource"]!);
        Assert.Equal("""["on","off"]""", properties["mode"]!["enum"]!.ToJsonString());
    }

    [Fact]
    public void Writes_sorted_keys_two_space_indent_and_a_final_newline()
    {
        const string Tiny = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: tinies.example.com}
            spec:
              group: example.com
              names: {kind: Tiny, plural: tinies}
              scope: Cluster
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        zeta: {type: string}
                        alpha: {type: integer, description: gone}
            """;

        var imported = Assert.Single(CrdImporter.Import(YamlReader.ReadAll(Tiny, "tiny.yaml"), upstream: null));

        Assert.Equal("example.com/v1/tiny.json", imported.RelativePath);
        Assert.Equal(
            """
            {
              "deprecated": false,
              "format": "okegitops.schema/v1",
              "group": "example.com",
              "kind": "Tiny",
              "listKind": "TinyList",
              "openAPIV3Schema": {
                "properties": {
                  "alpha": {
                    "type": "integer"
                  },
                  "zeta": {
                    "type": "string"
                  }
                },
                "type": "object"
              },
              "plural": "tinies",
              "scope": "Cluster",
              "served": true,
              "storage": true,
              "version": "v1"
            }

            """.ReplaceLineEndings("\n"),
            imported.Json);
    }

    [Fact]
    public void Reads_every_crd_of_a_multi_document_file()
    {
        var schemas = Import(SampleCrds.Widget + "\n---\n" + SampleCrds.Gadget);

        Assert.Equal(
            ["example.com/v1/widget.json", "example.com/v1alpha1/gadget.json", "example.com/v1beta1/widget.json"],
            schemas.Select(s => s.RelativePath));
        var gadget = schemas[1].Schema;
        Assert.Equal(ResourceScope.Cluster, gadget.Scope);
        Assert.Equal("GadgetList", gadget.ListKind);
    }

    [Fact]
    public void Importing_twice_gives_byte_identical_files()
    {
        var first = Import(SampleCrds.Widget + "\n---\n" + SampleCrds.Gadget);
        var second = Import(SampleCrds.Widget + "\n---\n" + SampleCrds.Gadget);

        Assert.Equal(first.Select(s => s.RelativePath), second.Select(s => s.RelativePath));
        for (var i = 0; i < first.Count; i++)
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(first[i].Json), System.Text.Encoding.UTF8.GetBytes(second[i].Json));
    }

    [Fact]
    public void Key_order_in_the_input_does_not_change_the_output()
    {
        const string Ordered = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            spec:
              group: example.com
              names: {kind: Tiny, plural: tinies}
              scope: Cluster
              versions:
                - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, properties: {a: {type: string, maxLength: 3}}}}}
            """;
        const string Shuffled = """
            kind: CustomResourceDefinition
            apiVersion: apiextensions.k8s.io/v1
            spec:
              versions:
                - {schema: {openAPIV3Schema: {properties: {a: {maxLength: 3, type: string}}, type: object}}, storage: true, served: true, name: v1}
              scope: Cluster
              names: {plural: tinies, kind: Tiny}
              group: example.com
            """;

        Assert.Equal(Import(Ordered, file: "t.yaml")[0].Json, Import(Shuffled, file: "t.yaml")[0].Json);
    }

    [Fact]
    public void Json_text_reads_back_as_the_same_schema()
    {
        var imported = Import(SampleCrds.Widget)[0];
        using var doc = JsonDocument.Parse(imported.Json);

        Assert.Equal(
            doc.RootElement.GetProperty("openAPIV3Schema").GetRawText(),
            imported.Schema.OpenApiV3Schema!.Value.GetRawText());
    }

    [Fact]
    public void Kinds_filter_keeps_only_the_kinds_named_across_files_of_a_folder()
    {
        using var folder = new TempFolder();
        folder.Write("a/widgets.yaml", SampleCrds.Widget);
        folder.Write("b/gadgets.yml", SampleCrds.Gadget);
        folder.Write("notes.txt", "not read");

        var all = CrdImporter.ImportPath(folder.Path, "Example", kinds: null);
        var gadgets = CrdImporter.ImportPath(folder.Path, "Example", ["Gadget"]);

        Assert.Equal(3, all.Count);
        Assert.Equal("Example (gadgets.yml)", Assert.Single(gadgets).Schema.Upstream);
    }

    [Fact]
    public void A_kind_asked_for_but_absent_is_an_error_with_a_suggestion()
    {
        using var folder = new TempFolder();
        folder.Write("widgets.yaml", SampleCrds.Widget);

        var e = Assert.Throws<SchemaImportException>(() => CrdImporter.ImportPath(folder.Path, null, ["Widgett"]));

        Assert.Equal(SchemaRules.KindNotFound, e.Diagnostic.Rule);
        Assert.Contains("Widgett", e.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'Widget'?", e.Diagnostic.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_version_from_two_files_is_a_duplicate()
    {
        using var folder = new TempFolder();
        folder.Write("one.yaml", SampleCrds.Gadget);
        folder.Write("two.yaml", SampleCrds.Gadget);

        var e = Assert.Throws<SchemaImportException>(() => CrdImporter.ImportPath(folder.Path, null, null));

        Assert.Equal(SchemaRules.Duplicate, e.Diagnostic.Rule);
        Assert.Contains("example.com/v1alpha1 Gadget is described twice", e.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("one.yaml", e.Diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("two.yaml", e.Diagnostic.Location!.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_a_file_not_found_error()
        => Assert.Throws<FileNotFoundException>(() => CrdImporter.ImportPath("/no/such/place/crd.yaml", null, null));
}
