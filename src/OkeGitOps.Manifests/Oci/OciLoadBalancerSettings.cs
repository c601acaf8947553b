using System.Globalization;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Core;
using static OkeGitOps.Manifests.Oci.OciAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// Typed settings for an OCI Load Balancer (<c>lb</c>) in front of a Service: one property per annotation the CCM
/// reads. Start from <see cref="OciLoadBalancer.Internal"/> or <see cref="OciLoadBalancer.Public"/>; each <c>With…</c>
/// returns a new instance and throws <see cref="ManifestValidationException"/> at once for a value the CCM would
/// reject. <see cref="ApplyTo"/> writes the annotations onto a Service and checks the whole Service.
/// </summary>
public sealed record OciLoadBalancerSettings
{
    internal OciLoadBalancerSettings(bool isInternal) => IsInternal = isInternal;

    /// <summary>A private load balancer, reachable only inside the VCN (and over VPN/FastConnect). Fixed at creation.</summary>
    public bool IsInternal { get; init; }

    /// <summary>The shape; unset means the CCM default (fixed 100Mbps).</summary>
    public OciLoadBalancerShape? Shape { get; init; }

    /// <summary>The first (or only, if regional) subnet OCID.</summary>
    public string? Subnet1 { get; init; }

    /// <summary>The second AD-specific subnet OCID (public load balancers only).</summary>
    public string? Subnet2 { get; init; }

    /// <summary>How security lists are managed.</summary>
    public OciSecurityListMode? SecurityListManagementMode { get; init; }

    /// <summary>Which security rules are managed; wins over <see cref="SecurityListManagementMode"/>.</summary>
    public OciSecurityRuleMode? SecurityRuleManagementMode { get; init; }

    /// <summary>NSG OCIDs attached to the load balancer (at most 5).</summary>
    public EquatableArray<string>? NetworkSecurityGroups { get; init; }

    /// <summary>NSG OCIDs of the backends, given rules when the rule mode is NSG.</summary>
    public EquatableArray<string>? BackendNetworkSecurityGroups { get; init; }

    /// <summary>The listener protocol for every port.</summary>
    public OciBackendProtocol? BackendProtocol { get; init; }

    /// <summary>Ports whose listeners terminate TLS.</summary>
    public EquatableArray<int>? SslPorts { get; init; }

    /// <summary>The listener certificate Secret, <c>name</c> or <c>namespace/name</c>.</summary>
    public string? TlsSecret { get; init; }

    /// <summary>The Secret for TLS to the backends, <c>name</c> or <c>namespace/name</c>.</summary>
    public string? TlsBackendSetSecret { get; init; }

    /// <summary>Cipher suite and TLS versions of the SSL listeners.</summary>
    public OciSslConfig? ListenerSslConfig { get; init; }

    /// <summary>Cipher suite and TLS versions towards the backends.</summary>
    public OciSslConfig? BackendSetSslConfig { get; init; }

    /// <summary>Idle timeout in seconds.</summary>
    public int? ConnectionIdleTimeoutSeconds { get; init; }

    /// <summary>Proxy protocol version (1 or 2).</summary>
    public int? ProxyProtocolVersion { get; init; }

    /// <summary>Health-check retries.</summary>
    public int? HealthCheckRetries { get; init; }

    /// <summary>Health-check interval in milliseconds (1000..1800000).</summary>
    public int? HealthCheckIntervalMilliseconds { get; init; }

    /// <summary>Health-check timeout in milliseconds.</summary>
    public int? HealthCheckTimeoutMilliseconds { get; init; }

    /// <summary>The load-balancing policy.</summary>
    public OciLoadBalancerPolicy? Policy { get; init; }

    /// <summary>Defined tags set at creation: namespace → key → value.</summary>
    public EquatableMap<EquatableMap<string>>? DefinedTags { get; init; }

    /// <summary>Freeform tags set at creation.</summary>
    public EquatableMap<string>? FreeformTags { get; init; }

    /// <summary>Label selector restricting the backend nodes, e.g. <c>pool=web</c>.</summary>
    public string? NodeLabelSelector { get; init; }

    /// <summary>Rule sets as JSON: rule-set name → OCI RuleSetDetails (<c>{"items": [...]}</c>).</summary>
    public string? RuleSetsJson { get; init; }

    /// <summary>The ingress IP mode reported in the Service status.</summary>
    public OciIngressIpMode? IngressIpMode { get; init; }

    /// <summary>ServiceAccount whose Workload Identity the CCM uses for this load balancer.</summary>
    public string? WorkloadServiceAccount { get; init; }

    /// <summary>Compartment OCID to create the load balancer in.</summary>
    public string? CompartmentId { get; init; }

    /// <summary>Returns a copy with a flexible shape between <paramref name="minMbps"/> and <paramref name="maxMbps"/> (10..8000, min ≤ max).</summary>
    public OciLoadBalancerSettings FlexibleShape(int minMbps, int maxMbps) => Checked(this with { Shape = OciLoadBalancerShape.Flexible(minMbps, maxMbps) });

    /// <summary>Returns a copy with a legacy fixed shape.</summary>
    public OciLoadBalancerSettings FixedShape(OciFixedShape shape) => Checked(this with { Shape = OciLoadBalancerShape.Fixed(shape) });

    /// <summary>Returns a copy in the given subnet(s); <paramref name="subnet2"/> only for AD-specific subnets of a public load balancer.</summary>
    public OciLoadBalancerSettings WithSubnets(string subnet1, string? subnet2 = null) => Checked(this with { Subnet1 = subnet1, Subnet2 = subnet2 });

    /// <summary>Returns a copy with the security-list management mode.</summary>
    public OciLoadBalancerSettings WithSecurityListManagementMode(OciSecurityListMode mode) => Checked(this with { SecurityListManagementMode = mode });

    /// <summary>Returns a copy with the security-rule management mode.</summary>
    public OciLoadBalancerSettings WithSecurityRuleManagementMode(OciSecurityRuleMode mode) => Checked(this with { SecurityRuleManagementMode = mode });

    /// <summary>Returns a copy with these NSGs attached to the load balancer (at most 5).</summary>
    public OciLoadBalancerSettings WithNetworkSecurityGroups(params string[] nsgOcids) => Checked(this with { NetworkSecurityGroups = EquatableArray<string>.Empty.AddRange(nsgOcids) });

    /// <summary>Returns a copy with these backend NSGs (used with <see cref="OciSecurityRuleMode.Nsg"/>).</summary>
    public OciLoadBalancerSettings WithBackendNetworkSecurityGroups(params string[] nsgOcids) => Checked(this with { BackendNetworkSecurityGroups = EquatableArray<string>.Empty.AddRange(nsgOcids) });

    /// <summary>Returns a copy with the listener protocol. GRPC also needs <see cref="WithSsl"/>.</summary>
    public OciLoadBalancerSettings WithBackendProtocol(OciBackendProtocol protocol) => Checked(this with { BackendProtocol = protocol });

    /// <summary>Returns a copy terminating TLS on <paramref name="ports"/> with the certificate in Secret <paramref name="tlsSecret"/>
    /// (<c>name</c> or <c>namespace/name</c>, holding <c>tls.crt</c> and <c>tls.key</c>).</summary>
    public OciLoadBalancerSettings WithSsl(string tlsSecret, params int[] ports) => Checked(this with { TlsSecret = tlsSecret, SslPorts = EquatableArray<int>.Empty.AddRange(ports) });

    /// <summary>Returns a copy with TLS ports only (the certificate set with <see cref="WithTlsSecret"/>).</summary>
    public OciLoadBalancerSettings WithSslPorts(params int[] ports) => Checked(this with { SslPorts = EquatableArray<int>.Empty.AddRange(ports) });

    /// <summary>Returns a copy with the listener certificate Secret.</summary>
    public OciLoadBalancerSettings WithTlsSecret(string secret) => Checked(this with { TlsSecret = secret });

    /// <summary>Returns a copy with the backend TLS Secret (health checks then run in plain text).</summary>
    public OciLoadBalancerSettings WithTlsBackendSetSecret(string secret) => Checked(this with { TlsBackendSetSecret = secret });

    /// <summary>Returns a copy with the listener SSL configuration.</summary>
    public OciLoadBalancerSettings WithListenerSslConfig(OciSslConfig config) => Checked(this with { ListenerSslConfig = config });

    /// <summary>Returns a copy with the backend-set SSL configuration.</summary>
    public OciLoadBalancerSettings WithBackendSetSslConfig(OciSslConfig config) => Checked(this with { BackendSetSslConfig = config });

    /// <summary>Returns a copy with the idle timeout in seconds.</summary>
    public OciLoadBalancerSettings WithConnectionIdleTimeout(int seconds) => Checked(this with { ConnectionIdleTimeoutSeconds = seconds });

    /// <summary>Returns a copy with the proxy protocol version (1 or 2).</summary>
    public OciLoadBalancerSettings WithProxyProtocolVersion(int version) => Checked(this with { ProxyProtocolVersion = version });

    /// <summary>Returns a copy with the given health-check settings; arguments left <c>null</c> keep their current value.</summary>
    public OciLoadBalancerSettings WithHealthCheck(int? retries = null, int? intervalMilliseconds = null, int? timeoutMilliseconds = null)
        => Checked(this with
        {
            HealthCheckRetries = retries ?? HealthCheckRetries,
            HealthCheckIntervalMilliseconds = intervalMilliseconds ?? HealthCheckIntervalMilliseconds,
            HealthCheckTimeoutMilliseconds = timeoutMilliseconds ?? HealthCheckTimeoutMilliseconds,
        });

    /// <summary>Returns a copy with the load-balancing policy.</summary>
    public OciLoadBalancerSettings WithPolicy(OciLoadBalancerPolicy policy) => Checked(this with { Policy = policy });

    /// <summary>Returns a copy with one more defined tag.</summary>
    public OciLoadBalancerSettings WithDefinedTag(string tagNamespace, string key, string value)
        => Checked(this with { DefinedTags = OciTags.AddDefined(DefinedTags, tagNamespace, key, value) });

    /// <summary>Returns a copy with one more freeform tag.</summary>
    public OciLoadBalancerSettings WithFreeformTag(string key, string value)
        => Checked(this with { FreeformTags = (FreeformTags ?? EquatableMap<string>.Empty).SetItem(key, value) });

    /// <summary>Returns a copy whose backends are only the nodes matching <paramref name="selector"/> (e.g. <c>pool=web,env!=dev</c>).</summary>
    public OciLoadBalancerSettings WithNodeLabelSelector(string selector) => Checked(this with { NodeLabelSelector = selector });

    /// <summary>Returns a copy with rule sets, as JSON: rule-set name → <c>{"items": [...]}</c>.</summary>
    public OciLoadBalancerSettings WithRuleSets(string json) => Checked(this with { RuleSetsJson = json });

    /// <summary>Returns a copy with the ingress IP mode.</summary>
    public OciLoadBalancerSettings WithIngressIpMode(OciIngressIpMode mode) => Checked(this with { IngressIpMode = mode });

    /// <summary>Returns a copy that has the CCM act with the Workload Identity of this ServiceAccount (in the Service's namespace).</summary>
    public OciLoadBalancerSettings WithWorkloadServiceAccount(string serviceAccount) => Checked(this with { WorkloadServiceAccount = serviceAccount });

    /// <summary>Returns a copy created in the given compartment.</summary>
    public OciLoadBalancerSettings WithCompartment(string compartmentOcid) => Checked(this with { CompartmentId = compartmentOcid });

    /// <summary>The annotations these settings stand for, keyed and valued exactly as the CCM reads them.</summary>
    public EquatableMap<string> ToAnnotations()
    {
        var a = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LoadBalancerType] = OciApiValues.Of(OciLoadBalancerKind.Lb),
            [Internal] = IsInternal ? "true" : "false",
        };
        if (Shape is { } shape)
        {
            a[OciAnnotations.Shape] = shape.Name;
            if (shape.MinMbps is { } min) a[ShapeFlexMin] = Int(min);
            if (shape.MaxMbps is { } max) a[ShapeFlexMax] = Int(max);
        }
        Set(a, OciAnnotations.Subnet1, Subnet1);
        Set(a, OciAnnotations.Subnet2, Subnet2);
        if (SecurityListManagementMode is { } sl) a[OciAnnotations.SecurityListManagementMode] = OciApiValues.Of(sl);
        if (SecurityRuleManagementMode is { } sr) a[OciAnnotations.SecurityRuleManagementMode] = OciApiValues.Of(sr);
        if (NetworkSecurityGroups is { } nsgs) a[OciAnnotations.NetworkSecurityGroups] = string.Join(",", nsgs);
        if (BackendNetworkSecurityGroups is { } bnsgs) a[OciAnnotations.BackendNetworkSecurityGroups] = string.Join(",", bnsgs);
        if (BackendProtocol is { } bp) a[OciAnnotations.BackendProtocol] = OciApiValues.Of(bp);
        if (SslPorts is { } ports) a[OciAnnotations.SslPorts] = string.Join(",", ports.Select(Int));
        Set(a, OciAnnotations.TlsSecret, TlsSecret);
        Set(a, OciAnnotations.TlsBackendSetSecret, TlsBackendSetSecret);
        if (ListenerSslConfig is { } lsc) a[OciAnnotations.ListenerSslConfig] = lsc.ToJson();
        if (BackendSetSslConfig is { } bsc) a[OciAnnotations.BackendSetSslConfig] = bsc.ToJson();
        if (ConnectionIdleTimeoutSeconds is { } idle) a[ConnectionIdleTimeout] = Int(idle);
        if (ProxyProtocolVersion is { } ppv) a[ConnectionProxyProtocolVersion] = Int(ppv);
        if (HealthCheckRetries is { } r) a[OciAnnotations.HealthCheckRetries] = Int(r);
        if (HealthCheckIntervalMilliseconds is { } i) a[HealthCheckInterval] = Int(i);
        if (HealthCheckTimeoutMilliseconds is { } t) a[HealthCheckTimeout] = Int(t);
        if (Policy is { } p) a[OciAnnotations.Policy] = OciApiValues.Of(p);
        if (DefinedTags is { } dt) a[InitialDefinedTagsOverride] = OciTags.DefinedJson(dt);
        if (FreeformTags is { } ft) a[InitialFreeformTagsOverride] = OciTags.FreeformJson(ft);
        Set(a, OciAnnotations.NodeLabelSelector, NodeLabelSelector);
        Set(a, RuleSets, RuleSetsJson);
        if (IngressIpMode is { } mode) a[OciAnnotations.IngressIpMode] = OciApiValues.Of(mode);
        Set(a, OciAnnotations.WorkloadServiceAccount, WorkloadServiceAccount);
        Set(a, OciAnnotations.CompartmentId, CompartmentId);
        return EquatableMap<string>.Create(a);
    }

    /// <summary>
    /// Returns <paramref name="service"/> with these settings: every earlier OCI load-balancer annotation replaced by
    /// <see cref="ToAnnotations"/>, and <c>spec.type: LoadBalancer</c>. The result is checked with <see cref="OciServiceLint"/>.
    /// </summary>
    /// <exception cref="ManifestValidationException">The Service breaks a rule of the CCM (e.g. GRPC without TLS, UDP ports, ClientIP affinity).</exception>
    public Service ApplyTo(Service service) => OciServiceApply.Apply(service, ToAnnotations());

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Set(Dictionary<string, string> a, string key, string? value)
    {
        if (value is not null) a[key] = value;
    }

    private static OciLoadBalancerSettings Checked(OciLoadBalancerSettings next)
    {
        OciServiceApply.ThrowIfErrors(OciServiceLint.CheckAnnotations(next.ToAnnotations()));
        return next;
    }
}
