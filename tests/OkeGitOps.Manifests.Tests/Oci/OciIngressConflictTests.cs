using static OkeGitOps.Manifests.Tests.Oci.OciIngressTestSupport;

namespace OkeGitOps.Manifests.Tests.Oci;

/// <summary>The rules across the Ingresses of one class (one load balancer), on YAML streams: each names the earlier Ingress.</summary>
public class OciIngressConflictTests
{
    private static readonly string Class = IngressClass("");

    private static string Stream(params string[] docs) => string.Join("---\n", docs);

    [Fact]
    public void Two_Ingresses_sharing_a_backend_set_must_agree_on_the_policy()
    {
        var output = Across(Stream(Class, Ingress("oci-native-ingress.oraclecloud.com/policy: \"ROUND_ROBIN\"", name: "a"), Ingress("oci-native-ingress.oraclecloud.com/policy: \"IP_HASH\"", name: "b")));
        Assert.Equal(
            "oci-ingress-conflict | all.yaml:41:5: error: metadata.annotations[\"oci-native-ingress.oraclecloud.com/policy\"]: backend set apps/web:80 is shared with Ingress apps/a (all.yaml:17), which uses policy ROUND_ROBIN, and this one uses IP_HASH; the controller stops reconciling the class (give every Ingress that routes to this Service port the same policy annotation)",
            output);
    }

    [Fact]
    public void Two_Ingresses_on_one_listener_port_must_agree_on_the_protocol()
    {
        var output = Across(Stream(Class, Ingress("", name: "a"), Ingress("oci-native-ingress.oraclecloud.com/protocol: \"TCP\"", name: "b", service: "other")));
        Assert.Contains("listener port 80 of IngressClass \"oci\" already has protocol HTTP from Ingress apps/a (all.yaml:17), and this Ingress asks for TCP", output);
        Assert.StartsWith("oci-ingress-conflict | all.yaml:", output);
    }

    [Fact]
    public void Different_health_checks_on_a_shared_backend_set_are_an_error_and_a_missing_one_a_warning()
    {
        var http = "oci-native-ingress.oraclecloud.com/healthcheck-protocol: \"HTTP\"\noci-native-ingress.oraclecloud.com/healthcheck-path: \"/healthz\"";
        var differ = Across(Stream(Class, Ingress(http, name: "a"), Ingress(http.Replace("/healthz", "/ready"), name: "b")));
        Assert.Contains("error: metadata.annotations[\"oci-native-ingress.oraclecloud.com/healthcheck-protocol\"]: backend set apps/web:80 is shared with Ingress apps/a (all.yaml:17), whose health check differs", differ);
        var missing = Across(Stream(Class, Ingress(http, name: "a"), Ingress("", name: "b")));
        Assert.Contains("warning: metadata.name: backend set apps/web:80 is shared with Ingress apps/a (all.yaml:17), which sets a health check; this Ingress sets none", missing);
        Assert.Equal("", Across(Stream(Class, Ingress(http, name: "a"), Ingress(http, name: "b"))));
    }

    [Fact]
    public void Two_certificates_on_one_listener_port_are_an_error()
    {
        var output = Across(Stream(Class,
            Ingress($"oci-native-ingress.oraclecloud.com/certificate-ocid: \"{Certificate}\"", name: "a"),
            Ingress($"oci-native-ingress.oraclecloud.com/certificate-ocid: \"{Certificate}x\"", name: "b", service: "other")));
        Assert.Contains("already serves another certificate (from Ingress apps/a (all.yaml:17)); the controller refuses a listener \"configured with multiple certificates or secrets\"", output);
    }

    [Fact]
    public void Two_TCP_Ingresses_on_one_port_with_different_backends_are_an_error()
    {
        var tcp = "oci-native-ingress.oraclecloud.com/protocol: \"TCP\"";
        var output = Across(Stream(Class, Ingress(tcp, name: "a"), Ingress(tcp, name: "b", service: "other")));
        Assert.Contains("TCP listener port 80 of IngressClass \"oci\" already sends to apps/web:80 (Ingress apps/a (all.yaml:17)), and this Ingress sends to apps/other:80", output);
    }

    [Fact]
    public void Separate_listener_ports_and_other_classes_do_not_conflict()
    {
        Assert.Equal("", Across(Stream(Class, Ingress("", name: "a"),
            Ingress("oci-native-ingress.oraclecloud.com/protocol: \"TCP\"\noci-native-ingress.oraclecloud.com/http-listener-port: \"9000\"", name: "b", service: "other"))));
        var nginx = "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: oci\nspec:\n  controller: k8s.io/ingress-nginx\n";
        Assert.Equal("", Across(Stream(nginx, Ingress("", name: "a"), Ingress("oci-native-ingress.oraclecloud.com/policy: \"IP_HASH\"", name: "b"))));
    }
}
