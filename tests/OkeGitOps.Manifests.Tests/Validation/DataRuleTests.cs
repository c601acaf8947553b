using OkeGitOps.Manifests.Diagnostics;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation;

public class DataRuleTests
{
    private static string Secret(string body) => Format(Validate($"apiVersion: v1\nkind: Secret\nmetadata: {{name: s, namespace: default}}\n{body}\n"));

    private static string ConfigMap(string body) => Format(Validate($"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c, namespace: default}}\n{body}\n"));

    [Fact]
    public void Secret_data_must_be_base64_with_a_hint_to_use_stringData()
        => Same(
            "format | test.yaml:4:18: error: data.password: \"hunter2\" is not valid base64 (data values are base64; put plain text under stringData instead)",
            Secret("data: {password: hunter2}"));

    [Fact]
    public void Data_keys_follow_the_key_grammar()
        => Same(
            "data-key-invalid | test.yaml:4:8: error: data[\"my key\"]: invalid key \"my key\": a key may hold only letters, digits, '-', '_' and '.'\n" +
            "data-key-invalid | test.yaml:4:19: error: data[\"..x\"]: invalid key \"..x\": a key may not start with '..'",
            ConfigMap("data: {my key: a, ..x: b, .env: c, app_config.yaml: d}"));

    [Fact]
    public void A_ConfigMap_key_may_not_be_in_both_data_and_binaryData()
        => Same(
            "data-key-invalid | test.yaml:5:14: error: binaryData.a: key \"a\" is also in data; a key may appear in only one of data and binaryData",
            ConfigMap("data: {a: x}\nbinaryData: {a: eA==}"));

    [Fact]
    public void A_ConfigMap_may_hold_at_most_1_MiB()
        => Same(
            "data-too-large | test.yaml:1:1: error: the ConfigMap holds 1048577 bytes of data, more than the limit of 1048576 bytes (1 MiB)",
            ConfigMap($"data: {{a: {new string('x', 1024 * 1024 + 1)}}}"));

    [Fact]
    public void Built_in_secret_types_need_their_keys()
    {
        Same(
            "secret-type-keys | test.yaml:4:7: error: type: a Secret of type kubernetes.io/tls needs the keys \"tls.crt\" and \"tls.key\" in data or stringData",
            Secret("type: kubernetes.io/tls"));
        Same("", Secret("type: kubernetes.io/tls\nstringData: {tls.crt: a, tls.key: b}"));
        Same(
            "secret-type-keys | test.yaml:4:7: error: type: a Secret of type kubernetes.io/basic-auth needs the key \"username\" or \"password\" in data or stringData",
            Secret("type: kubernetes.io/basic-auth"));
        Same("", Secret("type: kubernetes.io/basic-auth\nstringData: {password: x}"));
        Same(
            "secret-type-keys | test.yaml:4:7: error: type: a Secret of type kubernetes.io/service-account-token needs the annotation kubernetes.io/service-account.name (add metadata.annotations[\"kubernetes.io/service-account.name\"] naming the ServiceAccount)",
            Secret("type: kubernetes.io/service-account-token"));
    }

    [Fact]
    public void Custom_secret_types_are_free_form_but_unknown_kubernetes_io_types_are_flagged()
    {
        Same("", Secret("type: example.com/anything"));
        var d = Assert.Single(Validate("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: kubernetes.io/TLS\nstringData: {tls.crt: a, tls.key: b}\n"));
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Same("test.yaml:4:7: warning: type: \"kubernetes.io/TLS\" is not a Secret type Kubernetes defines (did you mean \"kubernetes.io/tls\"?)", d.ToString());
    }
}
