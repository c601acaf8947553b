using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>The listener protocol an OCI Load Balancer uses for every port.</summary>
public enum OciBackendProtocol
{
    /// <summary>Plain TCP (the default).</summary>
    [ApiValue("TCP")]
    Tcp,
    /// <summary>HTTP.</summary>
    [ApiValue("HTTP")]
    Http,
    /// <summary>gRPC; needs SSL ports and a TLS secret.</summary>
    [ApiValue("GRPC")]
    Grpc,
}
