using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>How an OCI Load Balancer spreads requests over the backends.</summary>
public enum OciLoadBalancerPolicy
{
    /// <summary>In turn (the default).</summary>
    [ApiValue("ROUND_ROBIN")]
    RoundRobin,
    /// <summary>To the backend with the fewest connections.</summary>
    [ApiValue("LEAST_CONNECTIONS")]
    LeastConnections,
    /// <summary>By a hash of the client IP.</summary>
    [ApiValue("IP_HASH")]
    IpHash,
}
