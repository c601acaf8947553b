using System.Globalization;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Tree;
using static OkeGitOps.Manifests.Oci.OciNativeIngressAnnotations;
using NetworkingIngress = OkeGitOps.Manifests.Models.Networking.Ingress;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// Typed settings for one Ingress served by the OCI native ingress controller: one property per annotation the
/// controller reads from an Ingress. Start from <see cref="OciNativeIngress.IngressSettings"/>; each <c>With…</c>
/// returns a new instance and throws <see cref="ManifestValidationException"/> at once for a value the controller or
/// OCI would refuse. <see cref="ApplyTo"/> writes the annotations onto an Ingress and checks the whole Ingress.
/// </summary>
public sealed record OciNativeIngressSettings
{
    internal OciNativeIngressSettings() { }

    /// <summary>Listener protocol; unset means HTTP.</summary>
    public OciIngressProtocol? Protocol { get; init; }

    /// <summary>Backend-set policy; unset means LEAST_CONNECTIONS.</summary>
    public OciLoadBalancerPolicy? Policy { get; init; }

    /// <summary>OCI Certificates certificate OCID served by the listener; setting it makes every host of the Ingress a TLS host.</summary>
    public string? CertificateOcid { get; init; }

    /// <summary>Whether the load balancer also speaks TLS to the pods; unset means true once the listener has TLS.</summary>
    public bool? BackendTlsEnabled { get; init; }

    /// <summary>The backend sets' health check.</summary>
    public OciIngressHealthCheck? HealthCheck { get; init; }

    /// <summary>One listener port for all non-TLS hosts.</summary>
    public int? HttpListenerPort { get; init; }

    /// <summary>One listener port for all TLS hosts.</summary>
    public int? HttpsListenerPort { get; init; }

    /// <summary>Session persistence (LB-inserted or application cookie).</summary>
    public OciSessionPersistence? SessionPersistence { get; init; }

    /// <summary>Returns a copy with the listener protocol. HTTP2 also needs TLS.</summary>
    public OciNativeIngressSettings WithProtocol(OciIngressProtocol protocol) => Checked(this with { Protocol = protocol });

    /// <summary>Returns a copy with the backend-set policy.</summary>
    public OciNativeIngressSettings WithPolicy(OciLoadBalancerPolicy policy) => Checked(this with { Policy = policy });

    /// <summary>Returns a copy whose listener serves this OCI Certificates certificate (<c>ocid1.certificate…</c>).</summary>
    public OciNativeIngressSettings WithCertificate(string certificateOcid) => Checked(this with { CertificateOcid = certificateOcid });

    /// <summary>Returns a copy that does (true) or does not (false: TLS ends at the load balancer) use TLS towards the pods.</summary>
    public OciNativeIngressSettings WithBackendTls(bool enabled) => Checked(this with { BackendTlsEnabled = enabled });

    /// <summary>Returns a copy with this health check.</summary>
    public OciNativeIngressSettings WithHealthCheck(OciIngressHealthCheck healthCheck)
    {
        ArgumentNullException.ThrowIfNull(healthCheck);
        return Checked(this with { HealthCheck = healthCheck });
    }

    /// <summary>Returns a copy with the listener ports for non-TLS and TLS hosts; <c>null</c> keeps the current value.</summary>
    public OciNativeIngressSettings WithListenerPorts(int? http = null, int? https = null)
        => Checked(this with { HttpListenerPort = http ?? HttpListenerPort, HttpsListenerPort = https ?? HttpsListenerPort });

    /// <summary>Returns a copy with session persistence.</summary>
    public OciNativeIngressSettings WithSessionPersistence(OciSessionPersistence persistence)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        return Checked(this with { SessionPersistence = persistence });
    }

    /// <summary>The annotations these settings stand for, keyed and valued exactly as the controller reads them.</summary>
    public EquatableMap<string> ToAnnotations()
    {
        var a = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Protocol is { } protocol) a[OciNativeIngressAnnotations.Protocol] = OciApiValues.Of(protocol);
        if (Policy is { } policy) a[OciNativeIngressAnnotations.Policy] = OciApiValues.Of(policy);
        if (CertificateOcid is { } certificate) a[OciNativeIngressAnnotations.CertificateOcid] = certificate;
        if (BackendTlsEnabled is { } backendTls) a[OciNativeIngressAnnotations.BackendTlsEnabled] = backendTls ? "true" : "false";
        HealthCheck?.WriteTo(a);
        if (HttpListenerPort is { } http) a[OciNativeIngressAnnotations.HttpListenerPort] = http.ToString(CultureInfo.InvariantCulture);
        if (HttpsListenerPort is { } https) a[OciNativeIngressAnnotations.HttpsListenerPort] = https.ToString(CultureInfo.InvariantCulture);
        if (SessionPersistence is { } persistence) a[persistence.AnnotationKey] = persistence.ToJson();
        return EquatableMap<string>.Create(a);
    }

    /// <summary>
    /// Returns <paramref name="ingress"/> with these settings: every earlier native ingress annotation replaced by
    /// <see cref="ToAnnotations"/>. The result is checked with <see cref="OciIngressLint"/>.
    /// </summary>
    /// <exception cref="ManifestValidationException">The Ingress breaks a rule of the controller (e.g. HTTP2 without TLS).</exception>
    public NetworkingIngress ApplyTo(NetworkingIngress ingress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var merged = EquatableMap<string>.Empty;
        foreach (var (key, value) in ingress.Metadata?.Annotations ?? EquatableMap<string>.Empty)
        {
            if (!IsNativeIngressKey(key)) merged = merged.SetItem(key, value);
        }
        foreach (var (key, value) in ToAnnotations()) merged = merged.SetItem(key, value);
        var result = ingress.WithMetadata(m => m.WithAnnotations(merged));
        ThrowIfErrors(OciIngressLint.Check(new ManifestDocument(result.ToNode())));
        return result;
    }

    internal static void ThrowIfErrors(IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Any(d => d.IsError)) throw new ManifestValidationException(diagnostics.Where(d => d.IsError).ToList());
    }

    private static OciNativeIngressSettings Checked(OciNativeIngressSettings next)
    {
        ThrowIfErrors(OciIngressLint.CheckIngressAnnotations(next.ToAnnotations()));
        return next;
    }
}
