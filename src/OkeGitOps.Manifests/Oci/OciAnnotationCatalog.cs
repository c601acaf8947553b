using static OkeGitOps.Manifests.Oci.OciAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>Which load-balancer kind reads an annotation.</summary>
internal enum OciScope
{
    Both,
    Lb,
    Nlb,
}

/// <summary>One annotation the CCM reads.</summary>
/// <param name="Key">The key.</param>
/// <param name="Scope">Which kind reads it.</param>
/// <param name="Counterpart">The key with the same meaning for the other kind, if there is one.</param>
internal sealed record OciAnnotationInfo(string Key, OciScope Scope, string? Counterpart = null);

/// <summary>
/// Every annotation key of the facts table (CCM v1.35.0), with the kind that reads it, and the known wrong spellings
/// that circulate in articles, mapped to the keys they were meant to be.
/// </summary>
internal static class OciAnnotationCatalog
{
    public const string WafAdvice = "the CCM has no WAF annotation; attach WAF via the OCI Native Ingress controller or outside Kubernetes";

    public static readonly OciAnnotationInfo[] All =
    [
        new(LoadBalancerType, OciScope.Both),
        new(Internal, OciScope.Lb, NlbInternal),
        new(Shape, OciScope.Lb),
        new(ShapeFlexMin, OciScope.Lb),
        new(ShapeFlexMax, OciScope.Lb),
        new(Subnet1, OciScope.Lb, NlbSubnet),
        new(Subnet2, OciScope.Lb, NlbSubnet),
        new(SecurityListManagementMode, OciScope.Lb, NlbSecurityListManagementMode),
        new(SecurityRuleManagementMode, OciScope.Both),
        new(BackendNetworkSecurityGroups, OciScope.Both),
        new(NetworkSecurityGroups, OciScope.Lb, NlbNetworkSecurityGroups),
        new(BackendProtocol, OciScope.Lb),
        new(SslPorts, OciScope.Lb),
        new(TlsSecret, OciScope.Lb),
        new(TlsBackendSetSecret, OciScope.Lb),
        new(ListenerSslConfig, OciScope.Lb),
        new(BackendSetSslConfig, OciScope.Lb),
        new(ConnectionIdleTimeout, OciScope.Lb),
        new(ConnectionProxyProtocolVersion, OciScope.Lb, NlbIsPpv2Enabled),
        new(HealthCheckRetries, OciScope.Lb, NlbHealthCheckRetries),
        new(HealthCheckInterval, OciScope.Lb, NlbHealthCheckInterval),
        new(HealthCheckTimeout, OciScope.Lb, NlbHealthCheckTimeout),
        new(Policy, OciScope.Lb, NlbBackendPolicy),
        new(InitialDefinedTagsOverride, OciScope.Lb, NlbInitialDefinedTagsOverride),
        new(InitialFreeformTagsOverride, OciScope.Lb, NlbInitialFreeformTagsOverride),
        new(NodeLabelSelector, OciScope.Lb, NlbNodeLabelSelector),
        new(RuleSets, OciScope.Lb),
        new(IngressIpMode, OciScope.Both),
        new(WorkloadServiceAccount, OciScope.Both),
        new(CompartmentId, OciScope.Both),
        new(NlbInternal, OciScope.Nlb, Internal),
        new(NlbSubnet, OciScope.Nlb, Subnet1),
        new(NlbNetworkSecurityGroups, OciScope.Nlb, NetworkSecurityGroups),
        new(NlbSecurityListManagementMode, OciScope.Nlb, SecurityListManagementMode),
        new(NlbBackendPolicy, OciScope.Nlb, Policy),
        new(NlbHealthCheckRetries, OciScope.Nlb, HealthCheckRetries),
        new(NlbHealthCheckInterval, OciScope.Nlb, HealthCheckInterval),
        new(NlbHealthCheckTimeout, OciScope.Nlb, HealthCheckTimeout),
        new(NlbIsPreserveSource, OciScope.Nlb),
        new(NlbIsPpv2Enabled, OciScope.Nlb, ConnectionProxyProtocolVersion),
        new(NlbExternalIpOnly, OciScope.Nlb),
        new(NlbNodeLabelSelector, OciScope.Nlb, NodeLabelSelector),
        new(NlbInitialDefinedTagsOverride, OciScope.Nlb, InitialDefinedTagsOverride),
        new(NlbInitialFreeformTagsOverride, OciScope.Nlb, InitialFreeformTagsOverride),
        new(NlbDefinedTags, OciScope.Nlb, InitialDefinedTagsOverride),
        new(NlbFreeformTags, OciScope.Nlb, InitialFreeformTagsOverride),
        new(NlbAssignedPrivateIPv4, OciScope.Nlb),
        new(NlbAssignedIPv6, OciScope.Nlb),
    ];

    private static readonly Dictionary<string, OciAnnotationInfo> ByKey = All.ToDictionary(a => a.Key, StringComparer.Ordinal);

    /// <summary>Wrong keys seen in the wild, and the key each was meant to be.</summary>
    private static readonly Dictionary<string, string> KnownMistakes = new(StringComparer.Ordinal)
    {
        ["oci.oraclecloud.com/load-balancer-is-internal"] = Internal,
        ["oci.oraclecloud.com/load-balancer-internal"] = Internal,
        ["oci.oraclecloud.com/internal"] = Internal,
        ["service.beta.kubernetes.io/oci-load-balancer-is-internal"] = Internal,
        ["oci.oraclecloud.com/load-balancer-shape"] = Shape,
        ["oci.oraclecloud.com/load-balancer-shape-min-bandwidth"] = ShapeFlexMin,
        ["oci.oraclecloud.com/load-balancer-shape-max-bandwidth"] = ShapeFlexMax,
        ["service.beta.kubernetes.io/oci-load-balancer-shape-min-bandwidth"] = ShapeFlexMin,
        ["service.beta.kubernetes.io/oci-load-balancer-shape-max-bandwidth"] = ShapeFlexMax,
        ["oci.oraclecloud.com/load-balancer-shape-flex-min"] = ShapeFlexMin,
        ["oci.oraclecloud.com/load-balancer-shape-flex-max"] = ShapeFlexMax,
        ["oci.oraclecloud.com/oci-load-balancer-backendset-ssl-config\""] = BackendSetSslConfig,
        ["service.beta.kubernetes.io/oci-load-balancer-policy"] = Policy,
        ["oci.oraclecloud.com/load-balancer-policy"] = Policy,
    };

    public static OciAnnotationInfo? Find(string key) => ByKey.GetValueOrDefault(key);

    public static bool IsWafKey(string key) => key.Contains("waf", StringComparison.OrdinalIgnoreCase);

    /// <summary>The key an unknown key was most likely meant to be, preferring keys of <paramref name="kind"/>; or <c>null</c>.</summary>
    public static string? Nearest(string key, OciLoadBalancerKind kind)
    {
        if (KnownMistakes.TryGetValue(key, out var known)) return known;
        var name = Normalize(key);
        string? best = null;
        var bestScore = int.MaxValue;
        foreach (var info in All)
        {
            var distance = Validation.NearMatch.Distance(name, Normalize(info.Key));
            // Prefer a key the Service's kind reads, then the key closest as written.
            var applies = info.Scope == OciScope.Both || (info.Scope == OciScope.Lb) == (kind == OciLoadBalancerKind.Lb);
            var score = (distance * 4) + (applies ? 0 : 2);
            if (score < bestScore || (score == bestScore && Validation.NearMatch.Distance(key, info.Key) < Validation.NearMatch.Distance(key, best!)))
            {
                best = info.Key;
                bestScore = score;
            }
        }
        if (best is null) return null;
        var budget = Math.Max(1, Math.Min(name.Length, Normalize(best).Length) / 3);
        return bestScore / 4 <= budget ? best : null;
    }

    /// <summary>The part of a key that carries its meaning: no domain, no <c>oci-</c>, no <c>load-balancer-</c>.</summary>
    private static string Normalize(string key)
    {
        var slash = key.IndexOf('/');
        var name = (slash >= 0 ? key[(slash + 1)..] : key).ToLowerInvariant();
        foreach (var prefix in (ReadOnlySpan<string>)["oci-", "network-load-balancer-", "load-balancer-", "loadbalancer-"])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)) name = name[prefix.Length..];
        }
        return name;
    }
}
