using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>The legacy fixed load-balancer shapes. New load balancers should use a flexible shape.</summary>
public enum OciFixedShape
{
    /// <summary>100 Mbps.</summary>
    [ApiValue("100Mbps")]
    Mbps100,
    /// <summary>400 Mbps.</summary>
    [ApiValue("400Mbps")]
    Mbps400,
    /// <summary>8000 Mbps.</summary>
    [ApiValue("8000Mbps")]
    Mbps8000,
}
