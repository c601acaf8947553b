using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Schemas;

public class CrdImportErrorTests
{
    private const string Head = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: tinies.example.com

        """;

    private static Diagnostic ImportError(string yaml)
        => Assert.Throws<SchemaImportException>(() => CrdImporter.Import(YamlReader.ReadAll(yaml, "crd.yaml"), null)).Diagnostic;

    private static string Crd(string spec) => Head + spec;

    private static string WithSchema(string schemaLines) => Crd($"""
        spec:
          group: example.com
          names: {"{"}kind: Tiny, plural: tinies{"}"}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
        {schemaLines}
        """);

    [Fact]
    public void Missing_group_names_the_field_and_its_location()
    {
        var d = ImportError(Crd("""
            spec:
              names: {kind: Tiny, plural: tinies}
              scope: Namespaced
              versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
            """));

        Assert.Equal(SchemaRules.MissingField, d.Rule);
        Assert.Equal("required field 'group' is missing", d.Message);
        Assert.Equal("spec.group", d.Path!.ToString());
        Assert.Equal("crd.yaml", d.Location!.File);
        Assert.Equal(6, d.Location.Line);
        Assert.Equal("crd.yaml:6:3: error: spec.group: required field 'group' is missing", d.ToString());
    }

    [Fact]
    public void Missing_names_kind_is_reported()
    {
        var d = ImportError(Crd("""
            spec:
              group: example.com
              names: {plural: tinies}
              scope: Namespaced
              versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
            """));

        Assert.Equal("required field 'kind' is missing", d.Message);
        Assert.Equal("spec.names.kind", d.Path!.ToString());
    }

    [Fact]
    public void Missing_versions_is_reported()
    {
        var d = ImportError(Crd("""
            spec:
              group: example.com
              names: {kind: Tiny, plural: tinies}
              scope: Namespaced
            """));

        Assert.Equal("required field 'versions' is missing", d.Message);
        Assert.Equal("spec.versions", d.Path!.ToString());
    }

    [Fact]
    public void Empty_versions_list_is_reported()
    {
        var d = ImportError(Crd("""
            spec:
              group: example.com
              names: {kind: Tiny, plural: tinies}
              scope: Namespaced
              versions: []
            """));

        Assert.Equal("'versions' must be a non-empty list", d.Message);
    }

    [Fact]
    public void A_served_version_without_a_schema_is_reported()
    {
        var d = ImportError(Crd("""
            spec:
              group: example.com
              names: {kind: Tiny, plural: tinies}
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
            """));

        Assert.Equal(SchemaRules.NoSchema, d.Rule);
        Assert.Equal("version 'v1' is served but has no schema.openAPIV3Schema", d.Message);
        Assert.Equal("add the schema, or set served: false", d.Suggestion);
        Assert.Equal(10, d.Location!.Line);
    }

    [Fact]
    public void An_unserved_version_may_lack_a_schema()
    {
        var schemas = CrdImporter.Import(YamlReader.ReadAll(Crd("""
            spec:
              group: example.com
              names: {kind: Tiny, plural: tinies}
              scope: Namespaced
              versions:
                - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}
                - {name: v0, served: false, storage: false}
            """)), null);

        Assert.False(schemas.Single(s => s.Schema.Version == "v0").Schema.Served);
    }

    [Fact]
    public void A_schema_that_is_not_a_mapping_is_reported()
    {
        var d = ImportError(WithSchema("              just text"));

        Assert.Equal(SchemaRules.NotObject, d.Rule);
        Assert.Equal("the schema of version 'v1' must be a mapping", d.Message);
        Assert.Equal("spec.versions[0].schema.openAPIV3Schema", d.Path!.ToString());
    }

    [Fact]
    public void A_schema_root_that_is_not_type_object_is_reported()
    {
        var d = ImportError(WithSchema("              type: string"));

        Assert.Equal(SchemaRules.NotObject, d.Rule);
        Assert.Equal("the schema of version 'v1' must have type: object at its root", d.Message);
    }

    [Fact]
    public void A_property_that_is_not_a_schema_is_reported_at_its_line()
    {
        var d = ImportError(WithSchema("""
                          type: object
                          properties:
                            size: integer
            """));

        Assert.Equal(SchemaRules.NotObject, d.Rule);
        Assert.Equal("expected a schema (a mapping) here, found a string (\"integer\")", d.Message);
        Assert.Equal("spec.versions[0].schema.openAPIV3Schema.properties.size", d.Path!.ToString());
        Assert.Equal(new Tree.SourceLocation("crd.yaml", 17, 23), d.Location);
    }

    [Fact]
    public void A_keyword_with_a_value_of_the_wrong_type_is_reported()
    {
        var d = ImportError(WithSchema("""
                          type: object
                          required: size
            """));

        Assert.Equal(SchemaRules.BadKeyword, d.Rule);
        Assert.Equal("'required' must be a list of strings, found a string (\"size\")", d.Message);
    }

    [Fact]
    public void An_unknown_type_name_is_reported()
    {
        var d = ImportError(WithSchema("""
                          type: object
                          properties:
                            size: {type: int}
            """));

        Assert.Equal("'type' must be one of object, array, string, integer, number, boolean, found a string (\"int\")", d.Message);
    }

    [Fact]
    public void A_ref_in_a_crd_schema_is_reported()
    {
        var d = ImportError(WithSchema("""
                          type: object
                          properties:
                            spec: {$ref: "#/definitions/Spec"}
            """));

        Assert.Equal(SchemaRules.BadRef, d.Rule);
        Assert.Equal("a CRD schema cannot use $ref (the API server rejects it)", d.Message);
    }

    [Fact]
    public void An_exclusive_bound_that_is_neither_boolean_nor_number_is_reported()
    {
        var d = ImportError(WithSchema("""
                          type: object
                          properties:
                            size: {type: integer, exclusiveMinimum: lots}
            """));

        Assert.Equal(SchemaRules.NotJsonSchema, d.Rule);
        Assert.StartsWith("the schema of example.com/v1 Tiny is not a well-formed JSON Schema: ", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("'exclusiveMinimum' must be true, false or a number, found a string (\"lots\")", d.Message, StringComparison.Ordinal);
        Assert.Equal("openAPIV3Schema.properties.size.exclusiveMinimum", d.Path!.ToString());
        Assert.Contains("exclusiveMinimum", d.Suggestion, StringComparison.Ordinal);
        Assert.Equal("crd.yaml", d.Location!.File);
    }

    [Fact]
    public void Two_storage_versions_are_reported()
    {
        var d = ImportError(Crd("""
            spec:
              group: example.com
              names: {kind: Tiny, plural: tinies}
              scope: Namespaced
              versions:
                - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}
                - {name: v2, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}
            """));

        Assert.Equal("exactly one version must have storage: true, found 2", d.Message);
    }

    [Fact]
    public void A_document_that_is_not_a_crd_is_reported_not_skipped()
    {
        var d = ImportError(SampleCrds.Gadget + "\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n");

        Assert.Equal(SchemaRules.NotCrd, d.Rule);
        Assert.Equal("document 2 is apps/v1 Deployment 'web', not a CustomResourceDefinition", d.Message);
        Assert.Equal("import-crd reads apiextensions.k8s.io/v1 CustomResourceDefinition documents only", d.Suggestion);
        Assert.Equal("kind", d.Path!.ToString());
    }

    [Fact]
    public void An_old_v1beta1_crd_is_reported_with_advice()
    {
        var d = ImportError(SampleCrds.Gadget.Replace("apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1", StringComparison.Ordinal));

        Assert.Equal("document 1 has apiVersion 'apiextensions.k8s.io/v1beta1'; only apiextensions.k8s.io/v1 CRDs are read", d.Message);
        Assert.Equal("v1beta1 CRDs were removed in Kubernetes 1.22; convert it to apiextensions.k8s.io/v1", d.Suggestion);
    }

    [Fact]
    public void An_empty_document_is_reported()
    {
        var d = ImportError(SampleCrds.Gadget + "\n---\n# nothing here\n---\n" + SampleCrds.Gadget.Replace("Gadget", "Other", StringComparison.Ordinal));

        Assert.Equal(SchemaRules.NotCrd, d.Rule);
        Assert.Equal("document 2 is empty; expected a CustomResourceDefinition", d.Message);
        Assert.Equal("remove the empty document, often left by a stray '---'", d.Suggestion);
    }

    [Fact]
    public void A_kind_list_is_reported_with_advice()
    {
        var d = ImportError("apiVersion: v1\nkind: List\nitems: []\n");

        Assert.Equal("document 1 is a List, not a CustomResourceDefinition", d.Message);
        Assert.Equal("write each CRD as its own document, separated by '---'", d.Suggestion);
    }

    [Fact]
    public void A_document_without_kind_is_reported()
    {
        var d = ImportError("spec: {}\n");

        Assert.Equal("document 1 has no kind, not a CustomResourceDefinition", d.Message);
    }

    [Fact]
    public void Yaml_syntax_errors_come_from_the_yaml_reader_with_the_file_name()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.yaml", "spec: [unclosed\n");

        var e = Assert.Throws<YamlReadException>(() => CrdImporter.ImportPath(file, null, null));

        Assert.Equal(file, e.Diagnostic.Location!.File);
    }
}
