using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>The two health-check protocols the native ingress controller knows; there is no HTTPS check.</summary>
public enum OciHealthCheckProtocol
{
    /// <summary>A TCP connect (the default); path, return code and regex are ignored.</summary>
    [ApiValue("TCP")]
    Tcp,
    /// <summary>An HTTP request; it follows the backend set's TLS unless forced to plain text.</summary>
    [ApiValue("HTTP")]
    Http,
}
