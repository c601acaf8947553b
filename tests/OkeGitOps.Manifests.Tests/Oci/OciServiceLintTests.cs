using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Tree;
using static OkeGitOps.Manifests.Tests.Oci.OciTestSupport;

namespace OkeGitOps.Manifests.Tests.Oci;

/// <summary>One test per lint rule, on Services read from YAML: the exact diagnostic text, with the annotation key's location.</summary>
public class OciServiceLintTests
{
    private const string Flexible = "service.beta.kubernetes.io/oci-load-balancer-shape: \"flexible\"";

    [Fact]
    public void A_correct_internal_flexible_lb_has_no_findings()
        => Same("", Lint(Service($"""
            oci.oraclecloud.com/load-balancer-type: "lb"
            service.beta.kubernetes.io/oci-load-balancer-internal: "true"
            {Flexible}
            service.beta.kubernetes.io/oci-load-balancer-shape-flex-min: "10Mbps"
            service.beta.kubernetes.io/oci-load-balancer-shape-flex-max: "100"
            """)));

    [Fact]
    public void A_Service_without_OCI_annotations_is_left_alone()
        => Same("", Lint("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  sessionAffinity: ClientIP\n  ports: [{port: 80}]\n"));

    [Fact]
    public void Other_kinds_are_left_alone()
        => Same("", Lint("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  annotations:\n    oci.oraclecloud.com/nonsense: x\n"));

    [Fact]
    public void An_unknown_key_names_the_nearest_real_key()
        => Same(
            "oci-unknown-annotation | svc.yaml:7:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-shape-flex-mni\"]: the OCI cloud-controller-manager does not read \"service.beta.kubernetes.io/oci-load-balancer-shape-flex-mni\", so it has no effect (use \"service.beta.kubernetes.io/oci-load-balancer-shape-flex-min\")\n" +
            "oci-flex-shape | svc.yaml:6:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-shape\"]: a flexible shape needs both service.beta.kubernetes.io/oci-load-balancer-shape-flex-min and service.beta.kubernetes.io/oci-load-balancer-shape-flex-max; service.beta.kubernetes.io/oci-load-balancer-shape-flex-min is missing (add both bounds in Mbps, e.g. \"10\" and \"100\")",
            Lint(Service($"""
            {Flexible}
            service.beta.kubernetes.io/oci-load-balancer-shape-flex-mni: "10"
            service.beta.kubernetes.io/oci-load-balancer-shape-flex-max: "100"
            """)));

    [Fact]
    public void An_unknown_key_in_the_wrong_domain_names_the_real_key()
        => Same(
            "oci-unknown-annotation | svc.yaml:6:5: error: metadata.annotations[\"oci.oraclecloud.com/health-check-retries\"]: the OCI cloud-controller-manager does not read \"oci.oraclecloud.com/health-check-retries\", so it has no effect (use \"service.beta.kubernetes.io/oci-load-balancer-health-check-retries\")",
            Lint(Service("""
            oci.oraclecloud.com/health-check-retries: "5"
            """)));

    [Fact]
    public void An_unknown_key_with_nothing_close_gets_no_suggestion()
        => Same(
            "oci-unknown-annotation | svc.yaml:6:5: error: metadata.annotations[\"oci.oraclecloud.com/frobnicate-the-widgets\"]: the OCI cloud-controller-manager does not read \"oci.oraclecloud.com/frobnicate-the-widgets\", so it has no effect",
            Lint(Service("""
            oci.oraclecloud.com/frobnicate-the-widgets: "x"
            """)));

    [Fact]
    public void A_WAF_key_is_refused_with_where_WAF_really_goes()
        => Same(
            "oci-unknown-annotation | svc.yaml:6:5: error: metadata.annotations[\"oci.oraclecloud.com/waf-policy-ocid\"]: the OCI cloud-controller-manager does not read \"oci.oraclecloud.com/waf-policy-ocid\", so it has no effect (the CCM has no WAF annotation; attach WAF via the OCI Native Ingress controller or outside Kubernetes)\n" +
            "oci-unknown-annotation | svc.yaml:7:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-waf-policy-ocid\"]: the OCI cloud-controller-manager does not read \"service.beta.kubernetes.io/oci-load-balancer-waf-policy-ocid\", so it has no effect (the CCM has no WAF annotation; attach WAF via the OCI Native Ingress controller or outside Kubernetes)",
            Lint(Service("""
            oci.oraclecloud.com/waf-policy-ocid: "ocid1.webappfirewallpolicy.oc1.iad.aaaaaaaaexampleexample"
            service.beta.kubernetes.io/oci-load-balancer-waf-policy-ocid: "ocid1.webappfirewallpolicy.oc1.iad.aaaaaaaaexampleexample"
            """)));

    [Fact]
    public void A_flexible_shape_needs_both_bounds()
        => Same(
            "oci-flex-shape | svc.yaml:6:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-shape\"]: a flexible shape needs both service.beta.kubernetes.io/oci-load-balancer-shape-flex-min and service.beta.kubernetes.io/oci-load-balancer-shape-flex-max; service.beta.kubernetes.io/oci-load-balancer-shape-flex-max is missing (add both bounds in Mbps, e.g. \"10\" and \"100\")",
            Lint(Service($"""
            {Flexible}
            service.beta.kubernetes.io/oci-load-balancer-shape-flex-min: "10"
            """)));

    [Fact]
    public void Flexible_bounds_lie_in_10_to_8000_Mbps()
        => Same(
            "oci-flex-shape | svc.yaml:7:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-shape-flex-min\"]: must be between 10 and 8000 Mbps, got 5 (OCI flexible shapes take 10 to 8000 Mbps; the CCM would silently clamp the value)\n" +
            "oci-flex-shape | svc.yaml:8:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-shape-flex-max\"]: must be between 10 and 8000 Mbps, got 9000 (OCI flexible shapes take 10 to 8000 Mbps; the CCM would silently clamp the value)",
            Lint(Service($"""
            {Flexible}
            service.beta.kubernetes.io/oci-load-balancer-shape-flex-min: "5"
            service.beta.kubernetes.io/oci-load-balancer-shape-flex-max: "9000Mbps"
            """)));

    [Fact]
    public void The_flexible_minimum_may_not_exceed_the_maximum()
        => Same(
            "oci-flex-shape | svc.yaml:8:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-shape-flex-max\"]: the maximum (100 Mbps) is below the minimum (400 Mbps) (make flex-max at least flex-min; the CCM would silently raise the maximum to the minimum)",
            Lint(Service($"""
            {Flexible}
            service.beta.kubernetes.io/oci-load-balancer-shape-flex-min: "400"
            service.beta.kubernetes.io/oci-load-balancer-shape-flex-max: "100"
            """)));

    [Fact]
    public void Flexible_bounds_without_a_flexible_shape_are_ignored()
        => Same(
            "oci-ineffective-annotation | svc.yaml:7:5: warning: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-shape-flex-min\"]: is read only when service.beta.kubernetes.io/oci-load-balancer-shape is \"flexible\" (set service.beta.kubernetes.io/oci-load-balancer-shape: \"flexible\")",
            Lint(Service("""
            service.beta.kubernetes.io/oci-load-balancer-shape: "100Mbps"
            service.beta.kubernetes.io/oci-load-balancer-shape-flex-min: "10"
            """)));

    [Fact]
    public void At_most_five_NSGs()
        => Same(
            "oci-nsg-limit | svc.yaml:6:5: error: metadata.annotations[\"oci.oraclecloud.com/oci-network-security-groups\"]: lists 6 network security groups, but OCI allows at most 5 per load balancer",
            Lint(Service($"""
            oci.oraclecloud.com/oci-network-security-groups: "{Nsgs(6)}"
            """)));

    [Fact]
    public void With_NSG_rule_management_only_four_NSGs_fit()
        => Same(
            "oci-nsg-limit | svc.yaml:7:5: error: metadata.annotations[\"oci.oraclecloud.com/oci-network-security-groups\"]: lists 5 network security groups, but at most 4 fit: OCI allows 5 per load balancer and security-rule-management-mode NSG adds one managed by the CCM",
            Lint(Service($"""
            oci.oraclecloud.com/security-rule-management-mode: "NSG"
            oci.oraclecloud.com/oci-network-security-groups: "{Nsgs(5)}"
            """)));

    [Fact]
    public void An_NSG_list_may_not_have_empty_entries()
        => Same(
            "oci-annotation-value | svc.yaml:6:5: error: metadata.annotations[\"oci.oraclecloud.com/oci-network-security-groups\"]: has an empty entry in its comma-separated list of NSG OCIDs (remove the extra comma)",
            Lint(Service($"""
            oci.oraclecloud.com/oci-network-security-groups: "{Nsg1},"
            """)));

    [Fact]
    public void OCIDs_must_be_well_formed_and_of_the_right_type()
        => Same(
            "oci-ocid | svc.yaml:6:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-subnet1\"]: \"ocid1.vcn.oc1.iad.aaaaaaaa4kq2rkhzmvbfylk2vnxbyvqzq6gnrwefbcx\" is a vcn OCID, but a subnet OCID belongs here\n" +
            "oci-ocid | svc.yaml:7:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-subnet2\"]: \"ocid1.subnet.oc1.iad.amaaaaaa…\" is not a well-formed OCID: expected a subnet OCID such as ocid1.subnet.oc1.<region>.<unique id>\n" +
            "oci-ocid | svc.yaml:9:5: error: metadata.annotations[\"oci.oraclecloud.com/oci-network-security-groups\"]: \"ocid1.securitylist.oc1.iad.aaaaaaaaqfu3zrllpoiuqwbxpuy\" is a securitylist OCID, but a networksecuritygroup OCID belongs here",
            Lint(Service("""
            service.beta.kubernetes.io/oci-load-balancer-subnet1: "ocid1.vcn.oc1.iad.aaaaaaaa4kq2rkhzmvbfylk2vnxbyvqzq6gnrwefbcx"
            service.beta.kubernetes.io/oci-load-balancer-subnet2: "ocid1.subnet.oc1.iad.amaaaaaa…"
            oci.oraclecloud.com/compartment-id: "ocid1.tenancy.oc1..aaaaaaaaba3pv6wkcr4jqae5f15p2b2m2yt2j6rx32uzr4h25vqstifsfdsq"
            oci.oraclecloud.com/oci-network-security-groups: "ocid1.securitylist.oc1.iad.aaaaaaaaqfu3zrllpoiuqwbxpuy"
            """)));

    [Fact]
    public void GRPC_needs_ssl_ports_and_a_tls_secret()
        => Same(
            "oci-grpc-tls | svc.yaml:6:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-backend-protocol\"]: backend protocol GRPC needs TLS on the listener, but service.beta.kubernetes.io/oci-load-balancer-tls-secret is not set (set service.beta.kubernetes.io/oci-load-balancer-ssl-ports, e.g. \"443\", and service.beta.kubernetes.io/oci-load-balancer-tls-secret, a Secret with tls.crt and tls.key)",
            Lint(Service("""
            service.beta.kubernetes.io/oci-load-balancer-backend-protocol: "GRPC"
            service.beta.kubernetes.io/oci-load-balancer-ssl-ports: "443"
            """)));

    [Fact]
    public void The_lb_health_check_interval_lies_in_1000_to_1800000()
        => Same(
            "oci-health-check-interval | svc.yaml:6:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-health-check-interval\"]: must be between 1000 and 1800000 milliseconds, got 500 (the OCI Load Balancer default is 10000)",
            Lint(Service("""
            service.beta.kubernetes.io/oci-load-balancer-health-check-interval: "500"
            """)));

    [Fact]
    public void The_nlb_health_check_interval_lies_in_10000_to_1800000()
        => Same(
            "oci-health-check-interval | svc.yaml:7:5: error: metadata.annotations[\"oci-network-load-balancer.oraclecloud.com/health-check-interval\"]: must be between 10000 and 1800000 milliseconds, got 5000 (the NLB default is 10000)",
            Lint(Service("""
            oci.oraclecloud.com/load-balancer-type: "nlb"
            oci-network-load-balancer.oraclecloud.com/health-check-interval: "5000"
            """)));

    [Fact]
    public void Preserve_source_needs_externalTrafficPolicy_Local()
        => Same(
            "oci-preserve-source | svc.yaml:7:5: error: metadata.annotations[\"oci-network-load-balancer.oraclecloud.com/is-preserve-source\"]: is-preserve-source works only with spec.externalTrafficPolicy: Local, and this Service has Cluster (set spec.externalTrafficPolicy: Local, or remove is-preserve-source)",
            Lint(Service("""
            oci.oraclecloud.com/load-balancer-type: "nlb"
            oci-network-load-balancer.oraclecloud.com/is-preserve-source: "true"
            """)));

    [Fact]
    public void Preserve_source_with_Local_passes()
        => Same("", Lint(Service("""
            oci.oraclecloud.com/load-balancer-type: "nlb"
            oci-network-load-balancer.oraclecloud.com/is-preserve-source: "true"
            """, "externalTrafficPolicy: Local\nports:\n- port: 443")));

    [Fact]
    public void An_lb_cannot_carry_UDP()
        => Same(
            "oci-port-protocol | svc.yaml:12:15: error: spec.ports[0].protocol: an OCI Load Balancer (lb) cannot carry UDP (use an OCI Network Load Balancer (oci.oraclecloud.com/load-balancer-type: \"nlb\") for UDP)",
            Lint(Service("""
            oci.oraclecloud.com/load-balancer-type: "lb"
            """, "ports:\n- name: dns\n  port: 53\n  protocol: UDP")));

    [Fact]
    public void An_nlb_with_UDP_needs_security_list_mode_None()
        => Same(
            "oci-nlb-udp-security-list | svc.yaml:7:5: error: metadata.annotations[\"oci-network-load-balancer.oraclecloud.com/security-list-management-mode\"]: an NLB with UDP ports needs security-list management mode \"None\", not \"All\" (set oci-network-load-balancer.oraclecloud.com/security-list-management-mode: \"None\" and manage the UDP rules yourself, or use oci.oraclecloud.com/security-rule-management-mode: \"NSG\")",
            Lint(Service("""
            oci.oraclecloud.com/load-balancer-type: "nlb"
            oci-network-load-balancer.oraclecloud.com/security-list-management-mode: "All"
            """, "ports:\n- name: dns\n  port: 53\n  protocol: UDP")));

    [Fact]
    public void Session_affinity_must_be_None()
        => Same(
            "oci-session-affinity | svc.yaml:9:20: error: spec.sessionAffinity: OCI load balancers support only sessionAffinity None, not \"ClientIP\" (remove sessionAffinity; for sticky clients use oci.oraclecloud.com/loadbalancer-policy: \"IP_HASH\")",
            Lint(Service("""
            oci.oraclecloud.com/load-balancer-type: "lb"
            """, "sessionAffinity: ClientIP\nports:\n- port: 443")));

    [Fact]
    public void Lb_only_keys_are_refused_on_an_nlb()
        => Same(
            "oci-wrong-kind | svc.yaml:7:5: error: metadata.annotations[\"oci.oraclecloud.com/oci-load-balancer-rule-sets\"]: \"oci.oraclecloud.com/oci-load-balancer-rule-sets\" applies only to an OCI Load Balancer (lb), but this Service asks for an OCI Network Load Balancer (nlb) (remove it, or set oci.oraclecloud.com/load-balancer-type: \"lb\")\n" +
            "oci-wrong-kind | svc.yaml:8:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-internal\"]: \"service.beta.kubernetes.io/oci-load-balancer-internal\" applies only to an OCI Load Balancer (lb), but this Service asks for an OCI Network Load Balancer (nlb) (use \"oci-network-load-balancer.oraclecloud.com/internal\" for an nlb)\n" +
            "oci-internal-made-public | svc.yaml:8:5: warning: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-internal\"]: this load balancer will be PUBLIC: \"service.beta.kubernetes.io/oci-load-balancer-internal\" asks for an internal one, but for an OCI Network Load Balancer (nlb) the CCM reads only \"oci-network-load-balancer.oraclecloud.com/internal\" (set oci-network-load-balancer.oraclecloud.com/internal: \"true\"; it cannot be changed once the load balancer exists)",
            Lint(Service("""
            oci.oraclecloud.com/load-balancer-type: "nlb"
            oci.oraclecloud.com/oci-load-balancer-rule-sets: "{}"
            service.beta.kubernetes.io/oci-load-balancer-internal: "true"
            """)));

    [Fact]
    public void Nlb_only_keys_are_refused_on_an_lb()
        => Same(
            "oci-wrong-kind | svc.yaml:6:5: error: metadata.annotations[\"oci-network-load-balancer.oraclecloud.com/assigned-private-ipv4\"]: \"oci-network-load-balancer.oraclecloud.com/assigned-private-ipv4\" applies only to an OCI Network Load Balancer (nlb), but this Service asks for an OCI Load Balancer (lb) (remove it, or set oci.oraclecloud.com/load-balancer-type: \"nlb\")",
            Lint(Service("""
            oci-network-load-balancer.oraclecloud.com/assigned-private-ipv4: "10.0.10.5"
            """)));

    [Fact]
    public void An_internal_load_balancer_cannot_take_a_loadBalancerIP()
        => Same(
            "oci-internal-ip | svc.yaml:9:19: error: spec.loadBalancerIP: an internal load balancer cannot use spec.loadBalancerIP, which names a reserved public IP (remove spec.loadBalancerIP, or make the load balancer public)",
            Lint(Service("""
            service.beta.kubernetes.io/oci-load-balancer-internal: "true"
            """, "loadBalancerIP: 129.146.10.20\nports:\n- port: 443")));

    [Fact]
    public void Booleans_are_what_Go_ParseBool_reads()
        => Same(
            "oci-annotation-value | svc.yaml:6:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-internal\"]: \"yes\" is not a boolean the CCM can read (write \"true\" or \"false\")",
            Lint(Service("""
            service.beta.kubernetes.io/oci-load-balancer-internal: "yes"
            """)));

    [Fact]
    public void Integers_and_choices_are_checked()
        => Same(
            "oci-annotation-value | svc.yaml:6:5: error: metadata.annotations[\"oci.oraclecloud.com/loadbalancer-policy\"]: unsupported value \"round_robin\": must be one of \"ROUND_ROBIN\", \"LEAST_CONNECTIONS\", \"IP_HASH\" (did you mean \"ROUND_ROBIN\"?)\n" +
            "oci-annotation-value | svc.yaml:7:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-connection-idle-timeout\"]: \"5m\" is not a whole number of seconds\n" +
            "oci-annotation-value | svc.yaml:8:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-connection-proxy-protocol-version\"]: must be 1 or 2, got 3\n" +
            "oci-annotation-value | svc.yaml:9:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-security-list-management-mode\"]: unsupported value \"none\": must be one of \"All\", \"Frontend\", \"None\"; the CCM would silently treat it as All (did you mean \"None\"?)",
            Lint(Service("""
            oci.oraclecloud.com/loadbalancer-policy: "round_robin"
            service.beta.kubernetes.io/oci-load-balancer-connection-idle-timeout: "5m"
            service.beta.kubernetes.io/oci-load-balancer-connection-proxy-protocol-version: "3"
            service.beta.kubernetes.io/oci-load-balancer-security-list-management-mode: "none"
            oci.oraclecloud.com/ingress-ip-mode: "proxy"
            """)));

    [Fact]
    public void JSON_values_must_parse_and_have_the_right_shape()
        => Same(
            "oci-annotation-value | svc.yaml:6:5: error: metadata.annotations[\"oci.oraclecloud.com/oci-load-balancer-listener-ssl-config\"]: Protocols may hold only \"TLSv1\", \"TLSv1.1\", \"TLSv1.2\", \"TLSv1.3\", got \"TLSv1.4\"; expected JSON such as {\"CipherSuiteName\": \"oci-modern-ssl-cipher-suite-v1\", \"Protocols\": [\"TLSv1.2\", \"TLSv1.3\"]}\n" +
            "oci-annotation-value | svc.yaml:7:5: error: metadata.annotations[\"oci.oraclecloud.com/initial-freeform-tags-override\"]: every freeform tag value must be a string; expected JSON such as {\"key\": \"value\"}\n" +
            "oci-annotation-value | svc.yaml:8:5: error: metadata.annotations[\"oci.oraclecloud.com/initial-defined-tags-override\"]: is not valid JSON (Expected depth to be zero at the end of the JSON payload) (write JSON such as {\"namespace\": {\"key\": \"value\"}})",
            Lint(Service("""
            oci.oraclecloud.com/oci-load-balancer-listener-ssl-config: '{"CipherSuiteName": "oci-modern-ssl-cipher-suite-v1", "Protocols": ["TLSv1.4"]}'
            oci.oraclecloud.com/initial-freeform-tags-override: '{"team": 7}'
            oci.oraclecloud.com/initial-defined-tags-override: '{"ops": {"env": "prod"}'
            """)));

    [Fact]
    public void Secret_references_selectors_and_addresses_are_checked()
        => Same(
            "oci-annotation-value | svc.yaml:6:5: error: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-tls-secret\"]: \"Argocd/Server_TLS\" is not a Secret reference (write <name> or <namespace>/<name>, both lowercase DNS names)\n" +
            "oci-annotation-value | svc.yaml:7:5: error: metadata.annotations[\"oci.oraclecloud.com/node-label-selector\"]: \"pool in web\" is not a label selector: \"pool in web\" needs its values in parentheses, e.g. \"pool in (web,api)\" (write e.g. \"pool=web,env!=dev\")\n" +
            "oci-annotation-value | svc.yaml:8:5: error: metadata.annotations[\"oci.oraclecloud.com/workload-service-account\"]: is empty; name a ServiceAccount in the Service's namespace, or remove the annotation",
            Lint(Service("""
            service.beta.kubernetes.io/oci-load-balancer-tls-secret: "Argocd/Server_TLS"
            oci.oraclecloud.com/node-label-selector: "pool in web"
            oci.oraclecloud.com/workload-service-account: ""
            """)));

    [Fact]
    public void The_type_selector_should_be_lowercase()
        => Same(
            "oci-annotation-value | svc.yaml:6:5: warning: metadata.annotations[\"oci.oraclecloud.com/load-balancer-type\"]: write \"nlb\" in lowercase: parts of the CCM compare the raw value with lowercase \"nlb\" (use \"nlb\")",
            Lint(Service("""
            oci.oraclecloud.com/load-balancer-type: "NLB"
            """)));

    [Fact]
    public void An_unknown_type_falls_back_to_lb()
        => Same(
            "oci-annotation-value | svc.yaml:6:5: error: metadata.annotations[\"oci.oraclecloud.com/load-balancer-type\"]: unsupported value \"nbl\": must be \"lb\" or \"nlb\"; the CCM would silently fall back to lb (did you mean \"nlb\"?)",
            Lint(Service("""
            oci.oraclecloud.com/load-balancer-type: "nbl"
            """)));

    [Fact]
    public void OCI_annotations_on_a_ClusterIP_Service_do_nothing()
        => Same(
            "oci-not-load-balancer | svc.yaml:8:3: warning: spec.type: the OCI load-balancer annotations have no effect: the CCM acts only on Services of type LoadBalancer, and this one is ClusterIP (set spec.type: LoadBalancer, or remove the OCI annotations)",
            Lint("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/oci-load-balancer-internal: \"true\"\nspec:\n  ports: [{port: 80}]\n"));

    [Fact]
    public void An_nlb_internal_key_on_an_lb_makes_it_public()
        => Same(
            "oci-wrong-kind | svc.yaml:6:5: error: metadata.annotations[\"oci-network-load-balancer.oraclecloud.com/internal\"]: \"oci-network-load-balancer.oraclecloud.com/internal\" applies only to an OCI Network Load Balancer (nlb), but this Service asks for an OCI Load Balancer (lb) (use \"service.beta.kubernetes.io/oci-load-balancer-internal\" for an lb)\n" +
            "oci-internal-made-public | svc.yaml:6:5: warning: metadata.annotations[\"oci-network-load-balancer.oraclecloud.com/internal\"]: this load balancer will be PUBLIC: \"oci-network-load-balancer.oraclecloud.com/internal\" asks for an internal one, but for an OCI Load Balancer (lb) the CCM reads only \"service.beta.kubernetes.io/oci-load-balancer-internal\" (set service.beta.kubernetes.io/oci-load-balancer-internal: \"true\"; it cannot be changed once the load balancer exists)",
            Lint(Service("""
            oci-network-load-balancer.oraclecloud.com/internal: "true"
            """)));

    [Fact]
    public void Deprecated_nlb_tag_aliases_are_flagged()
        => Same(
            "oci-deprecated-annotation | svc.yaml:7:5: warning: metadata.annotations[\"oci-network-load-balancer.oraclecloud.com/freeform-tags\"]: is deprecated (use \"oci-network-load-balancer.oraclecloud.com/initial-freeform-tags-override\")",
            Lint(Service("""
            oci.oraclecloud.com/load-balancer-type: "nlb"
            oci-network-load-balancer.oraclecloud.com/freeform-tags: '{"team": "platform"}'
            """)));

    [Fact]
    public void SSL_ports_that_are_not_Service_ports_do_nothing()
        => Same(
            "oci-ineffective-annotation | svc.yaml:6:5: warning: metadata.annotations[\"service.beta.kubernetes.io/oci-load-balancer-ssl-ports\"]: port 8443 is not a port of this Service, so no listener uses TLS on it (list ports from spec.ports[].port)",
            Lint(Service("""
            service.beta.kubernetes.io/oci-load-balancer-ssl-ports: "443,8443"
            service.beta.kubernetes.io/oci-load-balancer-tls-secret: "argocd/server-tls"
            """)));

    [Fact]
    public void A_typed_Service_is_checked_the_same_way()
    {
        var service = Core.Service("web", @namespace: "apps")
            .WithMetadata(m => m.WithAnnotations("oci.oraclecloud.com/load-balancer-is-internal", "true"))
            .WithSpec(s => s.WithType("LoadBalancer").AddPorts(new Models.Core.ServiceSpecPort { Port = 443 }));
        Same(
            "oci-unknown-annotation | error: metadata.annotations[\"oci.oraclecloud.com/load-balancer-is-internal\"]: the OCI cloud-controller-manager does not read \"oci.oraclecloud.com/load-balancer-is-internal\", so it has no effect (use \"service.beta.kubernetes.io/oci-load-balancer-internal\")\n" +
            "oci-internal-made-public | warning: metadata.annotations[\"oci.oraclecloud.com/load-balancer-is-internal\"]: this load balancer will be PUBLIC: \"oci.oraclecloud.com/load-balancer-is-internal\" asks for an internal one, but for an OCI Load Balancer (lb) the CCM reads only \"service.beta.kubernetes.io/oci-load-balancer-internal\" (set service.beta.kubernetes.io/oci-load-balancer-internal: \"true\"; it cannot be changed once the load balancer exists)",
            Format(OciServiceLint.Check(service)));
    }

    [Fact]
    public void Findings_point_at_the_annotation_key()
    {
        var d = OciServiceLint.Check(OkeGitOps.Manifests.Yaml.YamlReader.ReadAll(Service("oci.oraclecloud.com/load-balancer-shape: \"flexible\""), "svc.yaml").Single()).Single();
        Assert.Equal(new SourceLocation("svc.yaml", 6, 5), d.Location);
        Assert.Equal("metadata.annotations[\"oci.oraclecloud.com/load-balancer-shape\"]", d.Path!.ToString());
    }

    private static string Nsgs(int n)
        => string.Join(",", Enumerable.Range(0, n).Select(i => $"ocid1.networksecuritygroup.oc1.iad.aaaaaaaa{i}qfu3zrllpoiuqwbxpuyaaupt4ewnvl"));
}
