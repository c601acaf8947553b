using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// An SSL configuration for OCI Load Balancer listeners or backend sets: a cipher suite and the TLS versions allowed.
/// It becomes the JSON <c>{"CipherSuiteName": "...", "Protocols": ["TLSv1.2", ...]}</c> the CCM reads.
/// </summary>
public sealed record OciSslConfig
{
    /// <summary>The cipher suite.</summary>
    public required OciCipherSuite CipherSuite { get; init; }

    /// <summary>The TLS versions allowed, in the order given (duplicates removed).</summary>
    public required EquatableArray<OciTlsProtocol> Protocols { get; init; }

    /// <summary>Creates an SSL configuration.</summary>
    /// <param name="cipherSuite">The cipher suite, e.g. <see cref="OciCipherSuite.Modern"/>.</param>
    /// <param name="protocols">The TLS versions allowed; at least one.</param>
    public static OciSslConfig Create(OciCipherSuite cipherSuite, params OciTlsProtocol[] protocols)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        if (protocols.Length == 0) throw new ArgumentException("Give at least one TLS protocol.", nameof(protocols));
        return new OciSslConfig { CipherSuite = cipherSuite, Protocols = EquatableArray<OciTlsProtocol>.Empty.AddRange(protocols.Distinct().ToArray()) };
    }

    /// <summary>Returns a copy with another cipher suite.</summary>
    public OciSslConfig WithCipherSuite(OciCipherSuite value) => this with { CipherSuite = value };

    /// <summary>Returns a copy allowing exactly these TLS versions.</summary>
    public OciSslConfig WithProtocols(params OciTlsProtocol[] protocols) => Create(CipherSuite, protocols);

    /// <summary>The annotation value: compact JSON with the keys the CCM reads.</summary>
    public string ToJson() => OciJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("CipherSuiteName", CipherSuite.Name);
        w.WriteStartArray("Protocols");
        foreach (var p in Protocols) w.WriteStringValue(OciApiValues.Of(p));
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
