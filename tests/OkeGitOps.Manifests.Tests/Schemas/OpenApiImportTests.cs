using System.Text.Json.Nodes;
using OkeGitOps.Manifests.Schemas;

namespace OkeGitOps.Manifests.Tests.Schemas;

public class OpenApiImportTests
{
    private static JsonNode Schema(ImportedSchema imported) => JsonNode.Parse(imported.Json)!["openAPIV3Schema"]!;

    [Fact]
    public void Imports_kinds_with_references_inlined_and_wrapper_siblings_merged()
    {
        var schemas = CrdImporter.ImportOpenApi(SampleCrds.OpenApi, "Kubernetes test", ["Thing"]);

        var thing = Assert.Single(schemas);
        Assert.Equal("core/v1/thing.json", thing.RelativePath);
        Assert.Equal(("", "v1", "Thing", "v1"), (thing.Schema.Group, thing.Schema.Version, thing.Schema.Kind, thing.Schema.ApiVersion));
        Assert.Equal("things", thing.Schema.Plural);
        Assert.Equal("ThingList", thing.Schema.ListKind);
        Assert.Equal(ResourceScope.Namespaced, thing.Schema.Scope);
        Assert.True(thing.Schema.Served);
        Assert.Equal("Kubernetes test", thing.Schema.Upstream);

        var properties = Schema(thing)["properties"]!;
        Assert.Equal(
            """{"default":{},"properties":{"labels":{"additionalProperties":{"default":"","type":"string"},"type":"object"},"name":{"type":"string"}},"type":"object"}""",
            properties["metadata"]!.ToJsonString());
        Assert.Equal("{}", properties["spec"]!["default"]!.ToJsonString());
        Assert.DoesNotContain("$ref", thing.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("allOf", thing.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("description", thing.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("x-kubernetes-group-version-kind", thing.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Maps_apimachinery_types_to_what_the_api_server_accepts()
    {
        var spec = Schema(CrdImporter.ImportOpenApi(SampleCrds.OpenApi, null, ["Thing"])[0])["properties"]!["spec"]!["properties"]!;

        Assert.Equal("""{"x-kubernetes-int-or-string":true}""", spec["port"]!.ToJsonString());
        Assert.Equal("""{"format":"quantity","x-kubernetes-int-or-string":true}""", spec["size"]!.ToJsonString());
        Assert.Equal("""{"format":"date-time","type":"string"}""", spec["since"]!.ToJsonString());
        Assert.Equal("""{"type":"object","x-kubernetes-preserve-unknown-fields":true}""", spec["fields"]!.ToJsonString());
    }

    [Fact]
    public void A_recursive_reference_becomes_a_preserve_unknown_fields_placeholder()
    {
        var spec = Schema(CrdImporter.ImportOpenApi(SampleCrds.OpenApi, null, ["Thing"])[0])["properties"]!["spec"]!;

        Assert.Equal("""{"x-kubernetes-preserve-unknown-fields":true}""", spec["properties"]!["parent"]!.ToJsonString());
    }

    [Fact]
    public void ObjectMeta_is_imported_as_a_shared_type()
    {
        var meta = Assert.Single(CrdImporter.ImportOpenApi(SampleCrds.OpenApi, "Kubernetes test", ["ObjectMeta"]));

        Assert.Equal("meta/v1/objectmeta.json", meta.RelativePath);
        Assert.True(meta.Schema.IsSharedType);
        Assert.Equal(("meta", "v1", "ObjectMeta"), (meta.Schema.Group, meta.Schema.Version, meta.Schema.Kind));
        Assert.DoesNotContain("\"scope\"", meta.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"served\"", meta.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_kinds_filter_every_kind_and_ObjectMeta_are_imported()
    {
        var schemas = CrdImporter.ImportOpenApi(SampleCrds.OpenApi, null, kinds: null);

        Assert.Equal(["core/v1/thing.json", "meta/v1/objectmeta.json"], schemas.Select(s => s.RelativePath));
    }

    [Fact]
    public void Scope_and_plural_come_from_paths_when_the_document_has_them()
    {
        var json = JsonNode.Parse(SampleCrds.OpenApi)!;
        json["paths"] = JsonNode.Parse("""
            {
              "/api/v1/thingies": {
                "get": { "x-kubernetes-action": "list", "x-kubernetes-group-version-kind": { "group": "", "kind": "Thing", "version": "v1" } }
              }
            }
            """);

        var thing = CrdImporter.ImportOpenApi(json.ToJsonString(), null, ["Thing"])[0].Schema;

        Assert.Equal("thingies", thing.Plural);
        Assert.Equal(ResourceScope.Cluster, thing.Scope);
    }

    [Fact]
    public void Bad_json_is_reported_with_line_and_column()
    {
        var e = Assert.Throws<SchemaImportException>(() => CrdImporter.ImportOpenApi("{\n  \"components\": {,\n}", null, null, "api.json"));

        Assert.Equal(SchemaRules.BadJson, e.Diagnostic.Rule);
        Assert.StartsWith("the OpenAPI document is not valid JSON: ", e.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new Tree.SourceLocation("api.json", 2, 18), e.Diagnostic.Location);
    }

    [Fact]
    public void A_document_without_components_schemas_is_reported()
    {
        var e = Assert.Throws<SchemaImportException>(() => CrdImporter.ImportOpenApi("""{"openapi": "3.0.0"}""", null, null, "api.json"));

        Assert.Equal("not a Kubernetes OpenAPI v3 document: it has no components.schemas", e.Diagnostic.Message);
    }

    [Fact]
    public void An_unresolved_reference_is_reported_with_its_path_and_line()
    {
        var json = SampleCrds.OpenApi.Replace("io.k8s.apimachinery.pkg.apis.meta.v1.Time\" }", "io.k8s.apimachinery.pkg.apis.meta.v1.Timer\" }", StringComparison.Ordinal);

        var e = Assert.Throws<SchemaImportException>(() => CrdImporter.ImportOpenApi(json, null, ["Thing"], "api.json"));

        Assert.Equal(SchemaRules.BadRef, e.Diagnostic.Rule);
        Assert.Equal("$ref '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Timer' names a schema that components.schemas does not define", e.Diagnostic.Message);
        Assert.Equal("components.schemas[\"io.k8s.api.core.v1.ThingSpec\"].properties.since.$ref", e.Diagnostic.Path!.ToString());
        Assert.Equal("api.json", e.Diagnostic.Location!.File);
        Assert.Equal(25, e.Diagnostic.Location.Line);
    }

    [Fact]
    public void An_unknown_kind_is_reported_with_a_suggestion()
    {
        var e = Assert.Throws<SchemaImportException>(() => CrdImporter.ImportOpenApi(SampleCrds.OpenApi, null, ["Thnig"]));

        Assert.Equal(SchemaRules.KindNotFound, e.Diagnostic.Rule);
        Assert.Equal("'Thnig': did you mean 'Thing'?", e.Diagnostic.Suggestion);
    }

    [SkippableFact]
    public void The_core_subset_and_the_full_openapi_document_give_identical_files()
    {
        Skip.If(TestPaths.UpstreamDir is null, "the shared upstream folder (<repo>/../shared/upstream) is not present");
        string[] kinds = ["Service", "Namespace", "ServiceAccount", "Secret", "ConfigMap", "ObjectMeta"];
        var k8s = Path.Combine(TestPaths.UpstreamDir!, "k8s");

        var subset = CrdImporter.ImportPath(Path.Combine(k8s, "core-v1-subset.components.json"), "Kubernetes 1.35", kinds);
        var full = CrdImporter.ImportPath(Path.Combine(k8s, "v1.35", "api__v1_openapi.json"), "Kubernetes 1.35", kinds);

        Assert.Equal(full.Select(s => (s.RelativePath, s.Json)), subset.Select(s => (s.RelativePath, s.Json)));
        Assert.Equal(ResourceScope.Cluster, full.Single(s => s.Schema.Kind == "Namespace").Schema.Scope);
        Assert.Equal("serviceaccounts", full.Single(s => s.Schema.Kind == "ServiceAccount").Schema.Plural);
    }
}
