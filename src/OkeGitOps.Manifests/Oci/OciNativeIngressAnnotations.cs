namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// The annotation keys the OCI native ingress controller (v1.4.3) reads, spelt exactly as it reads them. The first
/// group belongs on an <c>Ingress</c>, the second on an <c>IngressClass</c>; the controller reads each key from one of
/// the two only.
/// </summary>
public static class OciNativeIngressAnnotations
{
    /// <summary>The key space the controller owns.</summary>
    public const string Prefix = "oci-native-ingress.oraclecloud.com/";

    /// <summary>Ingress: listener protocol, <c>HTTP</c> (default), <c>HTTP2</c> or <c>TCP</c>.</summary>
    public const string Protocol = Prefix + "protocol";

    /// <summary>Ingress: backend-set policy, <c>LEAST_CONNECTIONS</c> (default), <c>ROUND_ROBIN</c> or <c>IP_HASH</c>; case-sensitive.</summary>
    public const string Policy = Prefix + "policy";

    /// <summary>Ingress: OCI Certificates certificate OCID for the listener; its presence alone turns TLS on.</summary>
    public const string CertificateOcid = Prefix + "certificate-ocid";

    /// <summary>Ingress: whether the backend set also uses TLS (default true) once the listener has TLS.</summary>
    public const string BackendTlsEnabled = Prefix + "backend-tls-enabled";

    /// <summary>Ingress: health-check protocol, <c>TCP</c> (default) or <c>HTTP</c> only.</summary>
    public const string HealthCheckProtocol = Prefix + "healthcheck-protocol";

    /// <summary>Ingress: health-check port; 0 (default) means each backend's own port.</summary>
    public const string HealthCheckPort = Prefix + "healthcheck-port";

    /// <summary>Ingress: path of an HTTP health check.</summary>
    public const string HealthCheckPath = Prefix + "healthcheck-path";

    /// <summary>Ingress: health-check interval in milliseconds (default 10000).</summary>
    public const string HealthCheckIntervalMilliseconds = Prefix + "healthcheck-interval-milliseconds";

    /// <summary>Ingress: health-check timeout in milliseconds (default 3000).</summary>
    public const string HealthCheckTimeoutMilliseconds = Prefix + "healthcheck-timeout-milliseconds";

    /// <summary>Ingress: health-check retries (default 3).</summary>
    public const string HealthCheckRetries = Prefix + "healthcheck-retries";

    /// <summary>Ingress: HTTP status an HTTP health check expects (default 200).</summary>
    public const string HealthCheckReturnCode = Prefix + "healthcheck-return-code";

    /// <summary>Ingress: regular expression the body of an HTTP health check must match.</summary>
    public const string HealthCheckResponseRegex = Prefix + "healthcheck-response-regex";

    /// <summary>Ingress: run an HTTP health check in plain text even when the backend set uses TLS.</summary>
    public const string HealthCheckForcePlaintext = Prefix + "healthcheck-force-plaintext";

    /// <summary>Ingress: one listener port for every non-TLS host of the Ingress.</summary>
    public const string HttpListenerPort = Prefix + "http-listener-port";

    /// <summary>Ingress: one listener port for every TLS host of the Ingress.</summary>
    public const string HttpsListenerPort = Prefix + "https-listener-port";

    /// <summary>Ingress: JSON of a load-balancer-inserted cookie for session persistence.</summary>
    public const string LbCookieSessionPersistenceConfig = Prefix + "lb-cookie-session-persistence-config";

    /// <summary>Ingress: JSON naming an application cookie for session persistence.</summary>
    public const string SessionPersistenceConfig = Prefix + "session-persistence-config";

    /// <summary>IngressClass: the OCID of the load balancer; set by the controller, or by you to adopt an existing one.</summary>
    public const string Id = Prefix + "id";

    /// <summary>IngressClass: OCI WAF policy OCID; the controller attaches a web app firewall with it to the load balancer.</summary>
    public const string WafPolicyOcid = Prefix + "waf-policy-ocid";

    /// <summary>IngressClass: written by the controller (the firewall it created); never set it yourself.</summary>
    public const string FirewallId = Prefix + "firewall-id";

    /// <summary>IngressClass: comma-separated NSG OCIDs attached to the load balancer.</summary>
    public const string NetworkSecurityGroupIds = Prefix + "network-security-group-ids";

    /// <summary>IngressClass: keep (and blank) the load balancer when the IngressClass is deleted.</summary>
    public const string DeleteProtectionEnabled = Prefix + "delete-protection-enabled";

    /// <summary>IngressClass: JSON defined tags of the load balancer.</summary>
    public const string DefinedTags = Prefix + "defined-tags";

    /// <summary>IngressClass: JSON freeform tags of the load balancer.</summary>
    public const string FreeformTags = Prefix + "freeform-tags";

    /// <summary>IngressClass: written by the controller (OCI default tags it found); never set it yourself.</summary>
    public const string ImplicitDefaultTags = Prefix + "implicit-default-tags";

    /// <summary>IngressClass: the ServiceAccount whose OKE Workload Identity the controller uses for this class; it is
    /// looked up in <c>spec.parameters.namespace</c>.</summary>
    public const string WorkloadServiceAccount = "oci.oraclecloud.com/workload-service-account";

    /// <summary>IngressClass: marks the default class; the controller compares the value with the exact string <c>"true"</c>.</summary>
    public const string IsDefaultClass = "ingressclass.kubernetes.io/is-default-class";

    /// <summary>The <c>spec.controller</c> of an IngressClass the controller serves (its default <c>--controller-class</c>).</summary>
    public const string ControllerClass = "oci.oraclecloud.com/native-ingress-controller";

    /// <summary>True when <paramref name="key"/> lies in the controller's own key space.</summary>
    public static bool IsNativeIngressKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith(Prefix, StringComparison.Ordinal);
    }
}
