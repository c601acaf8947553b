using System.Globalization;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Core;
using static OkeGitOps.Manifests.Oci.OciAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// Typed settings for an OCI Network Load Balancer (<c>nlb</c>) in front of a Service: one property per annotation
/// the CCM reads for an NLB. Start from <see cref="OciNetworkLoadBalancer.Internal"/> or
/// <see cref="OciNetworkLoadBalancer.Public"/>; each <c>With…</c> returns a new instance and throws
/// <see cref="ManifestValidationException"/> at once for a value the CCM would reject.
/// </summary>
public sealed record OciNetworkLoadBalancerSettings
{
    internal OciNetworkLoadBalancerSettings(bool isInternal) => IsInternal = isInternal;

    /// <summary>A private NLB. Fixed at creation.</summary>
    public bool IsInternal { get; init; }

    /// <summary>The one subnet OCID.</summary>
    public string? Subnet { get; init; }

    /// <summary>NSG OCIDs attached to the NLB (at most 5).</summary>
    public EquatableArray<string>? NetworkSecurityGroups { get; init; }

    /// <summary>How security lists are managed (the CCM default for an NLB is None).</summary>
    public OciSecurityListMode? SecurityListManagementMode { get; init; }

    /// <summary>Which security rules are managed; wins over <see cref="SecurityListManagementMode"/>.</summary>
    public OciSecurityRuleMode? SecurityRuleManagementMode { get; init; }

    /// <summary>NSG OCIDs of the backends, given rules when the rule mode is NSG.</summary>
    public EquatableArray<string>? BackendNetworkSecurityGroups { get; init; }

    /// <summary>How flows are hashed onto backends.</summary>
    public OciNlbBackendPolicy? BackendPolicy { get; init; }

    /// <summary>Health-check retries.</summary>
    public int? HealthCheckRetries { get; init; }

    /// <summary>Health-check interval in milliseconds (10000..1800000).</summary>
    public int? HealthCheckIntervalMilliseconds { get; init; }

    /// <summary>Health-check timeout in milliseconds.</summary>
    public int? HealthCheckTimeoutMilliseconds { get; init; }

    /// <summary>Keep the client source address; needs <c>spec.externalTrafficPolicy: Local</c>.</summary>
    public bool? PreserveSource { get; init; }

    /// <summary>Proxy Protocol v2 on the listeners.</summary>
    public bool? ProxyProtocolV2 { get; init; }

    /// <summary>Report only the public IP in the Service status (public NLBs).</summary>
    public bool? ExternalIpOnly { get; init; }

    /// <summary>Label selector restricting the backend nodes.</summary>
    public string? NodeLabelSelector { get; init; }

    /// <summary>Defined tags set at creation: namespace → key → value.</summary>
    public EquatableMap<EquatableMap<string>>? DefinedTags { get; init; }

    /// <summary>Freeform tags set at creation.</summary>
    public EquatableMap<string>? FreeformTags { get; init; }

    /// <summary>The private IPv4 address to use inside the subnet.</summary>
    public string? AssignedPrivateIPv4 { get; init; }

    /// <summary>The IPv6 address to use inside the subnet.</summary>
    public string? AssignedIPv6 { get; init; }

    /// <summary>The ingress IP mode reported in the Service status.</summary>
    public OciIngressIpMode? IngressIpMode { get; init; }

    /// <summary>ServiceAccount whose Workload Identity the CCM uses for this NLB.</summary>
    public string? WorkloadServiceAccount { get; init; }

    /// <summary>Compartment OCID to create the NLB in.</summary>
    public string? CompartmentId { get; init; }

    /// <summary>Returns a copy in the given subnet.</summary>
    public OciNetworkLoadBalancerSettings WithSubnet(string subnetOcid) => Checked(this with { Subnet = subnetOcid });

    /// <summary>Returns a copy with these NSGs attached (at most 5).</summary>
    public OciNetworkLoadBalancerSettings WithNetworkSecurityGroups(params string[] nsgOcids) => Checked(this with { NetworkSecurityGroups = EquatableArray<string>.Empty.AddRange(nsgOcids) });

    /// <summary>Returns a copy with the security-list management mode (must stay None when the Service has UDP ports).</summary>
    public OciNetworkLoadBalancerSettings WithSecurityListManagementMode(OciSecurityListMode mode) => Checked(this with { SecurityListManagementMode = mode });

    /// <summary>Returns a copy with the security-rule management mode.</summary>
    public OciNetworkLoadBalancerSettings WithSecurityRuleManagementMode(OciSecurityRuleMode mode) => Checked(this with { SecurityRuleManagementMode = mode });

    /// <summary>Returns a copy with these backend NSGs (used with <see cref="OciSecurityRuleMode.Nsg"/>).</summary>
    public OciNetworkLoadBalancerSettings WithBackendNetworkSecurityGroups(params string[] nsgOcids) => Checked(this with { BackendNetworkSecurityGroups = EquatableArray<string>.Empty.AddRange(nsgOcids) });

    /// <summary>Returns a copy with the backend policy.</summary>
    public OciNetworkLoadBalancerSettings WithBackendPolicy(OciNlbBackendPolicy policy) => Checked(this with { BackendPolicy = policy });

    /// <summary>Returns a copy with the given health-check settings; arguments left <c>null</c> keep their current value.</summary>
    public OciNetworkLoadBalancerSettings WithHealthCheck(int? retries = null, int? intervalMilliseconds = null, int? timeoutMilliseconds = null)
        => Checked(this with
        {
            HealthCheckRetries = retries ?? HealthCheckRetries,
            HealthCheckIntervalMilliseconds = intervalMilliseconds ?? HealthCheckIntervalMilliseconds,
            HealthCheckTimeoutMilliseconds = timeoutMilliseconds ?? HealthCheckTimeoutMilliseconds,
        });

    /// <summary>Returns a copy that keeps (or explicitly drops) the client source address; true needs <c>externalTrafficPolicy: Local</c>.</summary>
    public OciNetworkLoadBalancerSettings WithPreserveSource(bool preserve = true) => Checked(this with { PreserveSource = preserve });

    /// <summary>Returns a copy with Proxy Protocol v2 on or off.</summary>
    public OciNetworkLoadBalancerSettings WithProxyProtocolV2(bool enabled = true) => Checked(this with { ProxyProtocolV2 = enabled });

    /// <summary>Returns a copy reporting only the public IP in the Service status.</summary>
    public OciNetworkLoadBalancerSettings WithExternalIpOnly(bool only = true) => Checked(this with { ExternalIpOnly = only });

    /// <summary>Returns a copy whose backends are only the nodes matching <paramref name="selector"/>.</summary>
    public OciNetworkLoadBalancerSettings WithNodeLabelSelector(string selector) => Checked(this with { NodeLabelSelector = selector });

    /// <summary>Returns a copy with one more defined tag.</summary>
    public OciNetworkLoadBalancerSettings WithDefinedTag(string tagNamespace, string key, string value)
        => Checked(this with { DefinedTags = OciTags.AddDefined(DefinedTags, tagNamespace, key, value) });

    /// <summary>Returns a copy with one more freeform tag.</summary>
    public OciNetworkLoadBalancerSettings WithFreeformTag(string key, string value)
        => Checked(this with { FreeformTags = (FreeformTags ?? EquatableMap<string>.Empty).SetItem(key, value) });

    /// <summary>Returns a copy with a fixed private IPv4 address.</summary>
    public OciNetworkLoadBalancerSettings WithAssignedPrivateIPv4(string address) => Checked(this with { AssignedPrivateIPv4 = address });

    /// <summary>Returns a copy with a fixed IPv6 address.</summary>
    public OciNetworkLoadBalancerSettings WithAssignedIPv6(string address) => Checked(this with { AssignedIPv6 = address });

    /// <summary>Returns a copy with the ingress IP mode.</summary>
    public OciNetworkLoadBalancerSettings WithIngressIpMode(OciIngressIpMode mode) => Checked(this with { IngressIpMode = mode });

    /// <summary>Returns a copy that has the CCM act with the Workload Identity of this ServiceAccount.</summary>
    public OciNetworkLoadBalancerSettings WithWorkloadServiceAccount(string serviceAccount) => Checked(this with { WorkloadServiceAccount = serviceAccount });

    /// <summary>Returns a copy created in the given compartment.</summary>
    public OciNetworkLoadBalancerSettings WithCompartment(string compartmentOcid) => Checked(this with { CompartmentId = compartmentOcid });

    /// <summary>The annotations these settings stand for, keyed and valued exactly as the CCM reads them.</summary>
    public EquatableMap<string> ToAnnotations()
    {
        var a = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LoadBalancerType] = OciApiValues.Of(OciLoadBalancerKind.Nlb),
            [NlbInternal] = Bool(IsInternal),
        };
        if (Subnet is { } subnet) a[NlbSubnet] = subnet;
        if (NetworkSecurityGroups is { } nsgs) a[NlbNetworkSecurityGroups] = string.Join(",", nsgs);
        if (SecurityListManagementMode is { } sl) a[NlbSecurityListManagementMode] = OciApiValues.Of(sl);
        if (SecurityRuleManagementMode is { } sr) a[OciAnnotations.SecurityRuleManagementMode] = OciApiValues.Of(sr);
        if (BackendNetworkSecurityGroups is { } bnsgs) a[OciAnnotations.BackendNetworkSecurityGroups] = string.Join(",", bnsgs);
        if (BackendPolicy is { } bp) a[NlbBackendPolicy] = OciApiValues.Of(bp);
        if (HealthCheckRetries is { } r) a[NlbHealthCheckRetries] = Int(r);
        if (HealthCheckIntervalMilliseconds is { } i) a[NlbHealthCheckInterval] = Int(i);
        if (HealthCheckTimeoutMilliseconds is { } t) a[NlbHealthCheckTimeout] = Int(t);
        if (PreserveSource is { } ps) a[NlbIsPreserveSource] = Bool(ps);
        if (ProxyProtocolV2 is { } ppv2) a[NlbIsPpv2Enabled] = Bool(ppv2);
        if (ExternalIpOnly is { } eio) a[NlbExternalIpOnly] = Bool(eio);
        if (NodeLabelSelector is { } sel) a[NlbNodeLabelSelector] = sel;
        if (DefinedTags is { } dt) a[NlbInitialDefinedTagsOverride] = OciTags.DefinedJson(dt);
        if (FreeformTags is { } ft) a[NlbInitialFreeformTagsOverride] = OciTags.FreeformJson(ft);
        if (AssignedPrivateIPv4 is { } v4) a[NlbAssignedPrivateIPv4] = v4;
        if (AssignedIPv6 is { } v6) a[NlbAssignedIPv6] = v6;
        if (IngressIpMode is { } mode) a[OciAnnotations.IngressIpMode] = OciApiValues.Of(mode);
        if (WorkloadServiceAccount is { } sa) a[OciAnnotations.WorkloadServiceAccount] = sa;
        if (CompartmentId is { } c) a[OciAnnotations.CompartmentId] = c;
        return EquatableMap<string>.Create(a);
    }

    /// <summary>
    /// Returns <paramref name="service"/> with these settings: every earlier OCI load-balancer annotation replaced by
    /// <see cref="ToAnnotations"/>, and <c>spec.type: LoadBalancer</c>. The result is checked with <see cref="OciServiceLint"/>,
    /// so set <c>externalTrafficPolicy</c> and the ports first.
    /// </summary>
    /// <exception cref="ManifestValidationException">The Service breaks a rule of the CCM (e.g. preserve-source without Local).</exception>
    public Service ApplyTo(Service service) => OciServiceApply.Apply(service, ToAnnotations());

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static OciNetworkLoadBalancerSettings Checked(OciNetworkLoadBalancerSettings next)
    {
        OciServiceApply.ThrowIfErrors(OciServiceLint.CheckAnnotations(next.ToAnnotations()));
        return next;
    }
}
