namespace OkeGitOps.Manifests.Oci;

/// <summary>The rule identifiers of the OCI load-balancer checks, as they appear in <c>Diagnostic.Rule</c>.</summary>
public static class OciRules
{
    /// <summary>An annotation in an OCI key space that the CCM does not read.</summary>
    public const string UnknownAnnotation = "oci-unknown-annotation";

    /// <summary>A mistyped key asks for an internal load balancer, but the CCM will make a public one.</summary>
    public const string InternalMadePublic = "oci-internal-made-public";

    /// <summary>An annotation value the CCM cannot parse or does not accept (booleans, integers, choices, JSON, names, IPs).</summary>
    public const string AnnotationValue = "oci-annotation-value";

    /// <summary>A flexible shape without both bounds, with bounds outside 10..8000 Mbps, or with min above max.</summary>
    public const string FlexShape = "oci-flex-shape";

    /// <summary>An OCID that is malformed or names the wrong resource type.</summary>
    public const string Ocid = "oci-ocid";

    /// <summary>More network security groups than OCI allows on one load balancer.</summary>
    public const string NsgLimit = "oci-nsg-limit";

    /// <summary>Backend protocol GRPC without SSL ports and a TLS secret.</summary>
    public const string GrpcTls = "oci-grpc-tls";

    /// <summary>A health-check interval outside the range the CCM accepts.</summary>
    public const string HealthCheckInterval = "oci-health-check-interval";

    /// <summary><c>is-preserve-source</c> without <c>externalTrafficPolicy: Local</c>.</summary>
    public const string PreserveSource = "oci-preserve-source";

    /// <summary>A port protocol the load-balancer kind cannot carry (UDP on lb, SCTP anywhere).</summary>
    public const string PortProtocol = "oci-port-protocol";

    /// <summary>An NLB with UDP ports whose security-list management mode is not None.</summary>
    public const string NlbUdpSecurityList = "oci-nlb-udp-security-list";

    /// <summary><c>sessionAffinity</c> other than None.</summary>
    public const string SessionAffinity = "oci-session-affinity";

    /// <summary>An annotation for the other load-balancer kind (an lb key on an NLB, or the reverse).</summary>
    public const string WrongKind = "oci-wrong-kind";

    /// <summary>An internal load balancer with <c>spec.loadBalancerIP</c> (a reserved public IP).</summary>
    public const string InternalLoadBalancerIp = "oci-internal-ip";

    /// <summary>A SingleStack IPv6 Service on an lb.</summary>
    public const string IpFamily = "oci-ip-family";

    /// <summary>OCI annotations on a Service that is not of type LoadBalancer.</summary>
    public const string NotLoadBalancer = "oci-not-load-balancer";

    /// <summary>An annotation that is read but has no effect in this combination.</summary>
    public const string IneffectiveAnnotation = "oci-ineffective-annotation";

    /// <summary>An annotation the CCM still reads but has replaced.</summary>
    public const string DeprecatedAnnotation = "oci-deprecated-annotation";

    /// <summary>An annotation in the native ingress controller's key space that the controller does not read.</summary>
    public const string IngressUnknownAnnotation = "oci-ingress-unknown-annotation";

    /// <summary>A native ingress annotation on the wrong object (an IngressClass key on an Ingress, or the reverse).</summary>
    public const string IngressWrongObject = "oci-ingress-wrong-object";

    /// <summary>An annotation the native ingress controller writes itself, set in a manifest.</summary>
    public const string IngressControllerOwned = "oci-ingress-controller-owned";

    /// <summary>A CCM Service annotation on an Ingress or IngressClass, or a native ingress annotation on a Service.</summary>
    public const string IngressWrongController = "oci-ingress-wrong-controller";

    /// <summary>A native ingress annotation value the controller cannot parse, or that OCI refuses.</summary>
    public const string IngressAnnotationValue = "oci-ingress-annotation-value";

    /// <summary>A health-check protocol other than TCP or HTTP, or an HTTP health check without a path.</summary>
    public const string IngressHealthCheck = "oci-ingress-health-check";

    /// <summary>Protocol HTTP2 on a listener without TLS.</summary>
    public const string IngressHttp2Tls = "oci-ingress-http2-tls";

    /// <summary>An IngressClass whose <c>spec.parameters</c> is missing or cannot be found by the controller.</summary>
    public const string IngressClassParameters = "oci-ingress-class-parameters";

    /// <summary>IngressClassParameters bandwidth outside 10..8000 Mbps, or a minimum above the maximum.</summary>
    public const string IngressBandwidth = "oci-ingress-bandwidth";

    /// <summary>A Workload Identity service account on an IngressClass without <c>spec.parameters.namespace</c> (a controller crash).</summary>
    public const string IngressWorkloadIdentity = "oci-ingress-workload-identity";

    /// <summary>Both session-persistence annotations on one Ingress, or a secure cookie on a plain listener.</summary>
    public const string IngressSessionPersistence = "oci-ingress-session-persistence";

    /// <summary>Two Ingresses of one IngressClass that disagree on a shared listener or backend set.</summary>
    public const string IngressConflict = "oci-ingress-conflict";

    /// <summary>An IngressClass carrying native ingress annotations but served by another controller, or a default-class value the controller does not count.</summary>
    public const string IngressClassController = "oci-ingress-class-controller";
}
