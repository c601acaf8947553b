namespace OkeGitOps.Manifests.Oci;

/// <summary>One listener an Ingress path lands on: its port, whether it has TLS, with which certificate, and the backend set.</summary>
/// <param name="Port">The load-balancer listener port.</param>
/// <param name="Tls">Whether the host is a TLS host (in <c>spec.tls</c>, or every host when a certificate OCID is set).</param>
/// <param name="Certificate">The certificate OCID or <c>secret:&lt;name&gt;</c> of a TLS host; <c>null</c> without TLS.</param>
/// <param name="BackendSet">The backend set: <c>namespace/service:port</c>.</param>
internal sealed record OciListenerUse(long Port, bool Tls, string? Certificate, string BackendSet);
