namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// The Service annotation keys that the OCI cloud-controller-manager (CCM v1.35.0) reads, spelt exactly as it reads them.
/// Keys starting with <c>Nlb</c> are read only for a Network Load Balancer; the others say which kind they serve.
/// </summary>
public static class OciAnnotations
{
    /// <summary>Picks the kind of load balancer: <c>lb</c> (the default) or <c>nlb</c>. Both kinds.</summary>
    public const string LoadBalancerType = "oci.oraclecloud.com/load-balancer-type";

    /// <summary>lb: private (internal) load balancer when true. Fixed at creation.</summary>
    public const string Internal = "service.beta.kubernetes.io/oci-load-balancer-internal";

    /// <summary>lb: <c>100Mbps</c>, <c>400Mbps</c>, <c>8000Mbps</c> or <c>flexible</c>.</summary>
    public const string Shape = "service.beta.kubernetes.io/oci-load-balancer-shape";

    /// <summary>lb: lower bandwidth bound of a flexible shape, in Mbps.</summary>
    public const string ShapeFlexMin = "service.beta.kubernetes.io/oci-load-balancer-shape-flex-min";

    /// <summary>lb: upper bandwidth bound of a flexible shape, in Mbps.</summary>
    public const string ShapeFlexMax = "service.beta.kubernetes.io/oci-load-balancer-shape-flex-max";

    /// <summary>lb: the (first) subnet OCID.</summary>
    public const string Subnet1 = "service.beta.kubernetes.io/oci-load-balancer-subnet1";

    /// <summary>lb: the second, AD-specific subnet OCID (ignored for internal load balancers).</summary>
    public const string Subnet2 = "service.beta.kubernetes.io/oci-load-balancer-subnet2";

    /// <summary>lb: how the CCM manages security lists: <c>All</c>, <c>Frontend</c> or <c>None</c>.</summary>
    public const string SecurityListManagementMode = "service.beta.kubernetes.io/oci-load-balancer-security-list-management-mode";

    /// <summary>Both kinds: <c>SL-All</c>, <c>SL-Frontend</c>, <c>NSG</c> or <c>None</c>; wins over the security-list mode.</summary>
    public const string SecurityRuleManagementMode = "oci.oraclecloud.com/security-rule-management-mode";

    /// <summary>Both kinds: comma-separated NSG OCIDs of the backends, used when the rule mode is <c>NSG</c>.</summary>
    public const string BackendNetworkSecurityGroups = "oci.oraclecloud.com/oci-backend-network-security-group";

    /// <summary>lb: comma-separated NSG OCIDs attached to the load balancer (at most 5).</summary>
    public const string NetworkSecurityGroups = "oci.oraclecloud.com/oci-network-security-groups";

    /// <summary>lb: listener protocol for every port: <c>TCP</c>, <c>HTTP</c> or <c>GRPC</c>.</summary>
    public const string BackendProtocol = "service.beta.kubernetes.io/oci-load-balancer-backend-protocol";

    /// <summary>lb: comma-separated ports whose listeners terminate TLS.</summary>
    public const string SslPorts = "service.beta.kubernetes.io/oci-load-balancer-ssl-ports";

    /// <summary>lb: <c>namespace/name</c> or <c>name</c> of the Secret holding the listener certificate.</summary>
    public const string TlsSecret = "service.beta.kubernetes.io/oci-load-balancer-tls-secret";

    /// <summary>lb: <c>namespace/name</c> or <c>name</c> of the Secret used for TLS to the backends.</summary>
    public const string TlsBackendSetSecret = "service.beta.kubernetes.io/oci-load-balancer-tls-backendset-secret";

    /// <summary>lb: JSON <c>{"CipherSuiteName": ..., "Protocols": [...]}</c> for SSL listeners.</summary>
    public const string ListenerSslConfig = "oci.oraclecloud.com/oci-load-balancer-listener-ssl-config";

    /// <summary>lb: JSON <c>{"CipherSuiteName": ..., "Protocols": [...]}</c> for the backend set.</summary>
    public const string BackendSetSslConfig = "oci.oraclecloud.com/oci-load-balancer-backendset-ssl-config";

    /// <summary>lb: idle timeout in seconds.</summary>
    public const string ConnectionIdleTimeout = "service.beta.kubernetes.io/oci-load-balancer-connection-idle-timeout";

    /// <summary>lb: proxy protocol version, 1 or 2.</summary>
    public const string ConnectionProxyProtocolVersion = "service.beta.kubernetes.io/oci-load-balancer-connection-proxy-protocol-version";

    /// <summary>lb: health-check retries.</summary>
    public const string HealthCheckRetries = "service.beta.kubernetes.io/oci-load-balancer-health-check-retries";

    /// <summary>lb: health-check interval in milliseconds (1000..1800000).</summary>
    public const string HealthCheckInterval = "service.beta.kubernetes.io/oci-load-balancer-health-check-interval";

    /// <summary>lb: health-check timeout in milliseconds.</summary>
    public const string HealthCheckTimeout = "service.beta.kubernetes.io/oci-load-balancer-health-check-timeout";

    /// <summary>lb: <c>ROUND_ROBIN</c>, <c>LEAST_CONNECTIONS</c> or <c>IP_HASH</c>.</summary>
    public const string Policy = "oci.oraclecloud.com/loadbalancer-policy";

    /// <summary>lb: JSON defined tags applied at creation, <c>{"namespace": {"key": "value"}}</c>.</summary>
    public const string InitialDefinedTagsOverride = "oci.oraclecloud.com/initial-defined-tags-override";

    /// <summary>lb: JSON freeform tags applied at creation, <c>{"key": "value"}</c>.</summary>
    public const string InitialFreeformTagsOverride = "oci.oraclecloud.com/initial-freeform-tags-override";

    /// <summary>lb: label selector restricting the backend nodes.</summary>
    public const string NodeLabelSelector = "oci.oraclecloud.com/node-label-selector";

    /// <summary>lb: JSON object from rule-set name to OCI rule-set details.</summary>
    public const string RuleSets = "oci.oraclecloud.com/oci-load-balancer-rule-sets";

    /// <summary>Both kinds: <c>VIP</c> or <c>Proxy</c>, copied to <c>status.loadBalancer.ingress[].ipMode</c>.</summary>
    public const string IngressIpMode = "oci.oraclecloud.com/ingress-ip-mode";

    /// <summary>Both kinds: ServiceAccount whose Workload Identity the CCM uses to call the OCI API.</summary>
    public const string WorkloadServiceAccount = "oci.oraclecloud.com/workload-service-account";

    /// <summary>Both kinds: compartment OCID to create the load balancer in.</summary>
    public const string CompartmentId = "oci.oraclecloud.com/compartment-id";

    /// <summary>nlb: private (internal) NLB when true. Fixed at creation.</summary>
    public const string NlbInternal = "oci-network-load-balancer.oraclecloud.com/internal";

    /// <summary>nlb: the one subnet OCID.</summary>
    public const string NlbSubnet = "oci-network-load-balancer.oraclecloud.com/subnet";

    /// <summary>nlb: comma-separated NSG OCIDs attached to the NLB (at most 5).</summary>
    public const string NlbNetworkSecurityGroups = "oci-network-load-balancer.oraclecloud.com/oci-network-security-groups";

    /// <summary>nlb: <c>All</c>, <c>Frontend</c> or <c>None</c> (the default).</summary>
    public const string NlbSecurityListManagementMode = "oci-network-load-balancer.oraclecloud.com/security-list-management-mode";

    /// <summary>nlb: <c>TWO_TUPLE</c>, <c>THREE_TUPLE</c> or <c>FIVE_TUPLE</c>.</summary>
    public const string NlbBackendPolicy = "oci-network-load-balancer.oraclecloud.com/backend-policy";

    /// <summary>nlb: health-check retries.</summary>
    public const string NlbHealthCheckRetries = "oci-network-load-balancer.oraclecloud.com/health-check-retries";

    /// <summary>nlb: health-check interval in milliseconds (10000..1800000).</summary>
    public const string NlbHealthCheckInterval = "oci-network-load-balancer.oraclecloud.com/health-check-interval";

    /// <summary>nlb: health-check timeout in milliseconds.</summary>
    public const string NlbHealthCheckTimeout = "oci-network-load-balancer.oraclecloud.com/health-check-timeout";

    /// <summary>nlb: keep the client source address; only with <c>externalTrafficPolicy: Local</c>.</summary>
    public const string NlbIsPreserveSource = "oci-network-load-balancer.oraclecloud.com/is-preserve-source";

    /// <summary>nlb: Proxy Protocol v2 on the listeners.</summary>
    public const string NlbIsPpv2Enabled = "oci-network-load-balancer.oraclecloud.com/is-ppv2-enabled";

    /// <summary>nlb: report only the public IP in the Service status (public NLBs).</summary>
    public const string NlbExternalIpOnly = "oci-network-load-balancer.oraclecloud.com/external-ip-only";

    /// <summary>nlb: label selector restricting the backend nodes.</summary>
    public const string NlbNodeLabelSelector = "oci-network-load-balancer.oraclecloud.com/node-label-selector";

    /// <summary>nlb: JSON defined tags applied at creation.</summary>
    public const string NlbInitialDefinedTagsOverride = "oci-network-load-balancer.oraclecloud.com/initial-defined-tags-override";

    /// <summary>nlb: JSON freeform tags applied at creation.</summary>
    public const string NlbInitialFreeformTagsOverride = "oci-network-load-balancer.oraclecloud.com/initial-freeform-tags-override";

    /// <summary>nlb: deprecated alias of <see cref="NlbInitialDefinedTagsOverride"/>.</summary>
    public const string NlbDefinedTags = "oci-network-load-balancer.oraclecloud.com/defined-tags";

    /// <summary>nlb: deprecated alias of <see cref="NlbInitialFreeformTagsOverride"/>.</summary>
    public const string NlbFreeformTags = "oci-network-load-balancer.oraclecloud.com/freeform-tags";

    /// <summary>nlb: the private IPv4 address to give the NLB inside its subnet.</summary>
    public const string NlbAssignedPrivateIPv4 = "oci-network-load-balancer.oraclecloud.com/assigned-private-ipv4";

    /// <summary>nlb: the IPv6 address to give the NLB inside its subnet.</summary>
    public const string NlbAssignedIPv6 = "oci-network-load-balancer.oraclecloud.com/assigned-ipv6";

    /// <summary>True when <paramref name="key"/> lies in one of the key spaces the CCM owns
    /// (<c>oci.oraclecloud.com/</c>, <c>service.beta.kubernetes.io/oci-</c>, <c>oci-network-load-balancer.oraclecloud.com/</c>).</summary>
    public static bool IsOciKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith("oci.oraclecloud.com/", StringComparison.Ordinal)
            || key.StartsWith("service.beta.kubernetes.io/oci-", StringComparison.Ordinal)
            || key.StartsWith("oci-network-load-balancer.oraclecloud.com/", StringComparison.Ordinal);
    }
}
