using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>A TLS protocol version an OCI Load Balancer SSL configuration may allow.</summary>
public enum OciTlsProtocol
{
    /// <summary>TLS 1.0 (obsolete).</summary>
    [ApiValue("TLSv1")]
    Tls1_0,
    /// <summary>TLS 1.1 (obsolete).</summary>
    [ApiValue("TLSv1.1")]
    Tls1_1,
    /// <summary>TLS 1.2.</summary>
    [ApiValue("TLSv1.2")]
    Tls1_2,
    /// <summary>TLS 1.3.</summary>
    [ApiValue("TLSv1.3")]
    Tls1_3,
}
