using OkeGitOps.Manifests.Models.Core;
using OkeGitOps.Manifests.Oci;
using static OkeGitOps.Manifests.Tests.Oci.OciTestSupport;

namespace OkeGitOps.Manifests.Tests.Oci;

/// <summary>The typed settings fail early, with the same rule and text the lint gives for the YAML.</summary>
public class OciBuilderTests
{
    private static Service Web(Func<ServiceSpec, ServiceSpec>? spec = null)
        => Core.Service("web", @namespace: "apps").WithSpec(s => (spec ?? (x => x))(s
            .WithSelector("app", "web")
            .AddPorts(new ServiceSpecPort { Name = "https", Port = 443, TargetPort = 8443 })));

    [Fact]
    public void Flexible_bounds_below_10_fail_at_once()
        => Same(
            "oci-flex-shape | error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-shape-flex-min\"]: must be between 10 and 8000 Mbps, got 5 (OCI flexible shapes take 10 to 8000 Mbps; the CCM would silently clamp the value)",
            Format(Throws(() => OciLoadBalancer.Internal().FlexibleShape(minMbps: 5, maxMbps: 100))));

    [Fact]
    public void Flexible_bounds_above_8000_fail_at_once()
        => Same(
            "oci-flex-shape | error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-shape-flex-max\"]: must be between 10 and 8000 Mbps, got 8192 (OCI flexible shapes take 10 to 8000 Mbps; the CCM would silently clamp the value)",
            Format(Throws(() => OciLoadBalancer.Public().FlexibleShape(minMbps: 10, maxMbps: 8192))));

    [Fact]
    public void A_flexible_minimum_above_the_maximum_fails_at_once()
        => Same(
            "oci-flex-shape | error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-shape-flex-max\"]: the maximum (100 Mbps) is below the minimum (400 Mbps) (make flex-max at least flex-min; the CCM would silently raise the maximum to the minimum)",
            Format(Throws(() => OciLoadBalancer.Internal().FlexibleShape(minMbps: 400, maxMbps: 100))));

    [Fact]
    public void Six_NSGs_fail_at_once()
        => Same(
            "oci-nsg-limit | error: metadata.annotations[\"oci.oraclecloud.com/oci-network-security-groups\"]: lists 6 network security groups, but OCI allows at most 5 per load balancer",
            Format(Throws(() => OciLoadBalancer.Internal().WithNetworkSecurityGroups(
            Enumerable.Range(0, 6).Select(i => $"ocid1.networksecuritygroup.oc1.iad.aaaaaaaa{i}qfu3zrllpoiuqwbxpuyaaupt4ewnvl").ToArray()))));

    [Fact]
    public void A_subnet_must_be_a_subnet_OCID()
        => Same(
            "oci-ocid | error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-subnet1\"]: \"ocid1.vcn.oc1.iad.aaaaaaaa4kq2rkhzmvbfylk2vnxbyvqzq6gnrwefbcx\" is a vcn OCID, but a subnet OCID belongs here",
            Format(Throws(() => OciLoadBalancer.Internal().WithSubnets("ocid1.vcn.oc1.iad.aaaaaaaa4kq2rkhzmvbfylk2vnxbyvqzq6gnrwefbcx"))));

    [Fact]
    public void An_NLB_NSG_must_be_an_NSG_OCID()
        => Same(
            "oci-ocid | error: metadata.annotations[\"oci-network-load-balancer.oraclecloud.com/oci-network-security-groups\"]: \"ocid1.subnet.oc1.iad.aaaaaaaa4kq2rkhz\" is a subnet OCID, but a networksecuritygroup OCID belongs here",
            Format(Throws(() => OciNetworkLoadBalancer.Internal().WithNetworkSecurityGroups("ocid1.subnet.oc1.iad.aaaaaaaa4kq2rkhz"))));

    [Fact]
    public void GRPC_without_TLS_fails_when_applied()
        => Same(
            "oci-grpc-tls | error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-backend-protocol\"]: backend protocol GRPC needs TLS on the listener, but service.beta.kubernetes.io/oci-load-balancer-ssl-ports and service.beta.kubernetes.io/oci-load-balancer-tls-secret are not set (set service.beta.kubernetes.io/oci-load-balancer-ssl-ports, e.g. \"443\", and service.beta.kubernetes.io/oci-load-balancer-tls-secret, a Secret with tls.crt and tls.key)",
            Format(Throws(() => Web().WithOciLoadBalancer(OciLoadBalancer.Public().WithBackendProtocol(OciBackendProtocol.Grpc)))));

    [Fact]
    public void GRPC_with_TLS_applies()
        => Assert.Empty(OciServiceLint.Check(Web().WithOciLoadBalancer(
            OciLoadBalancer.Public().WithBackendProtocol(OciBackendProtocol.Grpc).WithSsl("apps/web-tls", 443))));

    [Fact]
    public void The_lb_health_check_interval_is_checked_at_once()
        => Same(
            "oci-health-check-interval | error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-health-check-interval\"]: must be between 1000 and 1800000 milliseconds, got 500 (the OCI Load Balancer default is 10000)",
            Format(Throws(() => OciLoadBalancer.Internal().WithHealthCheck(intervalMilliseconds: 500))));

    [Fact]
    public void The_nlb_health_check_interval_is_checked_at_once()
        => Same(
            "oci-health-check-interval | error: metadata.annotations[\"oci-network-load-balancer.oraclecloud.com/health-check-interval\"]: must be between 10000 and 1800000 milliseconds, got 5000 (the NLB default is 10000)",
            Format(Throws(() => OciNetworkLoadBalancer.Internal().WithHealthCheck(intervalMilliseconds: 5000))));

    [Fact]
    public void Preserve_source_fails_on_a_Cluster_traffic_policy()
        => Same(
            "oci-preserve-source | error: metadata.annotations[\"oci-network-load-balancer.oraclecloud.com/is-preserve-source\"]: is-preserve-source works only with spec.externalTrafficPolicy: Local, and this Service has Cluster (set spec.externalTrafficPolicy: Local, or remove is-preserve-source)",
            Format(Throws(() => Web().WithOciNetworkLoadBalancer(OciNetworkLoadBalancer.Internal().WithPreserveSource()))));

    [Fact]
    public void UDP_ports_fail_on_an_lb()
        => Same(
            "oci-port-protocol | error: spec.ports[1].protocol: an OCI Load Balancer (lb) cannot carry UDP (use an OCI Network Load Balancer (oci.oraclecloud.com/load-balancer-type: \"nlb\") for UDP)",
            Format(Throws(() => Web(s => s.AddPorts(new ServiceSpecPort { Name = "dns", Port = 53, Protocol = "UDP" }))
            .WithOciLoadBalancer(OciLoadBalancer.Internal()))));

    [Fact]
    public void UDP_ports_on_an_nlb_need_security_list_mode_None()
        => Same(
            "oci-nlb-udp-security-list | error: metadata.annotations[\"oci-network-load-balancer.oraclecloud.com/security-list-management-mode\"]: an NLB with UDP ports needs security-list management mode \"None\", not \"All\" (set oci-network-load-balancer.oraclecloud.com/security-list-management-mode: \"None\" and manage the UDP rules yourself, or use oci.oraclecloud.com/security-rule-management-mode: \"NSG\")",
            Format(Throws(() => Web(s => s.AddPorts(new ServiceSpecPort { Name = "dns", Port = 53, Protocol = "UDP" }))
            .WithOciNetworkLoadBalancer(OciNetworkLoadBalancer.Internal().WithSecurityListManagementMode(OciSecurityListMode.All)))));

    [Fact]
    public void ClientIP_session_affinity_fails()
        => Same(
            "oci-session-affinity | error: spec.sessionAffinity: OCI load balancers support only sessionAffinity None, not \"ClientIP\" (remove sessionAffinity; for sticky clients use oci.oraclecloud.com/loadbalancer-policy: \"IP_HASH\")",
            Format(Throws(() => Web(s => s.WithSessionAffinity("ClientIP")).WithOciLoadBalancer(OciLoadBalancer.Public()))));

    [Fact]
    public void An_internal_lb_refuses_a_loadBalancerIP()
        => Same(
            "oci-internal-ip | error: spec.loadBalancerIP: an internal load balancer cannot use spec.loadBalancerIP, which names a reserved public IP (remove spec.loadBalancerIP, or make the load balancer public)",
            Format(Throws(() => Web(s => s.WithLoadBalancerIP("129.146.10.20")).WithOciLoadBalancer(OciLoadBalancer.Internal()))));

    [Fact]
    public void Rule_sets_with_the_wrong_shape_fail_at_once()
        => Same(
            "oci-annotation-value | error: metadata.annotations[\"oci.oraclecloud.com/oci-load-balancer-rule-sets\"]: rule set \"redirect\" must be an object with \"items\"; expected JSON such as {\"rule-set-name\": {\"items\": [...]}}",
            Format(Throws(() => OciLoadBalancer.Public().WithRuleSets("{\"redirect\": []}"))));

    [Fact]
    public void Applying_settings_replaces_every_earlier_OCI_annotation_and_keeps_the_others()
    {
        var seedStyle = Web().WithMetadata(m => m
            .WithAnnotations("oci.oraclecloud.com/load-balancer-is-internal", "true")
            .WithAnnotations("example.com/owner", "platform"));
        var service = seedStyle.WithOciLoadBalancer(OciLoadBalancer.Internal().FlexibleShape(minMbps: 10, maxMbps: 100));
        Assert.Equal(
            [
                "example.com/owner", "oci.oraclecloud.com/load-balancer-type", "service.beta.kubernetes.io/oci-load-balancer-internal",
                "service.beta.kubernetes.io/oci-load-balancer-shape", "service.beta.kubernetes.io/oci-load-balancer-shape-flex-max",
                "service.beta.kubernetes.io/oci-load-balancer-shape-flex-min",
            ],
            service.Metadata!.Annotations!.Keys.ToArray());
        Assert.Equal("LoadBalancer", service.Spec!.Type);
    }

    [Fact]
    public void Settings_are_immutable_values()
    {
        var a = OciLoadBalancer.Internal();
        var b = a.FlexibleShape(minMbps: 10, maxMbps: 100);
        Assert.Null(a.Shape);
        Assert.Equal(b, OciLoadBalancer.Internal().FlexibleShape(minMbps: 10, maxMbps: 100));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Enums_become_the_exact_API_strings()
    {
        var a = OciLoadBalancer.Public()
            .WithPolicy(OciLoadBalancerPolicy.LeastConnections)
            .WithSecurityRuleManagementMode(OciSecurityRuleMode.SecurityListFrontend)
            .WithIngressIpMode(OciIngressIpMode.Proxy)
            .FixedShape(OciFixedShape.Mbps400)
            .ToAnnotations();
        Assert.Equal("LEAST_CONNECTIONS", a[OciAnnotations.Policy]);
        Assert.Equal("SL-Frontend", a[OciAnnotations.SecurityRuleManagementMode]);
        Assert.Equal("Proxy", a[OciAnnotations.IngressIpMode]);
        Assert.Equal("400Mbps", a[OciAnnotations.Shape]);
        Assert.Equal("lb", a[OciAnnotations.LoadBalancerType]);
    }
}
