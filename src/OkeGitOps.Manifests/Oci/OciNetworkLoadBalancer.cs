namespace OkeGitOps.Manifests.Oci;

/// <summary>Starting points for an OCI Network Load Balancer (<c>nlb</c>) in front of a Service.</summary>
public static class OciNetworkLoadBalancer
{
    /// <summary>A private NLB.</summary>
    public static OciNetworkLoadBalancerSettings Internal() => new(isInternal: true);

    /// <summary>An NLB with a public IP.</summary>
    public static OciNetworkLoadBalancerSettings Public() => new(isInternal: false);
}
