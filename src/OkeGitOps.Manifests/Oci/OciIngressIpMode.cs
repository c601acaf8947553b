using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>What the CCM writes to <c>status.loadBalancer.ingress[].ipMode</c>.</summary>
public enum OciIngressIpMode
{
    /// <summary>Traffic arrives with the load balancer IP as destination (kube-proxy may short-circuit it).</summary>
    [ApiValue("VIP")]
    Vip,
    /// <summary>Traffic always goes through the load balancer.</summary>
    [ApiValue("Proxy")]
    Proxy,
}
