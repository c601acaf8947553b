using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>The kind of OCI load balancer a Service asks the CCM for.</summary>
public enum OciLoadBalancerKind
{
    /// <summary>OCI Load Balancer (layer 7 or 4, flexible or fixed shape).</summary>
    [ApiValue("lb")]
    Lb,
    /// <summary>OCI Network Load Balancer (layer 4, keeps client addresses).</summary>
    [ApiValue("nlb")]
    Nlb,
}
