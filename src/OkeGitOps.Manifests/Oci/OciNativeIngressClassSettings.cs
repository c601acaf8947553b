using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Tree;
using static OkeGitOps.Manifests.Oci.OciNativeIngressAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// Typed settings for an IngressClass of the OCI native ingress controller and its IngressClassParameters: everything
/// about the one OCI load balancer the class stands for. Start from <see cref="OciNativeIngress.PrivateClass"/> or
/// <see cref="OciNativeIngress.PublicClass"/>; each <c>With…</c> returns a new instance and throws
/// <see cref="ManifestValidationException"/> at once for a value the controller or OCI would refuse.
/// <see cref="Build"/> makes the IngressClass (with <c>spec.parameters</c> written the way the controller looks it up)
/// and the IngressClassParameters.
/// </summary>
public sealed record OciNativeIngressClassSettings
{
    internal OciNativeIngressClassSettings(bool isPrivate) => IsPrivate = isPrivate;

    /// <summary>A private load balancer. Fixed at creation.</summary>
    public bool IsPrivate { get; init; }

    /// <summary>Lower bound of the flexible shape in Mbps (10..8000); the CRD default is 10.</summary>
    public int? MinBandwidthMbps { get; init; }

    /// <summary>Upper bound of the flexible shape in Mbps (10..8000, at least the minimum); the CRD default is 100.</summary>
    public int? MaxBandwidthMbps { get; init; }

    /// <summary>Compartment of the load balancer (and of the WAF firewall); unset means the controller's <c>--compartment-id</c>.</summary>
    public string? CompartmentId { get; init; }

    /// <summary>The load balancer's subnet; unset means the controller's <c>--subnet-id</c>.</summary>
    public string? SubnetId { get; init; }

    /// <summary>Display name of the load balancer; unset means <c>k8s-&lt;class name&gt;</c>.</summary>
    public string? LoadBalancerName { get; init; }

    /// <summary>A reserved public IP for a public load balancer, attached at creation.</summary>
    public string? ReservedPublicAddressId { get; init; }

    /// <summary>OCI WAF policy OCID; the controller creates a web app firewall with it on the load balancer.</summary>
    public string? WafPolicyOcid { get; init; }

    /// <summary>NSG OCIDs attached to the load balancer (at most 5), reconciled as a set.</summary>
    public EquatableArray<string>? NetworkSecurityGroupIds { get; init; }

    /// <summary>Defined tags of the load balancer: namespace → key → value.</summary>
    public EquatableMap<EquatableMap<string>>? DefinedTags { get; init; }

    /// <summary>Freeform tags of the load balancer.</summary>
    public EquatableMap<string>? FreeformTags { get; init; }

    /// <summary>When true, deleting the IngressClass keeps the load balancer (stripped of WAF, NSGs and tags) instead of deleting it.</summary>
    public bool? DeleteProtectionEnabled { get; init; }

    /// <summary>
    /// The OCID of an existing load balancer the class takes over instead of creating one. This is powerful and
    /// dangerous: the controller rewrites that load balancer's listeners, backend sets, NSGs, WAF and tags to match the
    /// class, and deletes it with the IngressClass unless delete protection is on. If the OCID is not found, the
    /// controller silently creates a new load balancer and overwrites the annotation. Use it only for a load balancer
    /// that belongs to this class alone.
    /// </summary>
    public string? LoadBalancerId { get; init; }

    /// <summary>The Workload Identity the controller acts with for this class; its ServiceAccount must live in the
    /// namespace of the IngressClassParameters, where the controller looks it up.</summary>
    public WorkloadIdentity? WorkloadIdentity { get; init; }

    /// <summary>Make this the cluster's default IngressClass.</summary>
    public bool IsDefaultClass { get; init; }

    /// <summary>Returns a copy with a flexible shape between <paramref name="minMbps"/> and <paramref name="maxMbps"/> (10..8000, min ≤ max).</summary>
    public OciNativeIngressClassSettings FlexibleBandwidth(int minMbps, int maxMbps) => Checked(this with { MinBandwidthMbps = minMbps, MaxBandwidthMbps = maxMbps });

    /// <summary>Returns a copy in this compartment.</summary>
    public OciNativeIngressClassSettings WithCompartment(string compartmentOcid) => Checked(this with { CompartmentId = compartmentOcid });

    /// <summary>Returns a copy in this subnet.</summary>
    public OciNativeIngressClassSettings WithSubnet(string subnetOcid) => Checked(this with { SubnetId = subnetOcid });

    /// <summary>Returns a copy with this load-balancer display name.</summary>
    public OciNativeIngressClassSettings WithLoadBalancerName(string name) => Checked(this with { LoadBalancerName = name });

    /// <summary>Returns a copy using this reserved public IP (public classes only).</summary>
    public OciNativeIngressClassSettings WithReservedPublicAddress(string publicIpOcid) => Checked(this with { ReservedPublicAddressId = publicIpOcid });

    /// <summary>Returns a copy protected by this OCI WAF policy (<c>ocid1.webappfirewallpolicy…</c>).</summary>
    public OciNativeIngressClassSettings WithWafPolicy(string wafPolicyOcid) => Checked(this with { WafPolicyOcid = wafPolicyOcid });

    /// <summary>Returns a copy with these NSGs on the load balancer (at most 5).</summary>
    public OciNativeIngressClassSettings WithNetworkSecurityGroups(params string[] nsgOcids) => Checked(this with { NetworkSecurityGroupIds = EquatableArray<string>.Empty.AddRange(nsgOcids) });

    /// <summary>Returns a copy with one more defined tag (the controller needs <c>use tag-namespaces</c> in the tenancy).</summary>
    public OciNativeIngressClassSettings WithDefinedTag(string tagNamespace, string key, string value)
        => Checked(this with { DefinedTags = OciTags.AddDefined(DefinedTags, tagNamespace, key, value) });

    /// <summary>Returns a copy with one more freeform tag.</summary>
    public OciNativeIngressClassSettings WithFreeformTag(string key, string value)
        => Checked(this with { FreeformTags = (FreeformTags ?? EquatableMap<string>.Empty).SetItem(key, value) });

    /// <summary>Returns a copy with delete protection on or off.</summary>
    public OciNativeIngressClassSettings WithDeleteProtection(bool enabled = true) => Checked(this with { DeleteProtectionEnabled = enabled });

    /// <summary>Returns a copy that adopts an existing load balancer; read <see cref="LoadBalancerId"/> before using it.</summary>
    public OciNativeIngressClassSettings AdoptingLoadBalancer(string loadBalancerOcid) => Checked(this with { LoadBalancerId = loadBalancerOcid });

    /// <summary>Returns a copy whose controller acts with this Workload Identity (see <see cref="OciNativeIngressIam"/> for its policy).</summary>
    public OciNativeIngressClassSettings WithWorkloadIdentity(WorkloadIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Checked(this with { WorkloadIdentity = identity });
    }

    /// <summary>Returns a copy marked (or not) as the default IngressClass.</summary>
    public OciNativeIngressClassSettings AsDefaultClass(bool isDefault = true) => this with { IsDefaultClass = isDefault };

    /// <summary>The IngressClass annotations these settings stand for, exactly as the controller reads them.</summary>
    public EquatableMap<string> ToAnnotations()
    {
        var a = new Dictionary<string, string>(StringComparer.Ordinal);
        if (WafPolicyOcid is { } waf) a[OciNativeIngressAnnotations.WafPolicyOcid] = waf;
        if (NetworkSecurityGroupIds is { } nsgs) a[OciNativeIngressAnnotations.NetworkSecurityGroupIds] = string.Join(",", nsgs);
        if (DefinedTags is { } dt) a[OciNativeIngressAnnotations.DefinedTags] = OciTags.DefinedJson(dt);
        if (FreeformTags is { } ft) a[OciNativeIngressAnnotations.FreeformTags] = OciTags.FreeformJson(ft);
        if (DeleteProtectionEnabled is { } dp) a[OciNativeIngressAnnotations.DeleteProtectionEnabled] = dp ? "true" : "false";
        if (LoadBalancerId is { } id) a[Id] = id;
        if (WorkloadIdentity is { } identity) a[OciNativeIngressAnnotations.WorkloadServiceAccount] = identity.ServiceAccountName;
        if (IsDefaultClass) a[OciNativeIngressAnnotations.IsDefaultClass] = "true";
        return EquatableMap<string>.Create(a);
    }

    /// <summary>
    /// The IngressClass <paramref name="className"/> and its IngressClassParameters of the same name in
    /// <paramref name="namespace"/>, referenced with <c>scope: Namespace</c> and the namespace, the only lookup the
    /// controller does.
    /// </summary>
    /// <exception cref="ManifestValidationException">A name is invalid, or the Workload Identity's ServiceAccount is in another namespace.</exception>
    public OciNativeIngressClass Build(string className, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(className);
        ArgumentNullException.ThrowIfNull(@namespace);
        if (WorkloadIdentity is { } identity && identity.Namespace != @namespace)
            throw new ManifestValidationException([Diagnostic.Error(OciRules.IngressWorkloadIdentity,
                $"the controller looks up the Workload Identity ServiceAccount \"{identity.ServiceAccountName}\" in the namespace of the IngressClassParameters (\"{@namespace}\"), but it lives in \"{identity.Namespace}\"",
                NodePath.Root.Key("spec").Key("parameters").Key("namespace"), suggestion: $"build the class in namespace \"{identity.Namespace}\", or use a ServiceAccount in \"{@namespace}\"")]);
        var parameters = OciIngress.IngressClassParameters(className, @namespace)
            .WithSpec(s => s with
            {
                IsPrivate = IsPrivate,
                MinBandwidthMbps = MinBandwidthMbps,
                MaxBandwidthMbps = MaxBandwidthMbps,
                CompartmentId = CompartmentId,
                SubnetId = SubnetId,
                LoadBalancerName = LoadBalancerName,
                ReservedPublicAddressId = ReservedPublicAddressId,
            });
        var annotations = ToAnnotations();
        var ingressClass = Networking.IngressClass(className)
            .WithMetadata(m => annotations.Count == 0 ? m : m.WithAnnotations(annotations))
            .WithSpec(s => s
                .WithController(ControllerClass)
                .WithParameters(p => p with
                {
                    ApiGroup = OciIngressLint.ParametersGroup,
                    Kind = OciIngressLint.ParametersKind,
                    Name = className,
                    Scope = "Namespace",
                    Namespace = @namespace,
                }));
        var found = OciIngressLint.Check(new ManifestDocument(ingressClass.ToNode()))
            .Concat(OciIngressLint.Check(new ManifestDocument(parameters.ToNode()))).ToList();
        OciNativeIngressSettings.ThrowIfErrors(found);
        return new OciNativeIngressClass(ingressClass, parameters, WorkloadIdentity, WafPolicyOcid is not null, DefinedTags is not null);
    }

    private static OciNativeIngressClassSettings Checked(OciNativeIngressClassSettings next)
    {
        var found = OciIngressLint.CheckClassAnnotations(next.ToAnnotations()).ToList();
        found.AddRange(OciIngressLint.Check(new ManifestDocument(ManifestNode.Map(
            ("apiVersion", ManifestNode.String(OciIngressLint.ParametersApiVersion)),
            ("kind", ManifestNode.String(OciIngressLint.ParametersKind)),
            ("spec", next.ParametersSpecNode())))));
        OciNativeIngressSettings.ThrowIfErrors(found);
        return next;
    }

    private MappingNode ParametersSpecNode()
    {
        var entries = new List<(string, ManifestNode)>();
        if (MinBandwidthMbps is { } min) entries.Add(("minBandwidthMbps", ManifestNode.Integer(min)));
        if (MaxBandwidthMbps is { } max) entries.Add(("maxBandwidthMbps", ManifestNode.Integer(max)));
        if (CompartmentId is { } c) entries.Add(("compartmentId", ManifestNode.String(c)));
        if (SubnetId is { } s) entries.Add(("subnetId", ManifestNode.String(s)));
        if (ReservedPublicAddressId is { } r) entries.Add(("reservedPublicAddressId", ManifestNode.String(r)));
        entries.Add(("isPrivate", ManifestNode.Boolean(IsPrivate)));
        return ManifestNode.Map([.. entries]);
    }
}
