using System.Globalization;
using static OkeGitOps.Manifests.Oci.OciNativeIngressAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// The health check of an Ingress's backend sets, as the native ingress controller reads it. Every Ingress that routes
/// to the same Service port shares one backend set, so they must all carry the same health check.
/// Start from <see cref="Tcp"/> or <see cref="Http"/>.
/// </summary>
public sealed record OciIngressHealthCheck
{
    private OciIngressHealthCheck(OciHealthCheckProtocol protocol) => Protocol = protocol;

    /// <summary>TCP or HTTP; there is no HTTPS check (an HTTP check uses TLS when the backend set does).</summary>
    public OciHealthCheckProtocol Protocol { get; init; }

    /// <summary>The port to check; unset or 0 means each backend's own port.</summary>
    public int? Port { get; init; }

    /// <summary>The path of an HTTP check, starting with <c>/</c>.</summary>
    public string? Path { get; init; }

    /// <summary>Milliseconds between checks (1000..1800000; default 10000).</summary>
    public int? IntervalMilliseconds { get; init; }

    /// <summary>Milliseconds to wait for an answer (default 3000).</summary>
    public int? TimeoutMilliseconds { get; init; }

    /// <summary>Failed checks before a backend counts as down (default 3).</summary>
    public int? Retries { get; init; }

    /// <summary>The HTTP status an HTTP check expects (default 200).</summary>
    public int? ReturnCode { get; init; }

    /// <summary>A regular expression the body of an HTTP check must match.</summary>
    public string? ResponseRegex { get; init; }

    /// <summary>Run an HTTP check in plain text even when the backend set uses TLS.</summary>
    public bool? ForcePlaintext { get; init; }

    /// <summary>A TCP connect check (the controller's default).</summary>
    public static OciIngressHealthCheck Tcp(int? port = null) => new(OciHealthCheckProtocol.Tcp) { Port = port };

    /// <summary>An HTTP check of <paramref name="path"/>, e.g. <c>/healthz</c>.</summary>
    public static OciIngressHealthCheck Http(string path, int? returnCode = null, int? port = null)
        => new(OciHealthCheckProtocol.Http) { Path = path, ReturnCode = returnCode, Port = port };

    /// <summary>Returns a copy with the given timing; arguments left <c>null</c> keep their current value.</summary>
    public OciIngressHealthCheck WithTiming(int? intervalMilliseconds = null, int? timeoutMilliseconds = null, int? retries = null)
        => this with
        {
            IntervalMilliseconds = intervalMilliseconds ?? IntervalMilliseconds,
            TimeoutMilliseconds = timeoutMilliseconds ?? TimeoutMilliseconds,
            Retries = retries ?? Retries,
        };

    /// <summary>Returns a copy whose HTTP check expects a body matching <paramref name="regex"/>.</summary>
    public OciIngressHealthCheck WithResponseRegex(string regex) => this with { ResponseRegex = regex };

    /// <summary>Returns a copy whose HTTP check runs in plain text even towards a TLS backend set.</summary>
    public OciIngressHealthCheck WithForcePlaintext(bool value = true) => this with { ForcePlaintext = value };

    internal void WriteTo(Dictionary<string, string> a)
    {
        a[HealthCheckProtocol] = OciApiValues.Of(Protocol);
        if (Port is { } port) a[HealthCheckPort] = Int(port);
        if (Path is { } path) a[HealthCheckPath] = path;
        if (IntervalMilliseconds is { } interval) a[HealthCheckIntervalMilliseconds] = Int(interval);
        if (TimeoutMilliseconds is { } timeout) a[HealthCheckTimeoutMilliseconds] = Int(timeout);
        if (Retries is { } retries) a[HealthCheckRetries] = Int(retries);
        if (ReturnCode is { } code) a[HealthCheckReturnCode] = Int(code);
        if (ResponseRegex is { } regex) a[HealthCheckResponseRegex] = regex;
        if (ForcePlaintext is { } plain) a[HealthCheckForcePlaintext] = plain ? "true" : "false";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
