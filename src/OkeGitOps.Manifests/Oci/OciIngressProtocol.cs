using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>The listener protocol the native ingress controller gives an Ingress's listener.</summary>
public enum OciIngressProtocol
{
    /// <summary>HTTP/1.1, with routing policies (the default).</summary>
    [ApiValue("HTTP")]
    Http,
    /// <summary>HTTP/2; the listener must have TLS (a certificate OCID or a <c>spec.tls</c> secret).</summary>
    [ApiValue("HTTP2")]
    Http2,
    /// <summary>Plain TCP: <c>spec.tls</c> and the certificate OCID are ignored, no routing by host or path.</summary>
    [ApiValue("TCP")]
    Tcp,
}
