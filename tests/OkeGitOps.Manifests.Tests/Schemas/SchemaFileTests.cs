using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Schemas;

namespace OkeGitOps.Manifests.Tests.Schemas;

public class SchemaFileTests
{
    private static Diagnostic LoadError(string json)
        => Assert.Throws<SchemaLoadException>(() => SchemaFile.Read(json, "my/widget.json")).Diagnostic;

    private const string Valid = """
        {
          "format": "okegitops.schema/v1",
          "group": "example.com",
          "version": "v1",
          "kind": "Widget",
          "scope": "Namespaced",
          "served": true,
          "storage": true,
          "openAPIV3Schema": { "type": "object" }
        }
        """;

    [Fact]
    public void Reads_a_valid_file_and_writes_it_back_canonically()
    {
        var schema = SchemaFile.Read(Valid, "my/widget.json");

        Assert.Equal("example.com/v1/Widget", schema.ToString());
        Assert.False(schema.Deprecated);
        Assert.Null(schema.Upstream);
        Assert.Equal(SchemaFile.Write(schema), SchemaFile.Write(SchemaFile.Read(SchemaFile.Write(schema), "again.json")));
    }

    [Fact]
    public void Text_that_is_not_json_names_the_file_line_and_column()
    {
        var d = LoadError("{\n  \"format\": okegitops\n}");

        Assert.Equal(SchemaRules.BadJson, d.Rule);
        Assert.Equal(new Tree.SourceLocation("my/widget.json", 2, 13), d.Location);
        Assert.StartsWith("my/widget.json:2:13: error: the schema file is not valid JSON: ", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_format_is_not_a_schema_file()
    {
        var d = LoadError("""{"group": "x", "version": "v1", "kind": "K"}""");

        Assert.Equal(SchemaRules.BadSchemaFile, d.Rule);
        Assert.Equal("not an okegitops schema file: 'format' is missing", d.Message);
        Assert.Equal("my/widget.json", d.Location!.File);
    }

    [Fact]
    public void An_unknown_field_is_reported_at_its_line()
    {
        var d = LoadError(Valid.Replace("\"storage\": true,", "\"storage\": true,\n  \"servd\": true,", StringComparison.Ordinal));

        Assert.Equal("unknown field 'servd' in a schema file", d.Message);
        Assert.Equal(new Tree.SourceLocation("my/widget.json", 9, 12), d.Location);
    }

    [Fact]
    public void A_served_version_without_a_schema_is_reported()
    {
        var d = LoadError(Valid.Replace(",\n  \"openAPIV3Schema\": { \"type\": \"object\" }", "", StringComparison.Ordinal));

        Assert.Equal("a served version needs 'openAPIV3Schema'", d.Message);
    }

    [Fact]
    public void A_bad_scope_is_reported()
    {
        var d = LoadError(Valid.Replace("\"Namespaced\"", "\"Global\"", StringComparison.Ordinal));

        Assert.Equal("'scope' must be \"Namespaced\" or \"Cluster\", found \"Global\"", d.Message);
    }

    [Fact]
    public void A_schema_that_is_not_an_object_is_reported()
    {
        var d = LoadError(Valid.Replace("{ \"type\": \"object\" }", "[]", StringComparison.Ordinal));

        Assert.Equal("'openAPIV3Schema' must be a JSON object, found a list", d.Message);
    }

    [Fact]
    public void Peeking_reads_the_kind_without_the_schema()
    {
        var text = SchemaFile.Write(SchemaFile.Read(Valid, "w.json"));
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);

        Assert.Equal("Widget", SchemaFile.PeekKind(bytes.AsSpan(0, 200), isFinalBlock: false));
        Assert.Null(SchemaFile.PeekKind("{\"openAPIV3Schema\": {}}"u8, isFinalBlock: true));
    }
}
