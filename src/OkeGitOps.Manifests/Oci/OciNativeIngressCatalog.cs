using static OkeGitOps.Manifests.Oci.OciNativeIngressAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>Which object the native ingress controller reads an annotation from.</summary>
internal enum OciIngressTarget
{
    Ingress,
    IngressClass,
    ControllerOutput,
}

/// <summary>One annotation the native ingress controller reads (or writes).</summary>
internal sealed record OciIngressAnnotationInfo(string Key, OciIngressTarget Target);

/// <summary>
/// Every annotation of the native ingress controller's facts table (v1.4.3), with the object it is read from, and the
/// wrong spellings seen in articles mapped to the keys they were meant to be.
/// </summary>
internal static class OciNativeIngressCatalog
{
    public static readonly OciIngressAnnotationInfo[] All =
    [
        new(Protocol, OciIngressTarget.Ingress),
        new(Policy, OciIngressTarget.Ingress),
        new(CertificateOcid, OciIngressTarget.Ingress),
        new(BackendTlsEnabled, OciIngressTarget.Ingress),
        new(HealthCheckProtocol, OciIngressTarget.Ingress),
        new(HealthCheckPort, OciIngressTarget.Ingress),
        new(HealthCheckPath, OciIngressTarget.Ingress),
        new(HealthCheckIntervalMilliseconds, OciIngressTarget.Ingress),
        new(HealthCheckTimeoutMilliseconds, OciIngressTarget.Ingress),
        new(HealthCheckRetries, OciIngressTarget.Ingress),
        new(HealthCheckReturnCode, OciIngressTarget.Ingress),
        new(HealthCheckResponseRegex, OciIngressTarget.Ingress),
        new(HealthCheckForcePlaintext, OciIngressTarget.Ingress),
        new(HttpListenerPort, OciIngressTarget.Ingress),
        new(HttpsListenerPort, OciIngressTarget.Ingress),
        new(LbCookieSessionPersistenceConfig, OciIngressTarget.Ingress),
        new(SessionPersistenceConfig, OciIngressTarget.Ingress),
        new(Id, OciIngressTarget.IngressClass),
        new(WafPolicyOcid, OciIngressTarget.IngressClass),
        new(NetworkSecurityGroupIds, OciIngressTarget.IngressClass),
        new(DeleteProtectionEnabled, OciIngressTarget.IngressClass),
        new(DefinedTags, OciIngressTarget.IngressClass),
        new(FreeformTags, OciIngressTarget.IngressClass),
        new(FirewallId, OciIngressTarget.ControllerOutput),
        new(ImplicitDefaultTags, OciIngressTarget.ControllerOutput),
    ];

    /// <summary>The keys that make up the health check of a backend set.</summary>
    public static readonly string[] HealthCheckKeys =
    [
        HealthCheckProtocol, HealthCheckPort, HealthCheckPath, HealthCheckIntervalMilliseconds, HealthCheckTimeoutMilliseconds,
        HealthCheckRetries, HealthCheckReturnCode, HealthCheckResponseRegex, HealthCheckForcePlaintext,
    ];

    /// <summary>The health-check keys read only by an HTTP check.</summary>
    public static readonly string[] HttpOnlyHealthCheckKeys = [HealthCheckPath, HealthCheckReturnCode, HealthCheckResponseRegex, HealthCheckForcePlaintext];

    private static readonly Dictionary<string, OciIngressAnnotationInfo> ByKey = All.ToDictionary(a => a.Key, StringComparer.Ordinal);

    /// <summary>Wrong keys seen in the wild, and the key each was meant to be.</summary>
    private static readonly Dictionary<string, string> KnownMistakes = new(StringComparer.Ordinal)
    {
        [Prefix + "waf-policy-id"] = WafPolicyOcid,
        [Prefix + "waf-policy"] = WafPolicyOcid,
        [Prefix + "waf-ocid"] = WafPolicyOcid,
        [Prefix + "certificate-id"] = CertificateOcid,
        [Prefix + "network-security-groups"] = NetworkSecurityGroupIds,
        [Prefix + "nsg-ids"] = NetworkSecurityGroupIds,
        [Prefix + "healthcheck-interval"] = HealthCheckIntervalMilliseconds,
        [Prefix + "healthcheck-timeout"] = HealthCheckTimeoutMilliseconds,
        [Prefix + "load-balancer-id"] = Id,
        [Prefix + "backend-tls"] = BackendTlsEnabled,
    };

    public static OciIngressAnnotationInfo? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The key an unknown key in the controller's space was most likely meant to be, or <c>null</c>.</summary>
    public static string? Nearest(string key)
    {
        if (KnownMistakes.TryGetValue(key, out var known)) return known;
        var name = Name(key);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var info in All)
        {
            if (info.Target == OciIngressTarget.ControllerOutput) continue;
            var distance = Validation.NearMatch.Distance(name, Name(info.Key));
            if (distance < bestDistance)
            {
                best = info.Key;
                bestDistance = distance;
            }
        }
        if (best is null) return null;
        var budget = Math.Max(1, Math.Min(name.Length, Name(best).Length) / 3);
        return bestDistance <= budget ? best : null;
    }

    private static string Name(string key)
    {
        var slash = key.IndexOf('/');
        return (slash >= 0 ? key[(slash + 1)..] : key).ToLowerInvariant().Replace("health-check", "healthcheck", StringComparison.Ordinal);
    }
}
