using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>How an OCI Network Load Balancer hashes flows onto backends.</summary>
public enum OciNlbBackendPolicy
{
    /// <summary>Source and destination IP.</summary>
    [ApiValue("TWO_TUPLE")]
    TwoTuple,
    /// <summary>Source and destination IP plus protocol.</summary>
    [ApiValue("THREE_TUPLE")]
    ThreeTuple,
    /// <summary>Addresses, ports and protocol (the default).</summary>
    [ApiValue("FIVE_TUPLE")]
    FiveTuple,
}
