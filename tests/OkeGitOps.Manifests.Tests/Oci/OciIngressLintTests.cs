using OkeGitOps.Manifests.Oci;
using static OkeGitOps.Manifests.Tests.Oci.OciIngressTestSupport;
using static OkeGitOps.Manifests.Tests.Oci.OciTestSupport;

namespace OkeGitOps.Manifests.Tests.Oci;

/// <summary>The native ingress rules on YAML: one test per rule of the facts file we enforce, with the message and the annotation key's location.</summary>
public class OciIngressLintTests
{
    private const string Params = "apiGroup: ingress.oraclecloud.com\nkind: IngressClassParameters\nname: oci\nscope: Namespace\nnamespace: ingress";

    /// <summary>Asserts exactly one finding of this rule, with this, location and message fragments.</summary>
    private static void One(string output, string rule, string where, params string[] fragments)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith(rule + " |", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length == 1, $"expected one {rule} finding, got:\n{output}");
        Assert.StartsWith($"{rule} | {where}", lines[0]);
        foreach (var f in fragments) Assert.Contains(f, lines[0]);
    }

    // --- the realistic cases of the issue ---

    [Fact]
    public void Waf_policy_id_is_refused_and_waf_policy_ocid_suggested()
        => Same(
            "oci-ingress-unknown-annotation | ing.yaml:6:5: error: metadata.annotations[\"oci-native-ingress.oraclecloud.com/waf-policy-id\"]: the OCI native ingress controller does not read \"oci-native-ingress.oraclecloud.com/waf-policy-id\", so it has no effect (use \"oci-native-ingress.oraclecloud.com/waf-policy-ocid\")",
            LintIngress(IngressClass($"oci-native-ingress.oraclecloud.com/waf-policy-id: \"{Waf}\"")));

    [Fact]
    public void Healthcheck_protocol_HTTPS_is_an_error()
        => Same(
            "oci-ingress-health-check | ing.yaml:7:5: error: metadata.annotations[\"oci-native-ingress.oraclecloud.com/healthcheck-protocol\"]: health-check protocol \"HTTPS\" does not exist: the controller knows only \"TCP\" and \"HTTP\" and stops reconciling the IngressClass with \"unknown protocol found for healthcheck\" (use \"HTTP\": an HTTP check already uses TLS when the backend set does (backend-tls-enabled), unless healthcheck-force-plaintext is true)",
            LintIngress(Ingress("oci-native-ingress.oraclecloud.com/healthcheck-protocol: \"HTTPS\"")));

    [Fact]
    public void Parameters_with_scope_Cluster_name_the_lookup_the_controller_really_does()
        => Same(
            "oci-ingress-class-parameters | ing.yaml:11:12: error: spec.parameters.scope: the scope is \"Cluster\", but the controller looks up the IngressClassParameters by spec.parameters.name and spec.parameters.namespace only, and the CRD is namespaced; without a namespace (forbidden with scope Cluster) it looks in namespace \"\" and fails with \"unable to fetch IngressClassParameters\" (set scope: Namespace and namespace: <namespace of the IngressClassParameters>)",
            LintIngress(IngressClass("", "apiGroup: ingress.oraclecloud.com\nkind: IngressClassParameters\nname: oci\nscope: Cluster")));

    [Fact]
    public void Waf_annotation_on_the_Ingress_says_it_belongs_on_the_IngressClass()
        => Same(
            "oci-ingress-wrong-object | ing.yaml:7:5: error: metadata.annotations[\"oci-native-ingress.oraclecloud.com/waf-policy-ocid\"]: \"oci-native-ingress.oraclecloud.com/waf-policy-ocid\" belongs on the IngressClass: the controller reads it only there, once per load balancer, so on an Ingress it has no effect (move it to the IngressClass named by spec.ingressClassName)",
            LintIngress(Ingress($"oci-native-ingress.oraclecloud.com/waf-policy-ocid: \"{Waf}\"")));

    // --- correct objects ---

    [Fact]
    public void A_correct_class_parameters_and_Ingress_have_no_findings()
    {
        Same("", LintIngress(IngressClass($"oci-native-ingress.oraclecloud.com/waf-policy-ocid: \"{Waf}\"\noci-native-ingress.oraclecloud.com/delete-protection-enabled: \"true\"")));
        Same("", LintIngress(Parameters("isPrivate: true\nminBandwidthMbps: 10\nmaxBandwidthMbps: 100")));
        Same("", LintIngress(Ingress($"oci-native-ingress.oraclecloud.com/certificate-ocid: \"{Certificate}\"\noci-native-ingress.oraclecloud.com/healthcheck-protocol: \"HTTP\"\noci-native-ingress.oraclecloud.com/healthcheck-path: \"/healthz\"\noci-native-ingress.oraclecloud.com/protocol: \"http2\"")));
    }

    [Fact]
    public void An_Ingress_without_OCI_annotations_and_a_class_of_another_controller_are_left_alone()
    {
        Same("", LintIngress(Ingress("nginx.ingress.kubernetes.io/rewrite-target: /")));
        Same("", LintIngress("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n  controller: k8s.io/ingress-nginx\n"));
    }

    // --- keys ---

    [Fact]
    public void An_unknown_Ingress_key_names_the_nearest_real_key()
        => One(LintIngress(Ingress("oci-native-ingress.oraclecloud.com/healthcheck-retry: \"3\"")), OciRules.IngressUnknownAnnotation, "ing.yaml:7:5: error:",
            "does not read \"oci-native-ingress.oraclecloud.com/healthcheck-retry\"", "(use \"oci-native-ingress.oraclecloud.com/healthcheck-retries\")");

    [Fact]
    public void An_IngressClass_only_key_on_an_Ingress_and_an_Ingress_key_on_the_class_are_refused()
    {
        One(LintIngress(Ingress("oci-native-ingress.oraclecloud.com/id: \"ocid1.loadbalancer.oc1.iad.aaaaaaaaexistinglb\"")), OciRules.IngressWrongObject, "ing.yaml:7:5: error:", "belongs on the IngressClass");
        One(LintIngress(IngressClass("oci-native-ingress.oraclecloud.com/policy: \"ROUND_ROBIN\"")), OciRules.IngressWrongObject, "ing.yaml:6:5: error:", "belongs on each Ingress", "(move it to the Ingresses of this class)");
    }

    [Fact]
    public void Keys_the_controller_writes_itself_are_warned_about()
        => One(LintIngress(IngressClass("oci-native-ingress.oraclecloud.com/firewall-id: \"ocid1.webappfirewall.oc1.iad.aaaaaaaafirewall\"")), OciRules.IngressControllerOwned, "ing.yaml:6:5: warning:",
            "written by the native ingress controller itself");

    [Fact]
    public void CCM_Service_keys_on_an_Ingress_point_to_the_native_equivalent()
        => One(LintIngress(Ingress("service.beta.kubernetes.io/oci-load-balancer-internal: \"true\"")), OciRules.IngressWrongController, "ing.yaml:7:5: error:",
            "is a Service annotation of the OCI cloud-controller-manager", "(make the load balancer private with spec.isPrivate: true in the IngressClassParameters)");

    [Fact]
    public void Native_ingress_keys_on_a_Service_are_refused_and_WAF_is_routed_to_the_IngressClass()
        => One(LintIngress("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    oci-native-ingress.oraclecloud.com/waf-policy-ocid: x\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n"),
            OciRules.IngressWrongController, "ing.yaml:6:5: error:", "the cloud-controller-manager does not read it from a Service", "the CCM has no WAF annotation");

    [Fact]
    public void Workload_service_account_on_an_Ingress_belongs_on_the_class()
        => One(LintIngress(Ingress("oci.oraclecloud.com/workload-service-account: \"lb-controller\"")), OciRules.IngressWrongObject, "ing.yaml:7:5: error:", "belongs on the IngressClass");

    // --- values ---

    [Theory]
    [InlineData("protocol: \"QUIC\"", "unsupported protocol \"QUIC\"")]
    [InlineData("policy: \"round_robin\"", "must be written in capitals")]
    [InlineData("certificate-ocid: \"\"", "its presence alone turns TLS on")]
    [InlineData("backend-tls-enabled: \"yes\"", "silently uses the default, true")]
    [InlineData("healthcheck-port: \"80a\"", "is not a whole number; the controller stops reconciling")]
    [InlineData("healthcheck-interval-milliseconds: \"500\"", "must be between 1000 and 1800000, got 500")]
    [InlineData("healthcheck-return-code: \"700\"", "must be between 100 and 599, got 700")]
    [InlineData("http-listener-port: \"70000\"", "must be between 0 and 65535, got 70000")]
    [InlineData("session-persistence-config: '{\"cookieName\": \"s\", \"disableFallback\": true}'", "parsed but dropped by the controller")]
    [InlineData("lb-cookie-session-persistence-config: '{\"cookie\": \"s\"}'", "unknown field \"cookie\"")]
    [InlineData("lb-cookie-session-persistence-config: '{oops'", "is not valid JSON")]
    public void Bad_Ingress_values_are_refused_with_the_controllers_behaviour(string line, string fragment)
        => One(LintIngress(Ingress("oci-native-ingress.oraclecloud.com/" + line)), OciRules.IngressAnnotationValue, "ing.yaml:7:5: error:", fragment);

    [Fact]
    public void A_certificate_OCID_of_the_wrong_type_is_refused()
        => One(LintIngress(Ingress("oci-native-ingress.oraclecloud.com/certificate-ocid: \"ocid1.subnet.oc1.iad.aaaaaaaa4kq2rkhzmvbfylk2vnxb\"")), OciRules.Ocid, "ing.yaml:7:5: error:",
            "is a subnet OCID, but a certificate OCID belongs here");

    [Theory]
    [InlineData("waf-policy-ocid: \"ocid1.waaspolicy.oc1..aaaaaaaawafold\"", OciRules.Ocid, "a webappfirewallpolicy OCID belongs here")]
    [InlineData("defined-tags: '{\"Ops\": \"x\"}'", OciRules.IngressAnnotationValue, "every tag namespace must map to an object of tags")]
    [InlineData("freeform-tags: '{\"team\": 1}'", OciRules.IngressAnnotationValue, "every freeform tag value must be a string")]
    [InlineData("delete-protection-enabled: \"maybe\"", OciRules.IngressAnnotationValue, "silently uses the default, false")]
    public void Bad_IngressClass_values_are_refused(string line, string rule, string fragment)
        => One(LintIngress(IngressClass("oci-native-ingress.oraclecloud.com/" + line)), rule, "ing.yaml:6:5: error:", fragment);

    [Fact]
    public void More_than_five_NSGs_on_the_class_are_refused()
    {
        var nsgs = string.Join(",", Enumerable.Range(0, 6).Select(i => $"ocid1.networksecuritygroup.oc1.iad.aaaaaaaa{i}qfu3zrllpoiuq"));
        One(LintIngress(IngressClass($"oci-native-ingress.oraclecloud.com/network-security-group-ids: \"{nsgs}\"")), OciRules.NsgLimit, "ing.yaml:6:5: error:", "lists 6 network security groups, but OCI allows at most 5");
    }

    [Fact]
    public void A_default_class_value_other_than_true_is_not_counted_by_the_controller()
        => One(LintIngress(IngressClass("ingressclass.kubernetes.io/is-default-class: \"True\"")), OciRules.IngressClassController, "ing.yaml:6:5: error:", "compares the value with the exact string \"true\"");

    // --- combinations on one Ingress ---

    [Fact]
    public void HTTP2_without_TLS_is_refused()
        => One(LintIngress(Ingress("oci-native-ingress.oraclecloud.com/protocol: \"HTTP2\"")), OciRules.IngressHttp2Tls, "ing.yaml:7:5: error:",
            "protocol HTTP2 needs TLS on the listener, but this Ingress has neither spec.tls nor a certificate OCID");

    [Fact]
    public void HTTP2_with_a_spec_tls_Secret_is_accepted()
        => Same("", LintIngress(Ingress("oci-native-ingress.oraclecloud.com/protocol: \"HTTP2\"", extraSpec: "tls:\n- hosts: [web.example.com]\n  secretName: web-tls")));

    [Fact]
    public void An_HTTP_health_check_without_a_path_is_refused()
        => One(LintIngress(Ingress("oci-native-ingress.oraclecloud.com/healthcheck-protocol: \"HTTP\"")), OciRules.IngressHealthCheck, "ing.yaml:7:5: error:",
            "an HTTP health check needs a path", "the controller sends an empty path to OCI");

    [Fact]
    public void HTTP_only_health_check_keys_on_a_TCP_check_are_warned_about()
        => One(LintIngress(Ingress("oci-native-ingress.oraclecloud.com/healthcheck-path: \"/healthz\"")), OciRules.IneffectiveAnnotation, "ing.yaml:7:5: warning:", "read only by an HTTP health check");

    [Fact]
    public void A_certificate_with_protocol_TCP_is_warned_about()
    {
        var output = LintIngress(Ingress($"oci-native-ingress.oraclecloud.com/protocol: \"TCP\"\noci-native-ingress.oraclecloud.com/certificate-ocid: \"{Certificate}\""));
        One(output, OciRules.IneffectiveAnnotation, "ing.yaml:8:5: warning:", "is ignored with protocol TCP");
    }

    [Fact]
    public void Both_session_persistence_annotations_are_refused()
        => One(LintIngress(Ingress("oci-native-ingress.oraclecloud.com/session-persistence-config: '{\"cookieName\": \"s\"}'\noci-native-ingress.oraclecloud.com/lb-cookie-session-persistence-config: '{\"cookieName\": \"lb\"}'")),
            OciRules.IngressSessionPersistence, "ing.yaml:7:5: error:", "only one of session-persistence-config and lb-cookie-session-persistence-config");

    [Fact]
    public void A_secure_LB_cookie_on_a_plain_listener_is_refused()
        => One(LintIngress(Ingress("oci-native-ingress.oraclecloud.com/lb-cookie-session-persistence-config: '{\"isSecure\": true}'")),
            OciRules.IngressSessionPersistence, "ing.yaml:7:5: error:", "a secure cookie (isSecure: true) cannot be used on a plain HTTP listener");

    // --- IngressClass parameters ---

    [Fact]
    public void A_class_without_parameters_explains_the_zero_bandwidth_load_balancer()
        => One(LintIngress(IngressClass("", parameters: null)), OciRules.IngressClassParameters, "ing.yaml:6:3: error: spec:",
            "creates a public load balancer with a minimum and maximum bandwidth of 0 Mbps, which OCI refuses");

    [Fact]
    public void Parameters_without_a_namespace_are_refused()
        => One(LintIngress(IngressClass("", "apiGroup: ingress.oraclecloud.com\nkind: IngressClassParameters\nname: oci\nscope: Namespace")), OciRules.IngressClassParameters, "ing.yaml:8:5: error: spec.parameters:",
            "spec.parameters.namespace is missing");

    [Fact]
    public void The_documented_lower_case_kind_is_a_warning_and_a_wrong_kind_an_error()
    {
        One(LintIngress(IngressClass("", Params.Replace("kind: IngressClassParameters", "kind: ingressclassparameters"))), OciRules.IngressClassParameters, "ing.yaml:9:11: warning:", "works only because the controller ignores the kind");
        One(LintIngress(IngressClass("", Params.Replace("kind: IngressClassParameters", "kind: ConfigMap"))), OciRules.IngressClassParameters, "ing.yaml:9:11: error:", "are an IngressClassParameters");
    }

    [Fact]
    public void A_workload_service_account_without_a_parameters_namespace_is_the_nil_pointer_crash()
    {
        var output = LintIngress(IngressClass("oci.oraclecloud.com/workload-service-account: \"lb-controller\"", parameters: null));
        Assert.Contains("oci-ingress-workload-identity | ing.yaml:6:5: error: metadata.annotations[\"oci.oraclecloud.com/workload-service-account\"]: a Workload Identity service account needs spec.parameters.namespace: the controller looks the ServiceAccount up in that namespace without a nil check, and crashes", output);
    }

    [Fact]
    public void Native_keys_on_a_class_of_another_controller_are_warned_about()
        => One(LintIngress("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: x\n  annotations:\n    oci-native-ingress.oraclecloud.com/waf-policy-ocid: y\nspec:\n  controller: k8s.io/ingress-nginx\n"),
            OciRules.IngressClassController, "ing.yaml:8:15: warning:", "so the OCI controller ignores it");

    [Theory]
    [InlineData("minBandwidthMbps: 5", "ing.yaml:7:21: error: spec.minBandwidthMbps:", "must be between 10 and 8000 Mbps, got 5")]
    [InlineData("maxBandwidthMbps: 9000", "ing.yaml:7:21: error: spec.maxBandwidthMbps:", "must be between 10 and 8000 Mbps, got 9000")]
    [InlineData("minBandwidthMbps: 200", "ing.yaml:7:21: error: spec.minBandwidthMbps:", "above the default maxBandwidthMbps of 100")]
    [InlineData("minBandwidthMbps: 200\nmaxBandwidthMbps: 100", "ing.yaml:8:21: error: spec.maxBandwidthMbps:", "maxBandwidthMbps 100 is below minBandwidthMbps 200; neither the CRD nor the controller checks this")]
    public void Parameters_bandwidth_bounds_are_checked(string spec, string where, string fragment)
        => One(LintIngress(Parameters(spec)), OciRules.IngressBandwidth, where, fragment);

    [Fact]
    public void A_reserved_public_IP_on_a_private_load_balancer_is_warned_about()
        => One(LintIngress(Parameters("isPrivate: true\nreservedPublicAddressId: ocid1.publicip.oc1.iad.aaaaaaaareservedip")), OciRules.IneffectiveAnnotation, "ing.yaml:8:28: warning:", "has no public address");
}
