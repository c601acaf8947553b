using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Validation;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation;

public class ServiceRuleTests
{
    /// <summary>A Service whose spec is the given YAML (without the spec indent); spec starts on line 6.</summary>
    private static string Check(string spec, ValidatorOptions? options = null)
    {
        var indented = string.Join("\n", spec.Split('\n').Select(l => "  " + l));
        return Format(Validate($"apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n{indented}\n", options));
    }

    [Fact]
    public void A_typical_load_balancer_service_passes()
        => Same("", Check("""
            type: LoadBalancer
            selector: {app.kubernetes.io/name: web}
            externalTrafficPolicy: Local
            healthCheckNodePort: 31000
            loadBalancerSourceRanges: [10.0.0.0/16]
            ports:
              - name: https
                port: 443
                targetPort: 8443
                nodePort: 30443
              - name: http
                port: 80
                targetPort: http
            """));

    [Fact]
    public void The_type_must_be_one_of_the_four()
        => Same(
            "service-type | test.yaml:6:9: error: spec.type: unsupported value \"Loadbalancer\": must be one of \"ClusterIP\", \"NodePort\", \"LoadBalancer\", \"ExternalName\" (did you mean \"LoadBalancer\"?)",
            Check("type: Loadbalancer\nports: [{port: 80}]"));

    [Fact]
    public void A_service_needs_a_port_unless_headless_or_ExternalName()
    {
        Same("service-port | test.yaml:6:3: error: spec: a ClusterIP Service needs at least one port (add spec.ports, e.g. - port: 80)",
            Check("selector: {a: b}"));
        Same("", Check("clusterIP: None\nselector: {a: b}"));
        Same("", Check("type: ExternalName\nexternalName: db.example.com"));
    }

    [Fact]
    public void A_service_without_a_spec_is_reported_at_the_root()
        => Same("service-port | test.yaml:1:1: error: a ClusterIP Service needs at least one port (add spec.ports, e.g. - port: 80)",
            Format(Validate("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n")));

    [Fact]
    public void Ports_must_be_in_range()
        => Same(
            "service-port | test.yaml:7:13: error: spec.ports[0].port: must be between 1 and 65535, got 70000",
            Check("ports:\n  - port: 70000"));

    [Fact]
    public void The_protocol_must_be_TCP_UDP_or_SCTP()
        => Same(
            "service-protocol | test.yaml:6:32: error: spec.ports[0].protocol: unsupported value \"tcp\": must be one of \"TCP\", \"UDP\", \"SCTP\" (did you mean \"TCP\"?)",
            Check("ports: [{port: 80, protocol: tcp}]"));

    [Theory]
    [InlineData("targetPort: 0", "")]
    [InlineData("targetPort: 65535", "")]
    [InlineData("targetPort: http-alt", "")]
    [InlineData("targetPort: 70000", "service-target-port | test.yaml:6:45: error: spec.ports[0].targetPort: must be between 1 and 65535, got 70000")]
    [InlineData("targetPort: \"8080\"", "service-target-port | test.yaml:6:45: error: spec.ports[0].targetPort: \"8080\" is neither a port number nor a valid port name: a port name must contain at least one letter (write the number without quotes: 8080)")]
    [InlineData("targetPort: http_port", "service-target-port | test.yaml:6:45: error: spec.ports[0].targetPort: \"http_port\" is neither a port number nor a valid port name: a port name may hold only lowercase letters, digits and '-' (name a container port (such as \"http\") or give its number)")]
    [InlineData("targetPort: metrics-endpoint", "service-target-port | test.yaml:6:45: error: spec.ports[0].targetPort: \"metrics-endpoint\" is neither a port number nor a valid port name: a port name may be at most 15 characters long (name a container port (such as \"http\") or give its number)")]
    [InlineData("targetPort: a--b", "service-target-port | test.yaml:6:45: error: spec.ports[0].targetPort: \"a--b\" is neither a port number nor a valid port name: a port name may not contain '--' (name a container port (such as \"http\") or give its number)")]
    [InlineData("targetPort: -ab", "service-target-port | test.yaml:6:45: error: spec.ports[0].targetPort: \"-ab\" is neither a port number nor a valid port name: a port name may not start or end with '-' (name a container port (such as \"http\") or give its number)")]
    public void A_targetPort_is_a_port_number_or_an_IANA_service_name(string targetPort, string expected)
        => Same(expected, Check($"ports: [{{name: web, port: 80, {targetPort}}}]"));

    [Fact]
    public void Node_ports_are_only_for_NodePort_and_LoadBalancer_and_within_the_range()
    {
        Same(
            "service-node-port | test.yaml:6:32: error: spec.ports[0].nodePort: nodePort may only be set when type is NodePort or LoadBalancer, not ClusterIP (remove nodePort, or change spec.type)",
            Check("ports: [{port: 80, nodePort: 30080}]"));
        Same(
            "service-node-port | test.yaml:7:32: error: spec.ports[0].nodePort: 8080 is outside the node port range 30000-32767 (leave nodePort unset to have one allocated)",
            Check("type: NodePort\nports: [{port: 80, nodePort: 8080}]"));
        Same("", Check("type: NodePort\nports: [{port: 80, nodePort: 8080}]", new ValidatorOptions { NodePortMin = 8000, NodePortMax = 9000 }));
    }

    [Fact]
    public void Node_ports_may_not_repeat_for_the_same_protocol()
        => Same(
            "service-node-port | test.yaml:11:17: error: spec.ports[1].nodePort: duplicate nodePort 30080 for TCP (same as index 0)",
            Check("type: NodePort\nports:\n  - {name: a, port: 80, nodePort: 30080}\n  - name: b\n    port: 81\n    nodePort: 30080"));

    [Fact]
    public void Port_names_are_required_when_there_are_several_ports_and_must_be_unique_labels()
    {
        Same(
            "service-port-name | test.yaml:8:7: error: spec.ports[1]: a port needs a name when the Service has more than one port (add a name such as \"http\" or \"https\")",
            Check("ports:\n  - {name: a, port: 80}\n  - {port: 81}"));
        Same(
            "service-port-name | test.yaml:8:14: error: spec.ports[1].name: duplicate port name \"a\" (same as index 0) (give every port its own name)",
            Check("ports:\n  - {name: a, port: 80}\n  - {name: a, port: 81}"));
        Same(
            "service-port-name | test.yaml:6:18: error: spec.ports[0].name: \"Web_UI\" is not a valid port name: it must be a lowercase RFC 1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit (use \"web-ui\")",
            Check("ports: [{name: Web_UI, port: 80}]"));
    }

    [Fact]
    public void Two_ports_with_the_same_number_and_defaulted_protocol_are_duplicates()
        => Same(
            "duplicate-list-map-key | test.yaml:8:7: error: spec.ports[1]: duplicate entry port=80, protocol=TCP (same as index 0) (each item needs a unique port and protocol; protocol defaults to TCP when not set)",
            Check("ports:\n  - {name: a, port: 80, protocol: TCP}\n  - {name: b, port: 80}"));

    [Fact]
    public void The_same_port_number_for_TCP_and_UDP_is_fine()
        => Same("", Check("ports:\n  - {name: dns, port: 53}\n  - {name: dns-udp, port: 53, protocol: UDP}"));

    [Fact]
    public void A_headless_service_must_be_ClusterIP()
        => Same(
            "service-cluster-ip | test.yaml:7:14: error: spec.clusterIP: clusterIP None (a headless Service) is only possible with type ClusterIP, not LoadBalancer (remove clusterIP: None, or use type: ClusterIP)",
            Check("type: LoadBalancer\nclusterIP: None\nports: [{port: 80}]"));

    [Fact]
    public void A_clusterIP_must_be_an_IP_or_None()
        => Same(
            "service-cluster-ip | test.yaml:6:14: error: spec.clusterIP: \"10.0.0\" is not an IP address or \"None\" (leave clusterIP unset to have one allocated, or write None for a headless Service)",
            Check("clusterIP: 10.0.0\nports: [{port: 80}]"));

    [Fact]
    public void ExternalName_requires_externalName_and_other_types_ignore_it()
    {
        Same(
            "service-external-name | test.yaml:6:3: error: spec: an ExternalName Service needs spec.externalName (set externalName to the DNS name to alias, e.g. db.example.com)",
            Check("type: ExternalName"));
        Same(
            "service-external-name | test.yaml:7:17: error: spec.externalName: \"DB_host\" is not a valid DNS name: it must be a lowercase RFC 1123 subdomain",
            Check("type: ExternalName\nexternalName: DB_host"));
        Same(
            "service-external-name | test.yaml:6:17: warning: spec.externalName: externalName is ignored unless type is ExternalName (type is ClusterIP) (remove externalName, or use type: ExternalName)",
            Check("externalName: db.example.com\nports: [{port: 80}]"));
        Same(
            "service-cluster-ip | test.yaml:8:14: error: spec.clusterIP: an ExternalName Service has no cluster IP (remove spec.clusterIP)",
            Check("type: ExternalName\nexternalName: db.example.com.\nclusterIP: 10.0.0.1"));
    }

    [Fact]
    public void Session_affinity_is_None_or_ClientIP_and_its_config_needs_ClientIP()
    {
        Same(
            "service-session-affinity | test.yaml:6:20: error: spec.sessionAffinity: unsupported value \"Sticky\": must be one of \"None\", \"ClientIP\"",
            Check("sessionAffinity: Sticky\nports: [{port: 80}]"));
        Same(
            "service-session-affinity | test.yaml:7:26: error: spec.sessionAffinityConfig: sessionAffinityConfig may only be set when sessionAffinity is ClientIP (set sessionAffinity: ClientIP, or remove sessionAffinityConfig)",
            Check("ports: [{port: 80}]\nsessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}"));
        Same(
            "service-session-affinity | test.yaml:8:54: error: spec.sessionAffinityConfig.clientIP.timeoutSeconds: must be between 1 and 86400 seconds, got 90000",
            Check("sessionAffinity: ClientIP\nports: [{port: 80}]\nsessionAffinityConfig: {clientIP: {timeoutSeconds: 90000}}"));
    }

    [Fact]
    public void Traffic_policies_are_Cluster_or_Local_and_external_only_for_external_types()
    {
        Same(
            "service-traffic-policy | test.yaml:6:26: error: spec.externalTrafficPolicy: externalTrafficPolicy may only be set for NodePort and LoadBalancer Services (or with externalIPs), not ClusterIP (remove externalTrafficPolicy)",
            Check("externalTrafficPolicy: Local\nports: [{port: 80}]"));
        Same(
            "service-traffic-policy | test.yaml:7:26: error: spec.internalTrafficPolicy: unsupported value \"local\": must be one of \"Cluster\", \"Local\" (did you mean \"Local\"?)",
            Check("ports: [{port: 80}]\ninternalTrafficPolicy: local"));
        Same(
            "service-traffic-policy | test.yaml:8:24: error: spec.healthCheckNodePort: healthCheckNodePort may only be set for a LoadBalancer Service with externalTrafficPolicy Local (remove healthCheckNodePort)",
            Check("type: LoadBalancer\nports: [{port: 80}]\nhealthCheckNodePort: 31000"));
    }

    [Fact]
    public void Ip_family_policy_and_families_are_checked()
    {
        Same(
            "service-ip-family | test.yaml:6:19: error: spec.ipFamilyPolicy: unsupported value \"DualStack\": must be one of \"SingleStack\", \"PreferDualStack\", \"RequireDualStack\"",
            Check("ipFamilyPolicy: DualStack\nports: [{port: 80}]"));
        Same(
            "service-ip-family | test.yaml:7:15: error: spec.ipFamilies: a SingleStack Service lists exactly one IP family (use ipFamilyPolicy: PreferDualStack or RequireDualStack, or list one family)",
            Check("ipFamilyPolicy: SingleStack\nipFamilies: [IPv4, IPv6]\nports: [{port: 80}]"));
        Same(
            "service-ip-family | test.yaml:6:22: error: spec.ipFamilies[1]: duplicate IP family \"IPv4\"",
            Check("ipFamilies: [IPv4, IPv4]\nports: [{port: 80}]"));
    }

    [Fact]
    public void Load_balancer_fields_need_type_LoadBalancer_and_ranges_must_be_CIDRs()
        => Same(
            "service-load-balancer-only | test.yaml:7:29: error: spec.loadBalancerSourceRanges: loadBalancerSourceRanges may only be set when type is LoadBalancer, not NodePort\n" +
            "service-address | test.yaml:7:30: error: spec.loadBalancerSourceRanges[0]: \"10.0.0.0\" is not a CIDR such as 10.0.0.0/16\n" +
            "service-load-balancer-only | test.yaml:8:22: error: spec.loadBalancerClass: loadBalancerClass may only be set when type is LoadBalancer, not NodePort (remove loadBalancerClass)",
            Check("type: NodePort\nloadBalancerSourceRanges: [10.0.0.0]\nloadBalancerClass: x\nports: [{port: 80}]"));

    [Fact]
    public void Selector_labels_are_checked()
        => Same(
            "service-selector | test.yaml:6:19: error: spec.selector.app: invalid label value \"my app\": a label value may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit",
            Check("selector: {app: my app}\nports: [{port: 80}]"));

    [Fact]
    public void Service_rules_report_nothing_twice_when_the_schema_already_rejected_a_type()
        => Same(
            "type | test.yaml:6:18: error: spec.ports[0].port: must be of type integer, got string \"http\"",
            Check("ports: [{port: http}]"));

    [Fact]
    public void Warnings_do_not_make_a_service_invalid()
    {
        var found = Validate("apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {externalName: x.example.com, ports: [{port: 1}]}");
        Assert.NotEmpty(found); // externalName on a ClusterIP Service is a warning: the list must not be empty
        Assert.All(found, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }
}
