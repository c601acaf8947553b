using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>How the CCM manages security-list rules for the load balancer.</summary>
public enum OciSecurityListMode
{
    /// <summary>Rules for the load balancer's frontend and for the backends.</summary>
    [ApiValue("All")]
    All,
    /// <summary>Rules for the frontend only.</summary>
    [ApiValue("Frontend")]
    Frontend,
    /// <summary>No security-list rules; you manage them.</summary>
    [ApiValue("None")]
    None,
}
