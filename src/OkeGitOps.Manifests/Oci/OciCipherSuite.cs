namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// The name of an OCI Load Balancer cipher suite: one of OCI's predefined suites, or a custom suite created on the
/// load balancer beforehand.
/// </summary>
/// <param name="Name">The suite's name as OCI knows it.</param>
public readonly record struct OciCipherSuite(string Name)
{
    /// <summary><c>oci-default-ssl-cipher-suite-v1</c>.</summary>
    public static OciCipherSuite Default { get; } = new("oci-default-ssl-cipher-suite-v1");

    /// <summary><c>oci-modern-ssl-cipher-suite-v1</c>.</summary>
    public static OciCipherSuite Modern { get; } = new("oci-modern-ssl-cipher-suite-v1");

    /// <summary><c>oci-compatible-ssl-cipher-suite-v1</c>.</summary>
    public static OciCipherSuite Compatible { get; } = new("oci-compatible-ssl-cipher-suite-v1");

    /// <summary><c>oci-wider-compatible-ssl-cipher-suite-v1</c>.</summary>
    public static OciCipherSuite WiderCompatible { get; } = new("oci-wider-compatible-ssl-cipher-suite-v1");

    /// <summary><c>oci-customized-ssl-cipher-suite</c>.</summary>
    public static OciCipherSuite Customized { get; } = new("oci-customized-ssl-cipher-suite");

    /// <summary><c>oci-default-http2-ssl-cipher-suite-v1</c>, which the CCM applies to GRPC listeners when none is given.</summary>
    public static OciCipherSuite DefaultHttp2 { get; } = new("oci-default-http2-ssl-cipher-suite-v1");

    /// <summary><c>oci-default-http2-tls-13-ssl-cipher-suite-v1</c>.</summary>
    public static OciCipherSuite DefaultHttp2Tls13 { get; } = new("oci-default-http2-tls-13-ssl-cipher-suite-v1");

    /// <summary><c>oci-default-http2-tls-12-13-ssl-cipher-suite-v1</c>.</summary>
    public static OciCipherSuite DefaultHttp2Tls12And13 { get; } = new("oci-default-http2-tls-12-13-ssl-cipher-suite-v1");

    /// <summary><c>oci-tls-13-recommended-ssl-cipher-suite-v1</c>.</summary>
    public static OciCipherSuite Tls13Recommended { get; } = new("oci-tls-13-recommended-ssl-cipher-suite-v1");

    /// <summary><c>oci-tls-12-13-wider-ssl-cipher-suite-v1</c>.</summary>
    public static OciCipherSuite Tls12And13Wider { get; } = new("oci-tls-12-13-wider-ssl-cipher-suite-v1");

    /// <summary><c>oci-tls-11-12-13-wider-ssl-cipher-suite-v1</c>.</summary>
    public static OciCipherSuite Tls11To13Wider { get; } = new("oci-tls-11-12-13-wider-ssl-cipher-suite-v1");

    /// <summary>A custom cipher suite, defined on the load balancer outside Kubernetes.</summary>
    public static OciCipherSuite Custom(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(name);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
