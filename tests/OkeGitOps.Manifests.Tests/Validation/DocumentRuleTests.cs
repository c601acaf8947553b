using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation;

public class DocumentRuleTests
{
    private const string Meta = "metadata:\n  name: w\n  namespace: default\n";

    [Fact]
    public void A_root_that_is_not_a_mapping_is_an_error()
        => Same("document-not-mapping | test.yaml:1:1: error: a manifest must be a mapping with apiVersion and kind, got array",
            Format(Validate("- a\n- b\n")));

    [Fact]
    public void An_empty_document_is_skipped_like_kubectl_skips_it()
        => Assert.Empty(Validator().Validate(new ManifestDocument(ManifestNode.Null)));

    [Fact]
    public void Missing_apiVersion_and_kind_are_both_reported()
        => Same(
            "api-version-missing | test.yaml:1:1: error: missing required field \"apiVersion\" (add the apiVersion, e.g. apiVersion: argoproj.io/v1alpha1)\n" +
            "kind-missing | test.yaml:1:1: error: missing required field \"kind\" (add the kind, e.g. kind: Application)",
            Format(Validate(Meta)));

    [Fact]
    public void ApiVersion_and_kind_must_be_non_empty_strings()
        => Same(
            "api-version-invalid | test.yaml:1:13: error: apiVersion: apiVersion must be a non-empty string, got integer 1\n" +
            "kind-invalid | test.yaml:2:7: error: kind: kind must be a non-empty string, got string \"\"",
            Format(Validate("apiVersion: 1\nkind: \"\"\n" + Meta)));

    [Fact]
    public void An_apiVersion_with_two_slashes_is_malformed()
        => Same(
            "api-version-invalid | test.yaml:1:13: error: apiVersion: \"example.com/v1/x\" is not an apiVersion: write version (core group) or group/version (e.g. apiVersion: v1, or apiVersion: argoproj.io/v1alpha1)",
            Format(Validate("apiVersion: example.com/v1/x\nkind: Widget\n" + Meta)));

    [Fact]
    public void An_unserved_version_is_an_error_that_names_the_served_version_and_the_body_is_still_checked()
        => Same(
            "version-not-served | test.yaml:1:13: error: apiVersion: example.com/v1beta1 is not served for Widget (use apiVersion: example.com/v1)\n" +
            "type | test.yaml:7:9: error: spec.size: must be of type integer, got string \"x\"",
            Format(Validate(WidgetYaml("size: x", apiVersion: "example.com/v1beta1"))));

    [Fact]
    public void A_deprecated_served_version_is_a_warning_with_upstreams_text()
    {
        var d = Assert.Single(Validate(WidgetYaml("size: 1", apiVersion: "example.com/v1alpha1")));
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Same("version-deprecated | test.yaml:1:13: warning: apiVersion: example.com/v1alpha1 Widget is deprecated; use example.com/v1 (use apiVersion: example.com/v1)",
            Format([d]));
    }

    [Fact]
    public void A_version_the_kind_does_not_have_names_the_one_it_has()
        => Same(
            "unknown-version | test.yaml:1:13: error: apiVersion: example.com/v2 is not a version of Widget (use apiVersion: example.com/v1)",
            Format(Validate(WidgetYaml("size: 1", apiVersion: "example.com/v2"))));

    [Fact]
    public void A_known_kind_in_the_wrong_group_names_its_apiVersion()
        => Same(
            "unknown-version | test.yaml:1:13: error: apiVersion: Widget is not a kind of apps/v1 (use apiVersion: example.com/v1)",
            Format(Validate(WidgetYaml("size: 1", apiVersion: "apps/v1"))));

    [Fact]
    public void A_misspelt_kind_suggests_the_nearest_known_kind()
        => Same(
            "unknown-kind | test.yaml:2:7: error: kind: no schema is known for kind Widgt (example.com/v1) (did you mean kind: Widget?)",
            Format(Validate("apiVersion: example.com/v1\nkind: Widgt\n" + Meta)));

    [Fact]
    public void A_misspelt_core_kind_suggests_it_with_its_apiVersion()
        => Same(
            "unknown-kind | test.yaml:2:7: error: kind: no schema is known for kind Sevrice (example.com/v1) (did you mean kind: Service (apiVersion: v1)?)",
            Format(Validate("apiVersion: example.com/v1\nkind: Sevrice\n" + Meta)));

    [Fact]
    public void A_kind_without_any_schema_is_an_error_or_a_warning_when_allowed()
    {
        const string yaml = "apiVersion: rockets.example.org/v1\nkind: Rocket\n" + Meta;
        Same(
            "unknown-kind | test.yaml:2:7: error: kind: no schema is known for kind Rocket (rockets.example.org/v1) (add its CRD with `okegitops import-crd`, or put its schema in a schema folder)",
            Format(Validate(yaml)));
        var d = Assert.Single(Validate(yaml, new ValidatorOptions { AllowUnknownKinds = true }));
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void A_list_is_expanded_and_each_item_validated_at_its_index()
    {
        const string yaml = """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: example.com/v1
                kind: Widget
                metadata: {name: a, namespace: default}
                spec: {size: 1}
              - apiVersion: example.com/v1
                kind: Widget
                metadata: {name: b, namespace: default}
                spec: {size: 1, enabeld: true}
              - 42
            """;
        Same(
            "unknown-field | test.yaml:11:21: error: items[1].spec.enabeld: unknown field \"enabeld\" (did you mean \"enabled\"?)\n" +
            "document-not-mapping | test.yaml:12:5: error: items[2]: a manifest must be a mapping with apiVersion and kind, got integer 42",
            Format(Validate(yaml)));
    }

    [Fact]
    public void List_items_must_be_a_list()
        => Same(
            "list-items-invalid | test.yaml:3:8: error: items: items of a List must be a list of manifests, got object",
            Format(Validate("apiVersion: v1\nkind: List\nitems: {a: b}\n")));

    [Fact]
    public void A_required_top_level_field_is_reported_at_the_root()
        => Same(
            "required | test.yaml:1:1: error: missing required field \"spec\"",
            Format(Validate("apiVersion: example.com/v1\nkind: Widget\n" + Meta)));

    [Fact]
    public void ValidateOrThrow_throws_with_all_diagnostics_on_errors_and_not_on_warnings()
    {
        var validator = Validator();
        var bad = Doc(WidgetYaml("size: x\nrepoUrl: y"));
        var e = Assert.Throws<ManifestValidationException>(() => validator.ValidateOrThrow(bad));
        Assert.Equal(2, e.Diagnostics.Count);
        validator.ValidateOrThrow(Doc(WidgetYaml("size: 1", apiVersion: "example.com/v1alpha1")));
    }

    [Fact]
    public void Trees_built_in_code_validate_without_locations()
    {
        var root = ManifestNode.Map(
            ("apiVersion", ManifestNode.String("example.com/v1")),
            ("kind", ManifestNode.String("Widget")),
            ("metadata", ManifestNode.Map(("name", ManifestNode.String("w")), ("namespace", ManifestNode.String("x")))),
            ("spec", ManifestNode.Map(("size", ManifestNode.String("3")))));
        var d = Assert.Single(Validator().Validate(new ManifestDocument(root)));
        Assert.Null(d.Location);
        Same("error: spec.size: must be of type integer, got string \"3\" (write the number without quotes: 3)", d.ToString());
    }

    [Fact]
    public void The_validator_is_safe_to_share_between_threads()
    {
        var validator = Validator();
        var docs = Enumerable.Range(0, 200).Select(i => Doc(WidgetYaml(i % 2 == 0 ? "size: 1\nmode: Manual" : "size: x"))).ToArray();
        var results = new IReadOnlyList<Diagnostic>[docs.Length];
        Parallel.For(0, docs.Length, i => results[i] = validator.Validate(docs[i]));
        for (var i = 0; i < docs.Length; i++) Assert.Equal(i % 2 == 0 ? 0 : 1, results[i].Count);
    }
}
