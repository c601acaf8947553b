namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// Starting points for the OCI native ingress controller route: an IngressClass with its IngressClassParameters (one
/// OCI load balancer per class, where a WAF policy can be attached) and the settings of the Ingresses it serves.
/// </summary>
public static class OciNativeIngress
{
    /// <summary>A class whose load balancer is private (reachable from the VCN, VPN or FastConnect), e.g.
    /// <c>OciNativeIngress.PrivateClass().FlexibleBandwidth(10, 100).WithSubnet(subnetOcid)</c>.</summary>
    public static OciNativeIngressClassSettings PrivateClass() => new(isPrivate: true);

    /// <summary>A class whose load balancer has a public IP.</summary>
    public static OciNativeIngressClassSettings PublicClass() => new(isPrivate: false);

    /// <summary>Settings for one Ingress of a native ingress class (protocol, TLS, health check, ...), all unset.</summary>
    public static OciNativeIngressSettings IngressSettings() => new();
}
