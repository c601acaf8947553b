using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>Which security mechanism the CCM manages; when set it wins over the security-list mode.</summary>
public enum OciSecurityRuleMode
{
    /// <summary>Security-list rules for frontend and backends.</summary>
    [ApiValue("SL-All")]
    SecurityListAll,
    /// <summary>Security-list rules for the frontend only.</summary>
    [ApiValue("SL-Frontend")]
    SecurityListFrontend,
    /// <summary>A CCM-managed frontend NSG, plus rules on the backend NSGs.</summary>
    [ApiValue("NSG")]
    Nsg,
    /// <summary>No rules are managed.</summary>
    [ApiValue("None")]
    None,
}
