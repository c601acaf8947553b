using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using static OkeGitOps.Manifests.Oci.OciNativeIngressAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// Checks Ingresses, IngressClasses and IngressClassParameters against what the OCI native ingress controller (v1.4.3)
/// really reads: annotation keys it does not know (naming the key that was meant), keys on the wrong object or meant
/// for the other OCI controller, values it cannot parse or OCI refuses, IngressClass parameters it cannot find, and
/// bandwidth bounds. Where the controller's code and its documentation disagree, these checks follow the code.
/// </summary>
/// <remarks>
/// Annotation findings point at the annotation's key when the document was read from YAML. The same checks guard
/// <see cref="OciNativeIngressSettings"/> and <see cref="OciNativeIngressClassSettings"/>, so a typed object fails with
/// the text the lint prints for the YAML. Rules that need several Ingresses of one class (shared listeners and
/// backend sets) are in <see cref="CheckAcross"/>, run over the <see cref="OciIngressFacts"/> of a whole run.
/// Services are checked only for native ingress keys; their CCM keys are <see cref="OciServiceLint"/>'s.
/// </remarks>
public static class OciIngressLint
{
    /// <summary>The apiVersion of Ingress and IngressClass.</summary>
    public const string NetworkingApiVersion = "networking.k8s.io/v1";

    /// <summary>The apiVersion of IngressClassParameters.</summary>
    public const string ParametersApiVersion = "ingress.oraclecloud.com/v1beta1";

    /// <summary>The group of IngressClassParameters.</summary>
    public const string ParametersGroup = "ingress.oraclecloud.com";

    /// <summary>The kind of the controller's IngressClass parameters.</summary>
    public const string ParametersKind = "IngressClassParameters";

    private static readonly NodePath AnnotationsPath = NodePath.Root.Key("metadata").Key("annotations");

    /// <summary>Checks one document; kinds other than Ingress, IngressClass, IngressClassParameters and Service yield nothing.</summary>
    /// <returns>Errors and warnings, annotations first in document order, then the object's fields.</returns>
    public static IReadOnlyList<Diagnostic> Check(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Mapping is not { } root) return [];
        return (document.ApiVersion, document.Kind) switch
        {
            (NetworkingApiVersion, "Ingress") => new IngressRun(root, annotationsOnly: false).Execute(),
            (NetworkingApiVersion, "IngressClass") => new ClassRun(root, annotationsOnly: false).Execute(),
            (ParametersApiVersion, ParametersKind) => CheckParameters(root),
            ("v1", "Service") => CheckService(root),
            _ => [],
        };
    }

    /// <summary>
    /// Checks, across the Ingresses of one run, what the controller checks across the Ingresses of one IngressClass
    /// (they share one load balancer): protocols per listener port, certificates per TLS listener, TCP backends per
    /// port, policy and health check per backend set (namespace, Service, port).
    /// </summary>
    /// <param name="facts">The facts of every Ingress and IngressClass of the run, in input order.</param>
    /// <returns>Each finding with the Ingress it is about (the later one of a conflicting pair).</returns>
    public static IReadOnlyList<(OciIngressFacts Ingress, Diagnostic Diagnostic)> CheckAcross(IEnumerable<OciIngressFacts> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return OciIngressConflicts.Find(facts.ToList());
    }

    /// <summary>The Ingress checks that need only the annotations (used by the settings while they are filled in).</summary>
    internal static IReadOnlyList<Diagnostic> CheckIngressAnnotations(IEnumerable<KeyValuePair<string, string>> annotations)
        => new IngressRun(Wrap("Ingress", annotations), annotationsOnly: true).Execute();

    /// <summary>The IngressClass checks that need only the annotations.</summary>
    internal static IReadOnlyList<Diagnostic> CheckClassAnnotations(IEnumerable<KeyValuePair<string, string>> annotations)
        => new ClassRun(Wrap("IngressClass", annotations), annotationsOnly: true).Execute();

    private static MappingNode Wrap(string kind, IEnumerable<KeyValuePair<string, string>> annotations)
    {
        var map = MappingNode.Create(annotations.Select(a => (a.Key, (ManifestNode)ManifestNode.String(a.Value))));
        return ManifestNode.Map(("apiVersion", ManifestNode.String(NetworkingApiVersion)), ("kind", ManifestNode.String(kind)),
            ("metadata", ManifestNode.Map(("annotations", map))));
    }

    internal static string? Text(ManifestNode? node) => node is ScalarNode s and not NullNode ? s.Text : null;

    internal static MappingNode? Annotations(MappingNode root) => (root.GetValueOrDefault("metadata") as MappingNode)?.GetValueOrDefault("annotations") as MappingNode;

    private static Diagnostic At(MappingEntry e, OciFinding f)
        => new(f.Severity, f.Rule, f.Message, AnnotationsPath.Key(e.Key), e.KeyLocation ?? e.Value.Location, f.Suggestion);

    private static Diagnostic At(NodePath path, ManifestNode? node, OciFinding f)
        => new(f.Severity, f.Rule, f.Message, path, node?.Location, f.Suggestion);

    /// <summary>Where a CCM Service key's intent lives on the native ingress route.</summary>
    private static string CcmCounterpart(string key) => key switch
    {
        OciAnnotations.Internal or OciAnnotations.NlbInternal => "make the load balancer private with spec.isPrivate: true in the IngressClassParameters",
        OciAnnotations.Shape or OciAnnotations.ShapeFlexMin or OciAnnotations.ShapeFlexMax
            => "set the bandwidth with spec.minBandwidthMbps and spec.maxBandwidthMbps in the IngressClassParameters",
        OciAnnotations.Subnet1 or OciAnnotations.Subnet2 => "set spec.subnetId in the IngressClassParameters",
        OciAnnotations.CompartmentId => "set spec.compartmentId in the IngressClassParameters",
        OciAnnotations.NetworkSecurityGroups => $"put \"{NetworkSecurityGroupIds}\" on the IngressClass",
        OciAnnotations.Policy => $"use \"{Policy}\"",
        OciAnnotations.BackendProtocol => $"use \"{OciNativeIngressAnnotations.Protocol}\"",
        OciAnnotations.HealthCheckRetries => $"use \"{HealthCheckRetries}\"",
        OciAnnotations.HealthCheckInterval => $"use \"{HealthCheckIntervalMilliseconds}\"",
        OciAnnotations.HealthCheckTimeout => $"use \"{HealthCheckTimeoutMilliseconds}\"",
        OciAnnotations.TlsSecret or OciAnnotations.SslPorts => $"use spec.tls with a Secret, or \"{CertificateOcid}\"",
        OciAnnotations.InitialDefinedTagsOverride => $"put \"{DefinedTags}\" on the IngressClass",
        OciAnnotations.InitialFreeformTagsOverride => $"put \"{FreeformTags}\" on the IngressClass",
        _ => $"use the native ingress keys ({Prefix}...) or the IngressClassParameters",
    };

    /// <summary>Checks one native ingress key: known, on the right object, with a value the controller takes.</summary>
    private static void CheckNativeKey(MappingEntry e, OciIngressTarget on, List<Diagnostic> into)
    {
        var info = OciNativeIngressCatalog.Find(e.Key);
        if (info is null)
        {
            var near = OciNativeIngressCatalog.Nearest(e.Key);
            var suggestion = near is null ? null
                : OciNativeIngressCatalog.Find(near)!.Target == on || on == OciIngressTarget.ControllerOutput ? $"use \"{near}\""
                : $"use \"{near}\", on the {(on == OciIngressTarget.Ingress ? "IngressClass" : "Ingress")}";
            into.Add(At(e, OciFinding.Error(OciRules.IngressUnknownAnnotation,
                $"the OCI native ingress controller does not read \"{e.Key}\", so it has no effect", suggestion)));
            return;
        }
        if (info.Target != on && info.Target != OciIngressTarget.ControllerOutput)
        {
            into.Add(At(e, info.Target == OciIngressTarget.IngressClass
                ? OciFinding.Error(OciRules.IngressWrongObject,
                    $"\"{e.Key}\" belongs on the IngressClass: the controller reads it only there, once per load balancer, so on an Ingress it has no effect",
                    "move it to the IngressClass named by spec.ingressClassName")
                : OciFinding.Error(OciRules.IngressWrongObject,
                    $"\"{e.Key}\" belongs on each Ingress: the controller reads it from Ingresses only, so on the IngressClass it has no effect",
                    "move it to the Ingresses of this class")));
            return;
        }
        if (Text(e.Value) is not { } value) return;
        var findings = new List<OciFinding>();
        OciNativeIngressValues.Check(e.Key, value, findings);
        foreach (var f in findings) into.Add(At(e, f));
    }

    private static void CheckCcmKey(MappingEntry e, string objectKind, List<Diagnostic> into)
        => into.Add(At(e, OciFinding.Error(OciRules.IngressWrongController,
            $"\"{e.Key}\" is a Service annotation of the OCI cloud-controller-manager; the native ingress controller does not read it from an {objectKind}",
            CcmCounterpart(e.Key))));

    private static IReadOnlyList<Diagnostic> CheckService(MappingNode root)
    {
        if (Annotations(root) is not { } annotations) return [];
        var found = new List<Diagnostic>();
        foreach (var e in annotations.Entries)
        {
            if (!IsNativeIngressKey(e.Key)) continue;
            found.Add(At(e, OciFinding.Error(OciRules.IngressWrongController,
                $"\"{e.Key}\" is read by the OCI native ingress controller from Ingresses and IngressClasses; the cloud-controller-manager does not read it from a Service",
                e.Key == WafPolicyOcid || OciAnnotationCatalog.IsWafKey(e.Key)
                    ? $"the CCM has no WAF annotation: route the Service through an Ingress of an OCI native IngressClass and put \"{WafPolicyOcid}\" on the IngressClass"
                    : "use the CCM's Service annotations (OciAnnotations), or route through an Ingress")));
        }
        return found;
    }

    private static IReadOnlyList<Diagnostic> CheckParameters(MappingNode root)
    {
        var found = new List<Diagnostic>();
        var specPath = NodePath.Root.Key("spec");
        if (root.GetValueOrDefault("spec") is not MappingNode spec) return found;
        var minNode = spec.GetValueOrDefault("minBandwidthMbps");
        var maxNode = spec.GetValueOrDefault("maxBandwidthMbps");
        long? min = minNode is IntegerNode a ? a.Value : null, max = maxNode is IntegerNode b ? b.Value : null;
        foreach (var (name, node, value) in new[] { ("minBandwidthMbps", minNode, min), ("maxBandwidthMbps", maxNode, max) })
        {
            if (value is { } v && (v < OciNativeIngressValues.MinBandwidthMbps || v > OciNativeIngressValues.MaxBandwidthMbps))
                found.Add(At(specPath.Key(name), node, OciFinding.Error(OciRules.IngressBandwidth,
                    $"{name} must be between {OciNativeIngressValues.MinBandwidthMbps} and {OciNativeIngressValues.MaxBandwidthMbps} Mbps, got {v}",
                    "OCI flexible load balancers take 10 to 8000 Mbps")));
        }
        var effectiveMin = min ?? 10;
        var effectiveMax = max ?? 100;
        if (effectiveMin > effectiveMax)
            found.Add(At(specPath.Key(max is null ? "minBandwidthMbps" : "maxBandwidthMbps"), max is null ? minNode : maxNode,
                OciFinding.Error(OciRules.IngressBandwidth,
                    max is null
                        ? $"minBandwidthMbps {effectiveMin} is above the default maxBandwidthMbps of 100; neither the CRD nor the controller checks this, and OCI refuses it"
                        : $"maxBandwidthMbps {effectiveMax} is below minBandwidthMbps {effectiveMin}; neither the CRD nor the controller checks this, and OCI refuses it",
                    "make maxBandwidthMbps at least minBandwidthMbps")));
        foreach (var (name, types) in new[] { ("compartmentId", new[] { OciOcid.Compartment, OciOcid.Tenancy }), ("subnetId", new[] { OciOcid.Subnet }), ("reservedPublicAddressId", new[] { OciNativeIngressValues.PublicIpType }) })
        {
            if (spec.GetValueOrDefault(name) is StringNode s && s.Value.Length > 0 && OciOcid.Problem(s.Value, types) is { } problem)
                found.Add(At(specPath.Key(name), s, OciFinding.Error(OciRules.Ocid, problem)));
        }
        if (spec.GetValueOrDefault("isPrivate") is BooleanNode { Value: true } && spec.GetValueOrDefault("reservedPublicAddressId") is StringNode reserved)
            found.Add(At(specPath.Key("reservedPublicAddressId"), reserved, OciFinding.Warning(OciRules.IneffectiveAnnotation,
                "a private load balancer has no public address, so the reserved public IP is not used", "remove reservedPublicAddressId, or make the load balancer public")));
        return found;
    }

    private sealed class IngressRun(MappingNode root, bool annotationsOnly)
    {
        private readonly List<Diagnostic> _out = [];
        private readonly Dictionary<string, MappingEntry> _native = new(StringComparer.Ordinal);

        public List<Diagnostic> Execute()
        {
            if (Annotations(root) is not { } annotations) return _out;
            foreach (var e in annotations.Entries)
            {
                if (IsNativeIngressKey(e.Key))
                {
                    _native[e.Key] = e;
                    CheckNativeKey(e, OciIngressTarget.Ingress, _out);
                }
                else if (e.Key == WorkloadServiceAccount)
                {
                    _out.Add(At(e, OciFinding.Error(OciRules.IngressWrongObject,
                        $"\"{e.Key}\" belongs on the IngressClass: the native ingress controller reads its Workload Identity per class, and the CCM reads it only from Services",
                        "move it to the IngressClass, whose spec.parameters.namespace holds the ServiceAccount")));
                }
                else if (OciAnnotations.IsOciKey(e.Key))
                {
                    CheckCcmKey(e, "Ingress", _out);
                }
            }
            if (_native.Count > 0) CheckCombinations();
            return _out;
        }

        private string? Value(string key) => _native.TryGetValue(key, out var e) ? Text(e.Value) : null;

        private void Add(string key, OciFinding f) => _out.Add(At(_native[key], f));

        private void CheckCombinations()
        {
            var protocol = Value(OciNativeIngressAnnotations.Protocol)?.ToUpperInvariant() ?? "HTTP";
            var hasTlsSpec = root.GetValueOrDefault("spec") is MappingNode spec && spec.GetValueOrDefault("tls") is SequenceNode { Count: > 0 };
            var hasTls = _native.ContainsKey(CertificateOcid) || hasTlsSpec;
            if (protocol == "HTTP2" && !hasTls && !annotationsOnly)
                Add(OciNativeIngressAnnotations.Protocol, OciFinding.Error(OciRules.IngressHttp2Tls,
                    "protocol HTTP2 needs TLS on the listener, but this Ingress has neither spec.tls nor a certificate OCID, so OCI fails to create the listener",
                    $"add \"{CertificateOcid}\" (an OCI Certificates certificate) or spec.tls with a Secret"));
            if (protocol == "TCP")
            {
                if (_native.ContainsKey(CertificateOcid))
                    Add(CertificateOcid, OciFinding.Warning(OciRules.IneffectiveAnnotation, "is ignored with protocol TCP: a TCP listener gets no TLS",
                        "remove the certificate, or use protocol HTTP or HTTP2"));
            }
            else if (!hasTls && !annotationsOnly)
            {
                foreach (var key in new[] { BackendTlsEnabled, HttpsListenerPort }.Where(_native.ContainsKey))
                    Add(key, OciFinding.Warning(OciRules.IneffectiveAnnotation, "has no effect: this Ingress's listener has no TLS (no spec.tls, no certificate OCID)",
                        $"add \"{CertificateOcid}\" or spec.tls, or remove it"));
            }

            var hcProtocol = Value(HealthCheckProtocol)?.ToUpperInvariant() ?? "TCP";
            if (hcProtocol == "HTTP" && string.IsNullOrEmpty(Value(HealthCheckPath)))
                Add(HealthCheckProtocol, OciFinding.Error(OciRules.IngressHealthCheck,
                    "an HTTP health check needs a path, but healthcheck-path is not set: the controller sends an empty path to OCI",
                    $"add \"{HealthCheckPath}\", e.g. \"/healthz\""));
            if (hcProtocol == "TCP")
            {
                foreach (var key in OciNativeIngressCatalog.HttpOnlyHealthCheckKeys.Where(_native.ContainsKey))
                    Add(key, OciFinding.Warning(OciRules.IneffectiveAnnotation, "is read only by an HTTP health check, and this one is TCP",
                        $"set \"{HealthCheckProtocol}\": \"HTTP\", or remove it"));
            }

            if (_native.ContainsKey(SessionPersistenceConfig) && _native.ContainsKey(LbCookieSessionPersistenceConfig)
                && Value(SessionPersistenceConfig)?.Trim().Length > 0 && Value(LbCookieSessionPersistenceConfig)?.Trim().Length > 0)
                Add(SessionPersistenceConfig, OciFinding.Error(OciRules.IngressSessionPersistence,
                    "an Ingress may set only one of session-persistence-config and lb-cookie-session-persistence-config; with both, the controller refuses the Ingress",
                    "keep one: lb-cookie-session-persistence-config for a cookie the load balancer inserts, session-persistence-config for your application's cookie"));
            if (!hasTls && !annotationsOnly && Value(LbCookieSessionPersistenceConfig) is { } cookie && cookie.Contains("\"isSecure\"", StringComparison.Ordinal)
                && System.Text.RegularExpressions.Regex.IsMatch(cookie, "\"isSecure\"\\s*:\\s*true"))
                Add(LbCookieSessionPersistenceConfig, OciFinding.Error(OciRules.IngressSessionPersistence,
                    "a secure cookie (isSecure: true) cannot be used on a plain HTTP listener; OCI refuses it",
                    $"add TLS (\"{CertificateOcid}\" or spec.tls), or set isSecure to false"));
        }
    }

    private sealed class ClassRun(MappingNode root, bool annotationsOnly)
    {
        private readonly List<Diagnostic> _out = [];

        public List<Diagnostic> Execute()
        {
            var spec = root.GetValueOrDefault("spec") as MappingNode;
            var controller = spec?.GetString("controller");
            var ours = controller == ControllerClass;
            var annotations = Annotations(root);
            var nativeKeys = annotations?.Entries.Where(e => IsNativeIngressKey(e.Key) || e.Key == WorkloadServiceAccount).ToList() ?? [];
            if (!annotationsOnly && !ours)
            {
                if (nativeKeys.Count > 0)
                    _out.Add(At(NodePath.Root.Key("spec").Key("controller"), spec?.GetValueOrDefault("controller") ?? spec,
                        OciFinding.Warning(OciRules.IngressClassController,
                            $"this IngressClass carries OCI native ingress annotations, but its spec.controller is {(controller is null ? "not set" : SchemaWalker.Quote(controller))}, so the OCI controller ignores it",
                            $"set spec.controller: {ControllerClass}")));
                return _out;
            }
            MappingEntry? serviceAccount = null;
            foreach (var e in annotations?.Entries ?? [])
            {
                if (IsNativeIngressKey(e.Key)) CheckNativeKey(e, OciIngressTarget.IngressClass, _out);
                else if (e.Key == WorkloadServiceAccount)
                {
                    serviceAccount = e;
                    if (Text(e.Value) is { } v)
                    {
                        var f = new List<OciFinding>();
                        OciNativeIngressValues.Check(e.Key, v, f);
                        foreach (var x in f) _out.Add(At(e, x));
                    }
                }
                else if (e.Key == IsDefaultClass && Text(e.Value) is { } d)
                {
                    var f = new List<OciFinding>();
                    OciNativeIngressValues.Check(e.Key, d, f);
                    foreach (var x in f) _out.Add(At(e, x));
                }
                else if (OciAnnotations.IsOciKey(e.Key)) CheckCcmKey(e, "IngressClass", _out);
            }
            if (!annotationsOnly) CheckParametersReference(spec, serviceAccount);
            return _out;
        }

        private void CheckParametersReference(MappingNode? spec, MappingEntry? serviceAccount)
        {
            var specPath = NodePath.Root.Key("spec");
            var pPath = specPath.Key("parameters");
            if (spec?.GetValueOrDefault("parameters") is not MappingNode parameters)
            {
                _out.Add(At(specPath, spec ?? (ManifestNode)root, OciFinding.Error(OciRules.IngressClassParameters,
                    "this IngressClass has no spec.parameters: the controller then creates a public load balancer with a minimum and maximum bandwidth of 0 Mbps, which OCI refuses",
                    $"add spec.parameters: {{apiGroup: {ParametersGroup}, kind: {ParametersKind}, name: <name>, scope: Namespace, namespace: <namespace>}} naming an IngressClassParameters")));
                if (serviceAccount is { } sa) AddNilNamespace(sa);
                return;
            }
            var scopeNode = parameters.GetValueOrDefault("scope");
            var scope = parameters.GetString("scope");
            var ns = parameters.GetString("namespace");
            if (scope != "Namespace")
                _out.Add(At(pPath.Key("scope"), scopeNode ?? parameters, OciFinding.Error(OciRules.IngressClassParameters,
                    $"the scope is {(scope is null ? "not set (Kubernetes defaults it to Cluster)" : SchemaWalker.Quote(scope))}, but the controller looks up the IngressClassParameters by spec.parameters.name and spec.parameters.namespace only, and the CRD is namespaced; without a namespace (forbidden with scope Cluster) it looks in namespace \"\" and fails with \"unable to fetch IngressClassParameters\"",
                    "set scope: Namespace and namespace: <namespace of the IngressClassParameters>")));
            else if (string.IsNullOrEmpty(ns))
                _out.Add(At(pPath, parameters, OciFinding.Error(OciRules.IngressClassParameters,
                    "spec.parameters.namespace is missing: the controller looks up the IngressClassParameters by name and namespace, and finds nothing in namespace \"\"",
                    "set namespace: <namespace of the IngressClassParameters>")));
            var kind = parameters.GetString("kind");
            if (kind != ParametersKind)
                _out.Add(At(pPath.Key("kind"), parameters.GetValueOrDefault("kind") ?? parameters, kind is not null && kind.Replace("parameters", "Parameters", StringComparison.OrdinalIgnoreCase).Equals(ParametersKind, StringComparison.OrdinalIgnoreCase)
                    ? OciFinding.Warning(OciRules.IngressClassParameters,
                        $"spec.parameters.kind {SchemaWalker.Quote(kind)} works only because the controller ignores the kind; the resource's kind is {ParametersKind}",
                        $"write kind: {ParametersKind}")
                    : OciFinding.Error(OciRules.IngressClassParameters,
                        $"spec.parameters.kind is {(kind is null ? "missing" : SchemaWalker.Quote(kind))}, but the native ingress controller's parameters are an {ParametersKind}",
                        $"write kind: {ParametersKind}")));
            var group = parameters.GetString("apiGroup");
            if (group != ParametersGroup)
                _out.Add(At(pPath.Key("apiGroup"), parameters.GetValueOrDefault("apiGroup") ?? parameters, OciFinding.Warning(OciRules.IngressClassParameters,
                    $"spec.parameters.apiGroup is {(group is null ? "not set (the core group)" : SchemaWalker.Quote(group))}; the controller ignores it, but the {ParametersKind} lives in {ParametersGroup}",
                    $"write apiGroup: {ParametersGroup}")));
            if (serviceAccount is { } account && (scope != "Namespace" || string.IsNullOrEmpty(ns))) AddNilNamespace(account);
        }

        private void AddNilNamespace(MappingEntry serviceAccount)
            => _out.Add(At(serviceAccount, OciFinding.Error(OciRules.IngressWorkloadIdentity,
                "a Workload Identity service account needs spec.parameters.namespace: the controller looks the ServiceAccount up in that namespace without a nil check, and crashes reconciling this class when it is missing",
                "set spec.parameters with scope: Namespace and the namespace holding the ServiceAccount")));
    }
}
