using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using static OkeGitOps.Manifests.Oci.OciAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// Checks a v1 Service against what the OCI cloud-controller-manager (v1.35.0) really reads: annotation keys it does
/// not know (naming the key that was meant), keys for the other load-balancer kind, values it cannot parse or would
/// reject, and the Service fields it constrains. Services without any OCI annotation are left alone.
/// </summary>
/// <remarks>
/// Annotation findings point at the annotation's key (<see cref="MappingEntry.KeyLocation"/>) when the Service was read
/// from YAML. The same checks guard <see cref="OciLoadBalancerSettings"/> and <see cref="OciNetworkLoadBalancerSettings"/>,
/// so a typed Service fails with the text the lint would print for the YAML.
/// </remarks>
public static class OciServiceLint
{
    /// <summary>Checks one document; anything other than a v1 Service yields nothing.</summary>
    /// <param name="document">A document read from YAML, or built with <c>new ManifestDocument(service.ToNode())</c>.</param>
    /// <returns>Errors and warnings, annotations first in document order, then the Service fields.</returns>
    public static IReadOnlyList<Diagnostic> Check(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.ApiVersion != "v1" || document.Kind != "Service" || document.Mapping is not { } root) return [];
        return new Run(root, annotationsOnly: false).Execute();
    }

    /// <summary>Checks a typed Service.</summary>
    public static IReadOnlyList<Diagnostic> Check(Models.Core.Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Check(new ManifestDocument(service.ToNode()));
    }

    /// <summary>The checks that need only the annotations (used by the settings builders while they are being filled in).</summary>
    internal static IReadOnlyList<Diagnostic> CheckAnnotations(IEnumerable<KeyValuePair<string, string>> annotations)
    {
        var map = MappingNode.Create(annotations.Select(a => (a.Key, (ManifestNode)ManifestNode.String(a.Value))));
        var root = ManifestNode.Map(("apiVersion", ManifestNode.String("v1")), ("kind", ManifestNode.String("Service")),
            ("metadata", ManifestNode.Map(("annotations", map))));
        return new Run(root, annotationsOnly: true).Execute();
    }

    private sealed class Run(MappingNode root, bool annotationsOnly)
    {
        private static readonly NodePath AnnotationsPath = NodePath.Root.Key("metadata").Key("annotations");
        private readonly List<Diagnostic> _out = [];
        private readonly Dictionary<string, MappingEntry> _oci = new(StringComparer.Ordinal);
        private OciLoadBalancerKind _kind;

        public List<Diagnostic> Execute()
        {
            var annotations = (root.GetValueOrDefault("metadata") as MappingNode)?.GetValueOrDefault("annotations") as MappingNode;
            if (annotations is null) return _out;
            foreach (var e in annotations.Entries)
            {
                if (IsOciKey(e.Key)) _oci[e.Key] = e;
            }
            if (_oci.Count == 0) return _out;
            _kind = Value(LoadBalancerType)?.ToLowerInvariant() == "nlb" ? OciLoadBalancerKind.Nlb : OciLoadBalancerKind.Lb;

            foreach (var e in annotations.Entries)
            {
                if (IsOciKey(e.Key)) CheckEntry(e);
            }
            CheckCombinations();
            if (!annotationsOnly) CheckSpec();
            return _out;
        }

        private string KindText => _kind == OciLoadBalancerKind.Lb ? "an OCI Load Balancer (lb)" : "an OCI Network Load Balancer (nlb)";

        private static string? Text(ManifestNode node) => node is ScalarNode s and not NullNode ? s.Text : null;

        private string? Value(string key) => _oci.TryGetValue(key, out var e) ? Text(e.Value) : null;

        private void Add(string key, OciFinding f)
        {
            var e = _oci[key];
            _out.Add(new Diagnostic(f.Severity, f.Rule, f.Message, AnnotationsPath.Key(key), e.KeyLocation ?? e.Value.Location, f.Suggestion));
        }

        private void AddSpec(NodePath path, ManifestNode? node, OciFinding f)
            => _out.Add(new Diagnostic(f.Severity, f.Rule, f.Message, path, node?.Location, f.Suggestion));

        private bool Applies(OciAnnotationInfo info)
            => info.Scope == OciScope.Both || (info.Scope == OciScope.Lb) == (_kind == OciLoadBalancerKind.Lb);

        private void CheckEntry(MappingEntry e)
        {
            var info = OciAnnotationCatalog.Find(e.Key);
            if (info is null)
            {
                string? suggestion;
                if (OciAnnotationCatalog.IsWafKey(e.Key)) suggestion = OciAnnotationCatalog.WafAdvice;
                else suggestion = OciAnnotationCatalog.Nearest(e.Key, _kind) is { } near ? $"use \"{near}\"" : null;
                Add(e.Key, OciFinding.Error(OciRules.UnknownAnnotation,
                    $"the OCI cloud-controller-manager does not read \"{e.Key}\", so it has no effect", suggestion));
                return;
            }
            if (!Applies(info))
            {
                var other = info.Scope == OciScope.Lb ? "an OCI Load Balancer (lb)" : "an OCI Network Load Balancer (nlb)";
                string suggestion;
                if (info.Counterpart is { } counterpart && OciAnnotationCatalog.Find(counterpart) is { } c && Applies(c))
                    suggestion = $"use \"{counterpart}\" for {(_kind == OciLoadBalancerKind.Lb ? "an lb" : "an nlb")}";
                else
                    suggestion = $"remove it, or set {LoadBalancerType}: \"{(info.Scope == OciScope.Lb ? "lb" : "nlb")}\"";
                Add(e.Key, OciFinding.Error(OciRules.WrongKind, $"\"{e.Key}\" applies only to {other}, but this Service asks for {KindText}", suggestion));
                return;
            }
            if (Text(e.Value) is not { } value) return; // not a scalar: the schema check reports it
            var findings = new List<OciFinding>();
            OciAnnotationValues.Check(e.Key, value, findings);
            foreach (var f in findings) Add(e.Key, f);
        }

        private void CheckCombinations()
        {
            var lb = _kind == OciLoadBalancerKind.Lb;
            if (lb) CheckFlexibleShape();

            var ruleMode = Value(SecurityRuleManagementMode);
            var nsgMode = string.Equals(ruleMode, "NSG", StringComparison.OrdinalIgnoreCase);
            var nsgKey = lb ? NetworkSecurityGroups : NlbNetworkSecurityGroups;
            if (Value(nsgKey) is { } nsgs)
            {
                var count = OciAnnotationValues.CountNsgs(nsgs);
                var limit = OciAnnotationValues.MaxNetworkSecurityGroups - (nsgMode ? 1 : 0);
                if (count > limit)
                {
                    Add(nsgKey, OciFinding.Error(OciRules.NsgLimit, nsgMode
                        ? $"lists {count} network security groups, but at most {limit} fit: OCI allows {OciAnnotationValues.MaxNetworkSecurityGroups} per load balancer and security-rule-management-mode NSG adds one managed by the CCM"
                        : $"lists {count} network security groups, but OCI allows at most {limit} per load balancer"));
                }
            }
            if (_oci.ContainsKey(BackendNetworkSecurityGroups) && !nsgMode)
            {
                Add(BackendNetworkSecurityGroups, OciFinding.Warning(OciRules.IneffectiveAnnotation,
                    $"the backend NSGs are used only when {SecurityRuleManagementMode} is \"NSG\"", $"set {SecurityRuleManagementMode}: \"NSG\""));
            }

            var internalKey = lb ? Internal : NlbInternal;
            var isInternal = Value(internalKey) is { } iv && OciAnnotationValues.ParseBool(iv) == true;
            if (!isInternal)
            {
                foreach (var (key, entry) in _oci)
                {
                    if (key == internalKey || !key.Contains("internal", StringComparison.OrdinalIgnoreCase)) continue;
                    if (Text(entry.Value) is not { } v || OciAnnotationValues.ParseBool(v) != true) continue;
                    Add(key, OciFinding.Warning(OciRules.InternalMadePublic,
                        $"this load balancer will be PUBLIC: \"{key}\" asks for an internal one, but for {KindText} the CCM reads only \"{internalKey}\"",
                        $"set {internalKey}: \"true\"; it cannot be changed once the load balancer exists"));
                }
            }

            if (lb)
            {
                if (isInternal && _oci.ContainsKey(Subnet2))
                    Add(Subnet2, OciFinding.Warning(OciRules.IneffectiveAnnotation, "an internal load balancer uses only the first subnet", $"remove {Subnet2}"));
                if (!annotationsOnly && Value(BackendProtocol) is { } protocol && protocol.Equals("GRPC", StringComparison.OrdinalIgnoreCase))
                {
                    var missing = new[] { SslPorts, TlsSecret }.Where(k => string.IsNullOrEmpty(Value(k))).ToArray();
                    if (missing.Length > 0)
                        Add(BackendProtocol, OciFinding.Error(OciRules.GrpcTls,
                            $"backend protocol GRPC needs TLS on the listener, but {string.Join(" and ", missing)} {(missing.Length == 1 ? "is" : "are")} not set",
                            $"set {SslPorts}, e.g. \"443\", and {TlsSecret}, a Secret with tls.crt and tls.key"));
                }
            }
            else
            {
                if (isInternal && _oci.ContainsKey(NlbExternalIpOnly))
                    Add(NlbExternalIpOnly, OciFinding.Warning(OciRules.IneffectiveAnnotation, "external-ip-only applies only to a public NLB", $"remove {NlbExternalIpOnly}"));
                foreach (var (alias, current) in new[] { (NlbDefinedTags, NlbInitialDefinedTagsOverride), (NlbFreeformTags, NlbInitialFreeformTagsOverride) })
                {
                    if (!_oci.ContainsKey(alias)) continue;
                    Add(alias, OciFinding.Warning(OciRules.DeprecatedAnnotation, _oci.ContainsKey(current)
                        ? $"is deprecated and ignored, because \"{current}\" is also set"
                        : "is deprecated", $"use \"{current}\""));
                }
            }
        }

        private void CheckFlexibleShape()
        {
            var shape = Value(Shape);
            var flexible = string.Equals(shape, "flexible", StringComparison.OrdinalIgnoreCase);
            var min = Value(ShapeFlexMin) is { } a ? OciAnnotationValues.ParseMbps(a) : null;
            var max = Value(ShapeFlexMax) is { } b ? OciAnnotationValues.ParseMbps(b) : null;
            if (flexible)
            {
                var missing = new[] { ShapeFlexMin, ShapeFlexMax }.Where(k => !_oci.ContainsKey(k)).ToArray();
                if (missing.Length > 0 && !annotationsOnly)
                {
                    Add(Shape, OciFinding.Error(OciRules.FlexShape,
                        $"a flexible shape needs both {ShapeFlexMin} and {ShapeFlexMax}; {string.Join(" and ", missing)} {(missing.Length == 1 ? "is" : "are")} missing",
                        "add both bounds in Mbps, e.g. \"10\" and \"100\""));
                }
            }
            else
            {
                foreach (var key in new[] { ShapeFlexMin, ShapeFlexMax }.Where(_oci.ContainsKey))
                {
                    Add(key, OciFinding.Warning(OciRules.IneffectiveAnnotation, $"is read only when {Shape} is \"flexible\"",
                        $"set {Shape}: \"flexible\""));
                }
            }
            if (min is { } lo && max is { } hi && lo > hi)
            {
                Add(ShapeFlexMax, OciFinding.Error(OciRules.FlexShape,
                    $"the maximum ({hi} Mbps) is below the minimum ({lo} Mbps)", "make flex-max at least flex-min; the CCM would silently raise the maximum to the minimum"));
            }
        }

        private void CheckSpec()
        {
            var specPath = NodePath.Root.Key("spec");
            var spec = root.GetValueOrDefault("spec") as MappingNode ?? MappingNode.Empty;
            var typeNode = spec.GetValueOrDefault("type");
            var type = typeNode is StringNode t ? t.Value : "ClusterIP";
            if (type != "LoadBalancer")
            {
                AddSpec(specPath.Key("type"), typeNode ?? spec,
                    OciFinding.Warning(OciRules.NotLoadBalancer, $"the OCI load-balancer annotations have no effect: the CCM acts only on Services of type LoadBalancer, and this one is {type}",
                        "set spec.type: LoadBalancer, or remove the OCI annotations"));
                return;
            }
            var lb = _kind == OciLoadBalancerKind.Lb;

            if (spec.GetValueOrDefault("sessionAffinity") is StringNode affinity && affinity.Value.Length > 0 && affinity.Value != "None")
            {
                AddSpec(specPath.Key("sessionAffinity"), affinity, OciFinding.Error(OciRules.SessionAffinity,
                    $"OCI load balancers support only sessionAffinity None, not {SchemaWalker.Quote(affinity.Value)}",
                    lb ? $"remove sessionAffinity; for sticky clients use {Policy}: \"IP_HASH\"" : $"remove sessionAffinity; for sticky clients use {NlbBackendPolicy}: \"TWO_TUPLE\""));
            }

            var hasUdp = false;
            if (spec.GetValueOrDefault("ports") is SequenceNode ports)
            {
                for (var i = 0; i < ports.Count; i++)
                {
                    if (ports[i] is not MappingNode port || port.GetValueOrDefault("protocol") is not StringNode protocol) continue;
                    var path = specPath.Key("ports").Index(i).Key("protocol");
                    if (protocol.Value == "UDP")
                    {
                        hasUdp = true;
                        if (lb)
                            AddSpec(path, protocol, OciFinding.Error(OciRules.PortProtocol, "an OCI Load Balancer (lb) cannot carry UDP",
                                $"use an OCI Network Load Balancer ({LoadBalancerType}: \"nlb\") for UDP"));
                    }
                    else if (protocol.Value is not ("TCP" or ""))
                    {
                        AddSpec(path, protocol, OciFinding.Error(OciRules.PortProtocol, $"OCI load balancers carry only TCP{(lb ? "" : " and UDP")}, not {SchemaWalker.Quote(protocol.Value)}"));
                    }
                }
            }
            if (!lb && hasUdp && Value(NlbSecurityListManagementMode) is { } mode && mode != "None")
            {
                Add(NlbSecurityListManagementMode, OciFinding.Error(OciRules.NlbUdpSecurityList,
                    $"an NLB with UDP ports needs security-list management mode \"None\", not {SchemaWalker.Quote(mode)}",
                    $"set {NlbSecurityListManagementMode}: \"None\" and manage the UDP rules yourself, or use {SecurityRuleManagementMode}: \"NSG\""));
            }

            if (!lb && _oci.ContainsKey(NlbIsPreserveSource))
            {
                var policy = spec.GetString("externalTrafficPolicy") ?? "Cluster";
                if (policy != "Local")
                    Add(NlbIsPreserveSource, OciFinding.Error(OciRules.PreserveSource,
                        $"is-preserve-source works only with spec.externalTrafficPolicy: Local, and this Service has {policy}",
                        "set spec.externalTrafficPolicy: Local, or remove is-preserve-source"));
            }

            var internalKey = lb ? Internal : NlbInternal;
            if (Value(internalKey) is { } iv && OciAnnotationValues.ParseBool(iv) == true
                && spec.GetValueOrDefault("loadBalancerIP") is StringNode ip && ip.Value.Length > 0)
            {
                AddSpec(specPath.Key("loadBalancerIP"), ip, OciFinding.Error(OciRules.InternalLoadBalancerIp,
                    "an internal load balancer cannot use spec.loadBalancerIP, which names a reserved public IP",
                    lb ? "remove spec.loadBalancerIP, or make the load balancer public"
                       : $"remove spec.loadBalancerIP; to pick the private address use {NlbAssignedPrivateIPv4}"));
            }

            if (lb && spec.GetString("ipFamilyPolicy") is null or "SingleStack"
                && spec.GetValueOrDefault("ipFamilies") is SequenceNode { Count: 1 } families && families[0] is StringNode { Value: "IPv6" } v6)
            {
                AddSpec(specPath.Key("ipFamilies").Index(0), v6, OciFinding.Error(OciRules.IpFamily,
                    "an OCI Load Balancer (lb) cannot be SingleStack IPv6", "use ipFamilyPolicy: PreferDualStack or RequireDualStack, or an nlb"));
            }

            if (lb && Value(SslPorts) is { } ssl && spec.GetValueOrDefault("ports") is SequenceNode servicePorts)
            {
                var numbers = servicePorts.OfType<MappingNode>().Select(p => p.GetValueOrDefault("port")).OfType<IntegerNode>().Select(n => n.Value).ToHashSet();
                foreach (var part in ssl.Split(','))
                {
                    if (OciAnnotationValues.ParseInt(part.Trim()) is { } n && !numbers.Contains(n))
                        Add(SslPorts, OciFinding.Warning(OciRules.IneffectiveAnnotation, $"port {n} is not a port of this Service, so no listener uses TLS on it",
                            "list ports from spec.ports[].port"));
                }
            }
        }
    }
}
