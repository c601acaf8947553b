using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Networking;
using OkeGitOps.Manifests.Models.OciIngress;
using OkeGitOps.Manifests.Tree;
using NetworkingIngress = OkeGitOps.Manifests.Models.Networking.Ingress;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// One OCI native ingress class as built by <see cref="OciNativeIngressClassSettings.Build"/>: the IngressClass, its
/// IngressClassParameters, and the Ingresses routed through it so far. All of them share one OCI load balancer, so
/// <see cref="Route"/> checks each new Ingress against the earlier ones the way the controller does (one protocol
/// and certificate per listener port, one policy and health check per backend set) and refuses a conflict at once.
/// </summary>
public sealed record OciNativeIngressClass
{
    private readonly WorkloadIdentity? _identity;
    private readonly bool _waf;
    private readonly bool _definedTags;

    internal OciNativeIngressClass(IngressClass ingressClass, IngressClassParameters parameters, WorkloadIdentity? identity, bool waf, bool definedTags)
    {
        IngressClass = ingressClass;
        Parameters = parameters;
        _identity = identity;
        _waf = waf;
        _definedTags = definedTags;
    }

    /// <summary>The class name (also the name of its parameters).</summary>
    public string Name => IngressClass.Metadata?.Name ?? "";

    /// <summary>The IngressClass (<c>networking.k8s.io/v1</c>).</summary>
    public IngressClass IngressClass { get; init; }

    /// <summary>Its IngressClassParameters (<c>ingress.oraclecloud.com/v1beta1</c>).</summary>
    public IngressClassParameters Parameters { get; init; }

    /// <summary>The Ingresses routed through this class, in the order they were added.</summary>
    public EquatableArray<NetworkingIngress> Ingresses { get; init; } = [];

    /// <summary>
    /// Returns a copy with <paramref name="ingress"/> routed through this class: <c>spec.ingressClassName</c> set and
    /// <paramref name="settings"/> applied (see <see cref="OciNativeIngressSettings.ApplyTo"/>).
    /// </summary>
    /// <exception cref="ManifestValidationException">The Ingress breaks a rule of the controller, or conflicts with an earlier Ingress of the class.</exception>
    public OciNativeIngressClass Route(NetworkingIngress ingress, OciNativeIngressSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var routed = ingress.WithSpec(s => s.WithIngressClassName(Name));
        routed = (settings ?? OciNativeIngress.IngressSettings()).ApplyTo(routed);
        var all = Ingresses.Add(routed);
        var facts = all.Select((i, n) => OciIngressFacts.From(new ManifestDocument(i.ToNode(), Index: n))!).Prepend(OciIngressFacts.From(new ManifestDocument(IngressClass.ToNode()))!);
        var conflicts = OciIngressLint.CheckAcross(facts).Where(c => c.Ingress.DocumentIndex == all.Count - 1 && c.Ingress.Kind == "Ingress").Select(c => c.Diagnostic).ToList();
        OciNativeIngressSettings.ThrowIfErrors(conflicts);
        return this with { Ingresses = all };
    }

    /// <summary>Every manifest of the class, in apply order: the parameters, the IngressClass, then the Ingresses.</summary>
    public IReadOnlyList<IManifestModel> Manifests() => [Parameters, IngressClass, .. Ingresses];

    /// <summary>
    /// The controller's Workload Identity with the IAM permissions this class needs (including <c>manage waf-family</c>
    /// when a WAF policy is attached, and <c>use tag-namespaces</c> for defined tags); <c>null</c> when the class was
    /// built without one. <see cref="WorkloadIdentity.PolicyText"/> gives the statements.
    /// </summary>
    public WorkloadIdentity? ControllerIdentity()
        => _identity is null ? null : OciNativeIngressIam.ForController(_identity, waf: _waf, definedTags: _definedTags);

    /// <inheritdoc />
    public bool Equals(OciNativeIngressClass? other)
        => other is not null && IngressClass == other.IngressClass && Parameters == other.Parameters && Ingresses == other.Ingresses && _identity == other._identity;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IngressClass, Parameters, Ingresses);
}
