using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Oci;
using static OkeGitOps.Manifests.Tests.Oci.OciIngressTestSupport;
using static OkeGitOps.Manifests.Tests.Oci.OciTestSupport;

namespace OkeGitOps.Manifests.Tests.Oci;

/// <summary>The same rules through the typed settings: a value the controller or OCI refuses throws at once, with the rule and a suggestion.</summary>
public class OciNativeIngressSettingsTests
{
    private static void Fails(Action action, string rule, string fragment)
    {
        var e = Throws(action);
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(rule, d.Rule);
        Assert.Contains(fragment, d.ToString());
    }

    [Theory]
    [InlineData(5, 100, "minBandwidthMbps must be between 10 and 8000 Mbps, got 5")]
    [InlineData(10, 9000, "maxBandwidthMbps must be between 10 and 8000 Mbps, got 9000")]
    [InlineData(500, 100, "maxBandwidthMbps 100 is below minBandwidthMbps 500")]
    public void Bandwidth_outside_the_range_or_min_above_max_throws(int min, int max, string fragment)
        => Fails(() => OciNativeIngress.PrivateClass().FlexibleBandwidth(min, max), OciRules.IngressBandwidth, fragment);

    [Fact]
    public void A_WAF_policy_of_the_wrong_OCID_type_throws()
        => Fails(() => OciNativeIngress.PrivateClass().WithWafPolicy(Subnet), OciRules.Ocid, "a webappfirewallpolicy OCID belongs here");

    [Fact]
    public void More_than_five_NSGs_throw()
        => Fails(() => OciNativeIngress.PrivateClass().WithNetworkSecurityGroups(Enumerable.Range(0, 6).Select(i => $"ocid1.networksecuritygroup.oc1.iad.aaaaaaaa{i}qfu3zrllpoiuq").ToArray()),
            OciRules.NsgLimit, "lists 6 network security groups");

    [Fact]
    public void Adopting_a_load_balancer_needs_a_load_balancer_OCID()
        => Fails(() => OciNativeIngress.PrivateClass().AdoptingLoadBalancer(Subnet), OciRules.Ocid, "a loadbalancer OCID belongs here");

    [Fact]
    public void A_subnet_of_the_wrong_type_throws()
        => Fails(() => OciNativeIngress.PrivateClass().WithSubnet(Compartment), OciRules.Ocid, "a subnet OCID belongs here");

    [Fact]
    public void A_workload_identity_in_another_namespace_than_the_parameters_throws_at_build()
    {
        var identity = WorkloadIdentity.For("lb-controller", "native-ingress-controller-system", Cluster, Compartment);
        Fails(() => OciNativeIngress.PrivateClass().WithWorkloadIdentity(identity).Build("oci", "ingress"), OciRules.IngressWorkloadIdentity,
            "looks up the Workload Identity ServiceAccount \"lb-controller\" in the namespace of the IngressClassParameters (\"ingress\"), but it lives in \"native-ingress-controller-system\"");
    }

    [Fact]
    public void A_certificate_of_the_wrong_OCID_type_throws()
        => Fails(() => OciNativeIngress.IngressSettings().WithCertificate(Subnet), OciRules.Ocid, "a certificate OCID belongs here");

    [Fact]
    public void An_HTTP_health_check_without_a_path_throws()
        => Fails(() => OciNativeIngress.IngressSettings().WithHealthCheck(OciIngressHealthCheck.Http("")), OciRules.IngressHealthCheck, "an HTTP health check needs a path");

    [Theory]
    [InlineData(500, "must be between 1000 and 1800000, got 500")]
    [InlineData(2000000, "must be between 1000 and 1800000, got 2000000")]
    public void A_health_check_interval_out_of_range_throws(int interval, string fragment)
        => Fails(() => OciNativeIngress.IngressSettings().WithHealthCheck(OciIngressHealthCheck.Tcp().WithTiming(intervalMilliseconds: interval)), OciRules.IngressAnnotationValue, fragment);

    [Fact]
    public void Health_check_return_code_and_listener_ports_out_of_range_throw()
    {
        Fails(() => OciNativeIngress.IngressSettings().WithHealthCheck(OciIngressHealthCheck.Http("/", returnCode: 42)), OciRules.IngressAnnotationValue, "must be between 100 and 599, got 42");
        Fails(() => OciNativeIngress.IngressSettings().WithListenerPorts(http: 70000), OciRules.IngressAnnotationValue, "must be between 0 and 65535, got 70000");
    }

    [Fact]
    public void HTTP2_without_TLS_throws_when_applied_and_passes_with_a_certificate()
    {
        var http2 = OciNativeIngress.IngressSettings().WithProtocol(OciIngressProtocol.Http2);
        Fails(() => http2.ApplyTo(PlainIngress()), OciRules.IngressHttp2Tls, "protocol HTTP2 needs TLS on the listener");
        var ok = http2.WithCertificate(Certificate).ApplyTo(PlainIngress());
        Assert.Equal("HTTP2", ok.Metadata!.Annotations![OciNativeIngressAnnotations.Protocol]);
    }

    [Fact]
    public void Applying_replaces_earlier_native_annotations_and_keeps_others()
    {
        var first = OciNativeIngress.IngressSettings().WithPolicy(OciLoadBalancerPolicy.IpHash).ApplyTo(PlainIngress().WithMetadata(m => m.WithAnnotations("team", "web")));
        var second = OciNativeIngress.IngressSettings().WithBackendTls(false).ApplyTo(first);
        Assert.Equal(["oci-native-ingress.oraclecloud.com/backend-tls-enabled", "team"], second.Metadata!.Annotations!.Keys);
    }

    [Fact]
    public void Routing_two_Ingresses_that_disagree_on_a_shared_backend_set_throws()
    {
        var cls = OciNativeIngress.PrivateClass().FlexibleBandwidth(10, 100).Build("oci", "ingress")
            .Route(PlainIngress("a"), OciNativeIngress.IngressSettings().WithPolicy(OciLoadBalancerPolicy.RoundRobin));
        Fails(() => cls.Route(PlainIngress("b"), OciNativeIngress.IngressSettings().WithPolicy(OciLoadBalancerPolicy.IpHash)), OciRules.IngressConflict,
            "backend set apps/web:80 is shared with Ingress apps/a, which uses policy ROUND_ROBIN, and this one uses IP_HASH");
        var both = cls.Route(PlainIngress("b"), OciNativeIngress.IngressSettings().WithPolicy(OciLoadBalancerPolicy.RoundRobin));
        Assert.Equal(2, both.Ingresses.Count);
        Assert.All(both.Ingresses, i => Assert.Equal("oci", i.Spec!.IngressClassName));
    }

    [Fact]
    public void Routing_two_Ingresses_with_different_protocols_on_one_port_throws()
    {
        var cls = OciNativeIngress.PrivateClass().Build("oci", "ingress").Route(PlainIngress("a"));
        Fails(() => cls.Route(PlainIngress("b", service: "other"), OciNativeIngress.IngressSettings().WithProtocol(OciIngressProtocol.Tcp)), OciRules.IngressConflict,
            "listener port 80 of IngressClass \"oci\" already has protocol HTTP from Ingress apps/a");
    }

    [Fact]
    public void Routing_two_Ingresses_with_different_health_checks_on_a_shared_backend_set_throws()
    {
        var cls = OciNativeIngress.PrivateClass().Build("oci", "ingress")
            .Route(PlainIngress("a"), OciNativeIngress.IngressSettings().WithHealthCheck(OciIngressHealthCheck.Http("/healthz")));
        Fails(() => cls.Route(PlainIngress("b"), OciNativeIngress.IngressSettings().WithHealthCheck(OciIngressHealthCheck.Http("/ready"))), OciRules.IngressConflict, "whose health check differs");
    }

    [Fact]
    public void The_built_class_references_its_parameters_the_way_the_controller_looks_them_up()
    {
        var cls = OciNativeIngress.PrivateClass().Build("oci", "ingress");
        var p = cls.IngressClass.Spec!.Parameters!;
        Assert.Equal(("ingress.oraclecloud.com", "IngressClassParameters", "oci", "Namespace", "ingress"), (p.ApiGroup, p.Kind, p.Name, p.Scope, p.Namespace));
        Assert.Equal("ingress", cls.Parameters.Metadata!.Namespace);
        Assert.True(cls.Parameters.Spec!.IsPrivate);
    }
}
