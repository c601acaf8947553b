using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Validation;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation;

public class MetadataRuleTests
{
    private static string Check(string kindAndApi, string metadata, string rest = "")
        => Format(Validate($"{kindAndApi}\nmetadata:\n{metadata}\n{rest}"));

    private const string Widget = "apiVersion: example.com/v1\nkind: Widget";
    private const string WidgetSpec = "spec: {size: 1}\n";

    [Fact]
    public void Metadata_is_required()
        => Same("metadata-missing | test.yaml:1:1: error: missing required field \"metadata\" (add metadata with at least a name)",
            Format(Validate(Widget + "\n" + WidgetSpec)));

    [Fact]
    public void A_name_is_required_unless_generateName_is_set()
    {
        Same("metadata-name-missing | test.yaml:4:3: error: metadata: missing required field \"name\" (set metadata.name)",
            Check(Widget, "  namespace: default", WidgetSpec));
        Assert.Empty(Validate($"{Widget}\nmetadata:\n  generateName: w-\n  namespace: default\n{WidgetSpec}"));
    }

    [Fact]
    public void Most_names_are_dns_subdomains()
    {
        Assert.Empty(Validate($"{Widget}\nmetadata:\n  name: a.b-c.d\n  namespace: default\n{WidgetSpec}"));
        Same(
            "metadata-name-invalid | test.yaml:5:9: error: metadata.name: \"Argo_Server\" is not a valid Widget name: it must be a lowercase RFC 1123 subdomain: at most 253 characters of a-z, 0-9, '-' and '.', starting and ending with a letter or digit (use \"argo-server\")",
            Check(Widget, "  namespace: default\n  name: Argo_Server", WidgetSpec));
    }

    [Fact]
    public void A_name_longer_than_253_characters_is_invalid()
    {
        var name = new string('a', 254);
        Assert.Contains("metadata-name-invalid", Check(Widget, $"  name: {name}\n  namespace: default", WidgetSpec), StringComparison.Ordinal);
    }

    [Fact]
    public void A_namespace_name_is_a_dns_label()
        => Same(
            "metadata-name-invalid | test.yaml:4:9: error: metadata.name: \"team.a\" is not a valid Namespace name: it must be a lowercase RFC 1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit (use \"team-a\")",
            Check("apiVersion: v1\nkind: Namespace", "  name: team.a"));

    [Fact]
    public void A_service_name_must_start_with_a_letter()
        => Same(
            "metadata-name-invalid | test.yaml:4:9: error: metadata.name: \"1-web\" is not a valid Service name: it must be an RFC 1035 label: at most 63 characters of a-z, 0-9 and '-', starting with a letter and ending with a letter or digit (use \"web\")",
            Check("apiVersion: v1\nkind: Service", "  name: 1-web\n  namespace: default", "spec: {ports: [{port: 80}]}"));

    [Fact]
    public void A_generateName_may_end_in_a_dash()
        => Same(
            "metadata-name-invalid | test.yaml:4:17: error: metadata.generateName: \"Web-\" is not a valid Widget name prefix: it must be a lowercase RFC 1123 subdomain: at most 253 characters of a-z, 0-9, '-' and '.', starting and ending with a letter or digit (use \"web-\")",
            Check(Widget, "  generateName: Web-\n  namespace: default", WidgetSpec));

    [Fact]
    public void A_namespace_must_be_a_dns_label()
        => Same(
            "metadata-namespace-invalid | test.yaml:5:14: error: metadata.namespace: \"Prod_App\" is not a valid namespace: it must be a lowercase RFC 1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit (use \"prod-app\")",
            Check(Widget, "  name: w\n  namespace: Prod_App", WidgetSpec));

    [Fact]
    public void A_namespace_on_a_cluster_scoped_kind_is_flagged_as_a_warning()
    {
        var d = Assert.Single(Validate("apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\n  namespace: default\n"));
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Same("test.yaml:5:14: warning: metadata.namespace: Gadget is cluster-scoped, so metadata.namespace has no effect (remove metadata.namespace)", d.ToString());
    }

    [Fact]
    public void Label_keys_and_values_follow_the_qualified_name_rules()
    {
        const string labels = """
              name: w
              namespace: default
              labels:
                app.kubernetes.io/name: web
                example.com/: x
                Bad_Prefix.com/x: yy
                -starts-with-dash: z
                ok: "has space"
                long: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                empty: ""
            """;
        Same(
            "label-key-invalid | test.yaml:8:5: error: metadata.labels[\"example.com/\"]: invalid label key \"example.com/\": the name part is empty\n" +
            "label-key-invalid | test.yaml:9:5: error: metadata.labels[\"Bad_Prefix.com/x\"]: invalid label key \"Bad_Prefix.com/x\": the prefix must be a lowercase DNS subdomain (a-z, 0-9, '-' and '.', starting and ending with a letter or digit)\n" +
            "label-key-invalid | test.yaml:10:5: error: metadata.labels.-starts-with-dash: invalid label key \"-starts-with-dash\": the name part may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit\n" +
            "label-value-invalid | test.yaml:11:9: error: metadata.labels.ok: invalid label value \"has space\": a label value may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit\n" +
            "label-value-invalid | test.yaml:12:11: error: metadata.labels.long: invalid label value \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\": a label value may be at most 63 characters long",
            Check(Widget, labels, WidgetSpec));
    }

    [Fact]
    public void Unquoted_label_and_annotation_values_that_are_not_strings_get_a_hint_to_quote_them()
    {
        const string meta = """
              name: w
              namespace: default
              labels:
                enabled: true
              annotations:
                example.com/port: 8080
            """;
        Same(
            "type | test.yaml:7:14: error: metadata.labels.enabled: must be of type string, got boolean true (quote the value so it stays a string: \"true\")\n" +
            "type | test.yaml:9:23: error: metadata.annotations[\"example.com/port\"]: must be of type string, got integer 8080 (quote the value so it stays a string: \"8080\")",
            Check(Widget, meta, WidgetSpec));
    }

    [Fact]
    public void Annotation_keys_follow_the_qualified_name_rules()
        => Same(
            "annotation-key-invalid | test.yaml:7:5: error: metadata.annotations[\"a/b/c\"]: invalid annotation key \"a/b/c\": a key may contain at most one '/'",
            Check(Widget, "  name: w\n  namespace: default\n  annotations:\n    a/b/c: x", WidgetSpec));

    [Fact]
    public void Annotations_may_total_at_most_256_KiB()
    {
        var big = new string('x', 256 * 1024);
        Same(
            "annotations-too-large | test.yaml:7:5: error: metadata.annotations: annotations take 262145 bytes, more than the limit of 262144 bytes (256 KiB) (move large data into a ConfigMap)",
            Check(Widget, $"  name: w\n  namespace: default\n  annotations:\n    a: {big}", WidgetSpec));
    }

    [Fact]
    public void Other_metadata_fields_are_checked_against_the_ObjectMeta_schema()
        => Same(
            "unknown-field | test.yaml:6:3: error: metadata.label: unknown field \"label\" (did you mean \"labels\"?)\n" +
            "type | test.yaml:7:15: error: metadata.generation: must be of type integer, got string \"one\"",
            Check(Widget, "  name: w\n  namespace: default\n  label: {a: b}\n  generation: one", WidgetSpec));

    [Fact]
    public void A_null_creationTimestamp_as_kubectl_writes_it_is_accepted()
        => Assert.Empty(Validate($"{Widget}\nmetadata:\n  name: w\n  namespace: default\n  creationTimestamp: null\n{WidgetSpec}"));

    [Fact]
    public void Without_an_ObjectMeta_schema_only_the_API_servers_own_metadata_rules_apply()
    {
        var validator = Validator(withObjectMeta: false);
        var d = validator.Validate(Doc($"{Widget}\nmetadata:\n  name: w\n  namespace: default\n  label: x\n{WidgetSpec}"));
        Assert.Empty(d);
    }
}
