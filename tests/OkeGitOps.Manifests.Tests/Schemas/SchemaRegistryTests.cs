using System.Text.Json;
using OkeGitOps.Manifests.Schemas;

namespace OkeGitOps.Manifests.Tests.Schemas;

public class SchemaRegistryTests
{
    private static readonly SchemaRegistry Registry = SchemaRegistry.Default;

    [Theory]
    [InlineData("argoproj.io/v1alpha1", "Application")]
    [InlineData("argoproj.io/v1alpha1", "ApplicationSet")]
    [InlineData("argoproj.io/v1alpha1", "AppProject")]
    [InlineData("external-secrets.io/v1", "ExternalSecret")]
    [InlineData("external-secrets.io/v1", "SecretStore")]
    [InlineData("external-secrets.io/v1", "ClusterSecretStore")]
    [InlineData("external-secrets.io/v1", "ClusterExternalSecret")]
    [InlineData("external-secrets.io/v1alpha1", "PushSecret")]
    [InlineData("v1", "Service")]
    [InlineData("v1", "Namespace")]
    [InlineData("v1", "ServiceAccount")]
    [InlineData("v1", "Secret")]
    [InlineData("v1", "ConfigMap")]
    public void Finds_every_embedded_served_kind(string apiVersion, string kind)
    {
        Assert.True(Registry.TryGet(apiVersion, kind, out var schema));
        Assert.Equal(apiVersion, schema.ApiVersion);
        Assert.Equal(kind, schema.Kind);
        Assert.True(schema.Served);
        Assert.Equal(JsonValueKind.Object, schema.OpenApiV3Schema!.Value.ValueKind);

        var lookup = Registry.Lookup(apiVersion, kind);
        Assert.Equal(SchemaLookupStatus.Found, lookup.Status);
        Assert.True(lookup.IsFound);
        Assert.Same(schema, lookup.Schema);
    }

    [Fact]
    public void Embedded_schemas_carry_identity_scope_and_upstream()
    {
        var app = Registry.Find("argoproj.io/v1alpha1", "Application")!;
        Assert.Equal(ResourceScope.Namespaced, app.Scope);
        Assert.Equal("applications", app.Plural);
        Assert.Equal("Argo CD v3.5.1 (application-crd.yaml)", app.Upstream);

        Assert.Equal(ResourceScope.Cluster, Registry.Find("external-secrets.io/v1", "ClusterSecretStore")!.Scope);
        Assert.Equal(ResourceScope.Cluster, Registry.Find("v1", "Namespace")!.Scope);
        Assert.Equal("Kubernetes 1.35", Registry.Find("v1", "Service")!.Upstream);

        // AppProject.spec has a field named "description": kept, while the prose keyword is gone everywhere.
        var project = Registry.Find("argoproj.io/v1alpha1", "AppProject")!.OpenApiV3Schema!.Value;
        var spec = project.GetProperty("properties").GetProperty("spec");
        Assert.Equal("string", spec.GetProperty("properties").GetProperty("description").GetProperty("type").GetString());
        Assert.False(spec.TryGetProperty("description", out _));
    }

    [Fact]
    public void A_v1beta1_external_secret_is_unserved_and_points_to_v1()
    {
        var lookup = Registry.Lookup("external-secrets.io/v1beta1", "ExternalSecret");

        Assert.Equal(SchemaLookupStatus.UnservedVersion, lookup.Status);
        Assert.False(lookup.IsFound);
        Assert.Equal(["external-secrets.io/v1"], lookup.ServedApiVersions);
        Assert.Equal("use apiVersion: external-secrets.io/v1", lookup.Suggestion);
        Assert.Equal(
            "external-secrets.io/v1beta1 ExternalSecret is not served (the version is deprecated) by External Secrets Operator v2.9.0 (external-secrets.io_externalsecrets.yaml)",
            lookup.Message);
        Assert.NotNull(lookup.Schema);
        Assert.False(lookup.Schema!.Served);
        Assert.Null(lookup.Schema.OpenApiV3Schema);
    }

    [Fact]
    public void A_version_that_was_never_recorded_also_points_to_the_served_one()
    {
        var lookup = Registry.Lookup("argoproj.io/v1", "Application");

        Assert.Equal(SchemaLookupStatus.UnservedVersion, lookup.Status);
        Assert.Null(lookup.Schema);
        Assert.Equal("argoproj.io/v1 Application does not exist", lookup.Message);
        Assert.Equal("use apiVersion: argoproj.io/v1alpha1", lookup.Suggestion);
    }

    [Fact]
    public void An_unknown_kind_suggests_near_misses()
    {
        var lookup = Registry.Lookup("argoproj.io/v1alpha1", "Aplication");

        Assert.Equal(SchemaLookupStatus.UnknownKind, lookup.Status);
        Assert.Equal(["Application"], lookup.Suggestions);
        Assert.Equal("argoproj.io/v1alpha1 has no kind 'Aplication'", lookup.Message);
        Assert.Equal("did you mean 'Application'?", lookup.Suggestion);
    }

    [Fact]
    public void Kinds_are_case_sensitive_and_a_wrong_case_is_suggested()
    {
        Assert.False(Registry.TryGet("v1", "configmap", out _));

        var lookup = Registry.Lookup("v1", "configmap");
        Assert.Equal(SchemaLookupStatus.UnknownKind, lookup.Status);
        Assert.Equal("ConfigMap", lookup.Suggestions[0]);
    }

    [Fact]
    public void An_unknown_group_version_names_where_the_kind_lives()
    {
        var lookup = Registry.Lookup("argoproj.io/v2", "Widget");
        Assert.Equal(SchemaLookupStatus.UnknownGroupVersion, lookup.Status);

        var moved = Registry.Lookup("v1", "ExternalSecret");
        Assert.Equal(SchemaLookupStatus.UnknownKind, moved.Status);
        Assert.Equal("ExternalSecret is served as apiVersion: external-secrets.io/v1", moved.Suggestion);

        var elsewhere = Registry.Lookup("example.com/v1", "ExternalSecret");
        Assert.Equal(SchemaLookupStatus.UnknownGroupVersion, elsewhere.Status);
        Assert.Equal(["external-secrets.io/v1"], elsewhere.Suggestions);
        Assert.Equal("ExternalSecret is served as apiVersion: external-secrets.io/v1", elsewhere.Suggestion);

        var typo = Registry.Lookup("argoprj.io/v1alpha1", "Thing");
        Assert.Equal(["argoproj.io/v1alpha1"], typo.Suggestions);
        Assert.Equal("no schema is known for apiVersion 'argoprj.io/v1alpha1'", typo.Message);
    }

    [Fact]
    public void A_malformed_api_version_is_an_unknown_group_version()
    {
        Assert.Equal(SchemaLookupStatus.UnknownGroupVersion, Registry.Lookup("a/b/c", "Service").Status);
        Assert.Equal(SchemaLookupStatus.UnknownGroupVersion, Registry.Lookup("", "Service").Status);
        Assert.False(Registry.TryGet("/v1", "Service", out _));
    }

    [Fact]
    public void Served_versions_and_known_kinds()
    {
        Assert.Equal(["v1"], Registry.ServedVersions("external-secrets.io", "ExternalSecret"));
        Assert.Equal(["v1"], Registry.ServedVersions("", "Service"));
        Assert.Empty(Registry.ServedVersions("example.com", "Widget"));
        Assert.True(Registry.IsKnownKind("external-secrets.io", "SecretStore"));
        Assert.True(Registry.IsKnownKind("", "Secret"));
        Assert.True(Registry.IsKnownKind("", "Pod"));
        Assert.False(Registry.IsKnownKind("", "Deployment"));
        Assert.False(Registry.IsKnownKind("argoproj.io", "application"));
    }

    [Fact]
    public void Kinds_lists_every_recorded_version_in_order()
    {
        var kinds = Registry.Kinds.ToList();

        Assert.Equal(kinds.OrderBy(k => k.ApiVersion, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal), kinds);
        Assert.Equal(kinds.Count, kinds.Distinct().Count());
        Assert.Contains(("argoproj.io/v1alpha1", "AppProject"), kinds);
        Assert.Contains(("apps/v1", "Deployment"), kinds);
        Assert.Contains(("external-secrets.io/v1beta1", "ExternalSecret"), kinds);
        Assert.Contains(("v1", "ConfigMap"), kinds);
        Assert.DoesNotContain(kinds, k => k.Kind == "ObjectMeta");
    }

    [Fact]
    public void ObjectMeta_is_available_with_references_inlined()
    {
        var meta = Registry.ObjectMeta;

        var properties = meta.GetProperty("properties");
        Assert.Equal("string", properties.GetProperty("name").GetProperty("type").GetString());
        Assert.Equal("date-time", properties.GetProperty("creationTimestamp").GetProperty("format").GetString());
        Assert.DoesNotContain("$ref", meta.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_schemas_load_lazily_and_only_once()
    {
        var registry = SchemaRegistry.FromAssembly(typeof(SchemaRegistry).Assembly);
        Assert.Equal(0, registry.LoadedCount);

        _ = registry.Kinds.ToList();
        Assert.Equal(0, registry.LoadedCount);

        var first = registry.Find("argoproj.io/v1alpha1", "Application");
        Assert.Equal(1, registry.LoadedCount);
        Assert.Same(first, registry.Find("argoproj.io/v1alpha1", "Application"));
        Assert.Equal(1, registry.LoadedCount);

        _ = registry.ServedVersions("external-secrets.io", "ExternalSecret");
        Assert.Equal(3, registry.LoadedCount);
    }

    [Fact]
    public void Parallel_lookups_share_one_load()
    {
        var registry = SchemaRegistry.FromAssembly(typeof(SchemaRegistry).Assembly);
        var results = new ResourceSchema?[64];

        Parallel.For(0, results.Length, i => results[i] = registry.Find("external-secrets.io/v1", i % 2 == 0 ? "SecretStore" : "ExternalSecret"));

        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Same(results[0], r));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Same(results[1], r));
        Assert.Equal(2, registry.LoadedCount);
    }

    [Fact]
    public void A_broken_embedded_file_is_reported_with_its_resource_name()
    {
        var registry = SchemaRegistry.FromAssembly(typeof(SchemaRegistryTests).Assembly);

        var e = Assert.Throws<SchemaLoadException>(() => registry.Find("example.com/v1", "Widget"));
        Assert.Equal("schemas/example.com/v1/widget.json", e.Diagnostic.Location!.File);
        Assert.Equal(5, e.Diagnostic.Location.Line);

        // The failure is remembered, not retried.
        Assert.Same(e, Assert.Throws<SchemaLoadException>(() => registry.Find("example.com/v1", "Widget")));
    }

    [Fact]
    public void An_embedded_file_that_disagrees_with_its_path_is_reported()
    {
        var registry = SchemaRegistry.FromAssembly(typeof(SchemaRegistryTests).Assembly);

        var e = Assert.Throws<SchemaLoadException>(() => registry.Find("example.com/v1", "Gadget"));
        Assert.Equal("the file describes example.com/v1 Gizmo, but its path says example.com/v1 gadget", e.Diagnostic.Message);
        Assert.Equal("move it to example.com/v1/gizmo.json", e.Diagnostic.Suggestion);
    }

    [Fact]
    public void A_user_folder_adds_crds_and_schema_files_and_overrides_embedded_ones()
    {
        using var folder = new TempFolder();
        folder.Write("crds/widgets.yaml", SampleCrds.Widget);
        var app = SchemaFile.Write(new ResourceSchema(
            "argoproj.io", "v1alpha1", "Application", ResourceScope.Cluster, served: true, storage: true, deprecated: false, null, "mine",
            JsonDocument.Parse("""{"type":"object"}""").RootElement.Clone()));
        folder.Write("argo/application.json", app);
        folder.Write("README.md", "ignored");

        var registry = Registry.WithSchemasFrom(folder.Path);

        Assert.Equal("mine", registry.Find("argoproj.io/v1alpha1", "Application")!.Upstream);
        Assert.Equal("Argo CD v3.5.1 (application-crd.yaml)", Registry.Find("argoproj.io/v1alpha1", "Application")!.Upstream);
        Assert.True(registry.Lookup("example.com/v1", "Widget").IsFound);
        Assert.Equal(SchemaLookupStatus.UnservedVersion, registry.Lookup("example.com/v1beta1", "Widget").Status);
        Assert.True(registry.Lookup("v1", "Service").IsFound);
        Assert.False(Registry.Lookup("example.com/v1", "Widget").IsFound);
    }

    [Fact]
    public void A_broken_schema_file_in_a_user_folder_is_reported_with_its_name()
    {
        using var folder = new TempFolder();
        var file = folder.Write("broken.json", "{\"format\": \"okegitops.schema/v1\", \"group\": 1}");

        var e = Assert.Throws<SchemaLoadException>(() => Registry.WithSchemasFrom(folder.Path));

        Assert.Equal(file, e.Diagnostic.Location!.File);
        Assert.Equal("'group' must be a string, found a number (1)", e.Diagnostic.Message);
        Assert.Equal($"{file}:1:44: error: group: 'group' must be a string, found a number (1)", e.Message);
    }

    [Fact]
    public void A_broken_crd_in_a_user_folder_is_reported_with_its_name()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\n");

        var e = Assert.Throws<SchemaImportException>(() => Registry.WithSchemasFrom(folder.Path));

        Assert.Equal(file, e.Diagnostic.Location!.File);
        Assert.Equal("document 1 is v1 ConfigMap, not a CustomResourceDefinition", e.Diagnostic.Message);
    }

    [Fact]
    public void The_same_kind_twice_in_a_user_folder_is_reported()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", SampleCrds.Gadget);
        folder.Write("b.yaml", SampleCrds.Gadget);

        var e = Assert.Throws<SchemaLoadException>(() => Registry.WithSchemasFrom(folder.Path));

        Assert.Equal(SchemaRules.Duplicate, e.Diagnostic.Rule);
        Assert.EndsWith("b.yaml", e.Diagnostic.Location!.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_user_folder_is_a_directory_not_found_error()
        => Assert.Throws<DirectoryNotFoundException>(() => Registry.WithSchemasFrom("/no/such/schemas"));

    [Fact]
    public void WithSchema_adds_and_overrides_without_changing_the_original()
    {
        var mine = new ResourceSchema("example.com", "v1", "Widget", ResourceScope.Namespaced, true, true, false, null, null,
            JsonDocument.Parse("""{"type":"object"}""").RootElement.Clone());

        var registry = SchemaRegistry.Empty.WithSchema(mine);

        Assert.Same(mine, registry.Find("example.com/v1", "Widget"));
        Assert.Null(SchemaRegistry.Empty.Find("example.com/v1", "Widget"));
        Assert.Throws<InvalidOperationException>(() => SchemaRegistry.Empty.ObjectMeta);
    }
}
