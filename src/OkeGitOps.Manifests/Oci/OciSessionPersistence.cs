using static OkeGitOps.Manifests.Oci.OciNativeIngressAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// Session persistence of an Ingress's backend sets: either a cookie the load balancer inserts
/// (<see cref="LoadBalancerCookie"/>), or your application's own cookie (<see cref="ApplicationCookie"/>). An Ingress
/// carries at most one of the two; JSON is written with sorted keys.
/// </summary>
public sealed record OciSessionPersistence
{
    private OciSessionPersistence(bool insertedByLoadBalancer) => InsertedByLoadBalancer = insertedByLoadBalancer;

    /// <summary>True for a load-balancer-inserted cookie, false for an application cookie.</summary>
    public bool InsertedByLoadBalancer { get; init; }

    /// <summary>The cookie's name; unset lets OCI choose (LB cookie) or matches any cookie (application cookie).</summary>
    public string? CookieName { get; init; }

    /// <summary>LB cookie: mark it Secure (needs a TLS listener).</summary>
    public bool? IsSecure { get; init; }

    /// <summary>LB cookie: mark it HttpOnly.</summary>
    public bool? IsHttpOnly { get; init; }

    /// <summary>LB cookie: its Domain attribute.</summary>
    public string? Domain { get; init; }

    /// <summary>LB cookie: its Path attribute.</summary>
    public string? Path { get; init; }

    /// <summary>LB cookie: its Max-Age in seconds.</summary>
    public int? MaxAgeInSeconds { get; init; }

    /// <summary>LB cookie: refuse requests whose sticky backend is down instead of picking another.</summary>
    public bool? DisableFallback { get; init; }

    /// <summary>A cookie inserted by the load balancer (controller 1.4.3 or later).</summary>
    public static OciSessionPersistence LoadBalancerCookie(string? cookieName = null, bool? isSecure = null, bool? isHttpOnly = null)
        => new(insertedByLoadBalancer: true) { CookieName = cookieName, IsSecure = isSecure, IsHttpOnly = isHttpOnly };

    /// <summary>Stickiness on your application's cookie; only the name is read by the controller.</summary>
    public static OciSessionPersistence ApplicationCookie(string cookieName)
    {
        ArgumentException.ThrowIfNullOrEmpty(cookieName);
        return new(insertedByLoadBalancer: false) { CookieName = cookieName };
    }

    /// <summary>The annotation key this persistence is written to.</summary>
    public string AnnotationKey => InsertedByLoadBalancer ? LbCookieSessionPersistenceConfig : SessionPersistenceConfig;

    /// <summary>The annotation value: compact JSON with keys sorted.</summary>
    public string ToJson() => OciJson.Write(w =>
    {
        w.WriteStartObject();
        if (CookieName is { } name) w.WriteString("cookieName", name);
        if (DisableFallback is { } fallback) w.WriteBoolean("disableFallback", fallback);
        if (Domain is { } domain) w.WriteString("domain", domain);
        if (IsHttpOnly is { } httpOnly) w.WriteBoolean("isHttpOnly", httpOnly);
        if (IsSecure is { } secure) w.WriteBoolean("isSecure", secure);
        if (MaxAgeInSeconds is { } age) w.WriteNumber("maxAgeInSeconds", age);
        if (Path is { } path) w.WriteString("path", path);
        w.WriteEndObject();
    });
}
