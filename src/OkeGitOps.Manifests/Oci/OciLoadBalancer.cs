namespace OkeGitOps.Manifests.Oci;

/// <summary>Starting points for an OCI Load Balancer (<c>lb</c>) in front of a Service.</summary>
public static class OciLoadBalancer
{
    /// <summary>A private load balancer (reachable from the VCN, VPN or FastConnect), e.g.
    /// <c>OciLoadBalancer.Internal().FlexibleShape(minMbps: 10, maxMbps: 100)</c>.</summary>
    public static OciLoadBalancerSettings Internal() => new(isInternal: true);

    /// <summary>A load balancer with a public IP.</summary>
    public static OciLoadBalancerSettings Public() => new(isInternal: false);
}
