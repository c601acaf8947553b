using System.Globalization;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// The API server's Service checks that the core/v1 OpenAPI cannot express (its enums live only in description
/// text): type, ports and their names, target ports, node ports, cluster IPs, external names, session affinity,
/// traffic policies and IP families. Values of the wrong JSON type are left to the schema walk, which already
/// reported them. These follow Kubernetes' own <c>ValidateService</c> for a create; checks that depend on
/// cluster state (allocated IPs and ports, feature gates) are not made, and the node-port range is an option
/// because clusters can change it.
/// </summary>
internal static class ServiceRules
{
    private static readonly string[] Types = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];
    private static readonly string[] Affinities = ["None", "ClientIP"];
    private static readonly string[] TrafficPolicies = ["Cluster", "Local"];
    private static readonly string[] IpFamilyPolicies = ["SingleStack", "PreferDualStack", "RequireDualStack"];
    private static readonly string[] IpFamilies = ["IPv4", "IPv6"];
    private const int MaxSessionAffinityTimeout = 86400;

    public static void Validate(MappingNode root, ValidationContext ctx)
    {
        if (root.GetValueOrDefault("spec") is not MappingNode spec)
        {
            // No spec at all (or one of the wrong type, already reported): only the missing ports can be said.
            if (!root.ContainsKey("spec"))
                ctx.Error(ValidationRules.ServicePort, "a ClusterIP Service needs at least one port", root.Location, "add spec.ports, e.g. - port: 80");
            return;
        }
        ctx.Push("spec");
        var type = "ClusterIP";
        var typeKnown = true;
        if (spec.GetValueOrDefault("type") is StringNode typeNode && typeNode.Value.Length > 0)
        {
            type = typeNode.Value;
            if (!OneOf(type, Types))
            {
                typeKnown = false;
                ctx.Push("type");
                ReportNotOneOf(ValidationRules.ServiceType, typeNode, Types, ctx);
                ctx.Pop();
            }
        }
        var externallyAccessible = type is "NodePort" or "LoadBalancer"
            || (type == "ClusterIP" && spec.GetValueOrDefault("externalIPs") is SequenceNode { Count: > 0 });

        var clusterIp = spec.GetString("clusterIP");
        var headless = clusterIp == "None";
        CheckClusterIps(spec, type, typeKnown, clusterIp, ctx);
        CheckPorts(spec, type, typeKnown, headless, ctx);
        CheckExternalName(spec, type, typeKnown, ctx);
        CheckSessionAffinity(spec, ctx);
        CheckTrafficPolicies(spec, type, typeKnown, externallyAccessible, ctx);
        CheckIpFamilies(spec, type, ctx);
        CheckLoadBalancerOnly(spec, type, typeKnown, ctx);
        CheckSelector(spec, ctx);
        ctx.Pop();
    }

    private static bool OneOf(string value, string[] allowed)
    {
        foreach (var a in allowed)
        {
            if (string.Equals(a, value, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static void ReportNotOneOf(string rule, StringNode node, string[] allowed, ValidationContext ctx)
    {
        var near = NearMatch.Find(node.Value, allowed);
        ctx.Error(rule, $"unsupported value {SchemaWalker.Quote(node.Value)}: must be one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}",
            node.Location, near is null ? null : $"did you mean \"{near}\"?");
    }

    /// <summary>Checks an optional string field against a fixed set; returns its value when set and valid.</summary>
    private static string? CheckChoice(MappingNode spec, string field, string rule, string[] allowed, ValidationContext ctx)
    {
        if (spec.GetValueOrDefault(field) is not StringNode node || node.Value.Length == 0) return null;
        if (OneOf(node.Value, allowed)) return node.Value;
        ctx.Push(field);
        ReportNotOneOf(rule, node, allowed, ctx);
        ctx.Pop();
        return null;
    }

    private static void CheckClusterIps(MappingNode spec, string type, bool typeKnown, string? clusterIp, ValidationContext ctx)
    {
        if (spec.GetValueOrDefault("clusterIP") is StringNode ipNode && ipNode.Value.Length > 0)
        {
            ctx.Push("clusterIP");
            if (typeKnown && type == "ExternalName")
            {
                ctx.Error(ValidationRules.ServiceClusterIp, "an ExternalName Service has no cluster IP", ipNode.Location, "remove spec.clusterIP");
            }
            else if (ipNode.Value == "None")
            {
                if (typeKnown && type is "NodePort" or "LoadBalancer")
                    ctx.Error(ValidationRules.ServiceClusterIp, $"clusterIP None (a headless Service) is only possible with type ClusterIP, not {type}",
                        ipNode.Location, "remove clusterIP: None, or use type: ClusterIP");
            }
            else if (!Formats.IsIpAddress(ipNode.Value))
            {
                ctx.Error(ValidationRules.ServiceClusterIp, $"{SchemaWalker.Quote(ipNode.Value)} is not an IP address or \"None\"", ipNode.Location,
                    "leave clusterIP unset to have one allocated, or write None for a headless Service");
            }
            ctx.Pop();
        }
        if (spec.GetValueOrDefault("clusterIPs") is SequenceNode ips)
        {
            ctx.Push("clusterIPs");
            for (var i = 0; i < ips.Count; i++)
            {
                if (ips[i] is not StringNode s || s.Value.Length == 0) continue;
                ctx.Push(i);
                if (s.Value == "None")
                {
                    if (ips.Count > 1) ctx.Error(ValidationRules.ServiceClusterIp, "\"None\" must be the only entry of clusterIPs", s.Location);
                }
                else if (!Formats.IsIpAddress(s.Value))
                {
                    ctx.Error(ValidationRules.ServiceClusterIp, $"{SchemaWalker.Quote(s.Value)} is not an IP address or \"None\"", s.Location);
                }
                if (i == 0 && clusterIp is { Length: > 0 } && clusterIp != s.Value)
                    ctx.Error(ValidationRules.ServiceClusterIp, $"the first entry of clusterIPs must equal clusterIP ({SchemaWalker.Quote(clusterIp)})", s.Location);
                ctx.Pop();
            }
            ctx.Pop();
        }
    }

    private static void CheckPorts(MappingNode spec, string type, bool typeKnown, bool headless, ValidationContext ctx)
    {
        var ports = spec.GetValueOrDefault("ports") as SequenceNode;
        if (ports is null || ports.Count == 0)
        {
            if (typeKnown && type != "ExternalName" && !headless && spec.GetValueOrDefault("ports") is null or SequenceNode)
            {
                ctx.Error(ValidationRules.ServicePort, $"a {type} Service needs at least one port",
                    spec.GetValueOrDefault("ports")?.Location ?? spec.Location, "add spec.ports, e.g. - port: 80");
            }
            return;
        }
        var allocatesNodePorts = type is "NodePort" or "LoadBalancer";
        ctx.Push("ports");
        var requireName = ports.Count > 1;
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i] is not MappingNode port) continue;
            ctx.Push(i);
            var nameNode = port.GetValueOrDefault("name") as StringNode;
            if (nameNode is { Value.Length: > 0 })
            {
                ctx.Push("name");
                if (!NameRules.IsDns1123Label(nameNode.Value))
                {
                    var fixedName = NameRules.ToDnsName(nameNode.Value, NameRules.Dns1123LabelMaxLength, allowDots: false);
                    ctx.Error(ValidationRules.ServicePortName,
                        $"{SchemaWalker.Quote(nameNode.Value)} is not a valid port name: it must be a lowercase RFC 1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit",
                        nameNode.Location, fixedName is null ? null : $"use \"{fixedName}\"");
                }
                for (var j = 0; j < i; j++)
                {
                    if (ports[j] is MappingNode other && other.GetString("name") == nameNode.Value)
                    {
                        ctx.Error(ValidationRules.ServicePortName, $"duplicate port name {SchemaWalker.Quote(nameNode.Value)} (same as index {j.ToString(CultureInfo.InvariantCulture)})",
                            nameNode.Location, "give every port its own name");
                        break;
                    }
                }
                ctx.Pop();
            }
            else if (requireName && port.GetValueOrDefault("name") is null or StringNode)
            {
                ctx.Error(ValidationRules.ServicePortName, "a port needs a name when the Service has more than one port",
                    port.Location, "add a name such as \"http\" or \"https\"");
            }

            if (port.GetValueOrDefault("port") is IntegerNode portNumber && portNumber.Value is < 1 or > 65535)
            {
                ctx.Push("port");
                ctx.Error(ValidationRules.ServicePort, $"must be between 1 and 65535, got {portNumber.Text}", portNumber.Location);
                ctx.Pop();
            }

            if (port.GetValueOrDefault("protocol") is StringNode protocol && protocol.Value.Length > 0 && !OneOf(protocol.Value, Protocols))
            {
                ctx.Push("protocol");
                ReportNotOneOf(ValidationRules.ServiceProtocol, protocol, Protocols, ctx);
                ctx.Pop();
            }

            CheckTargetPort(port.GetValueOrDefault("targetPort"), ctx);

            if (port.GetValueOrDefault("nodePort") is IntegerNode nodePort && nodePort.Value != 0)
            {
                ctx.Push("nodePort");
                if (typeKnown && !allocatesNodePorts)
                {
                    ctx.Error(ValidationRules.ServiceNodePort, $"nodePort may only be set when type is NodePort or LoadBalancer, not {type}",
                        nodePort.Location, "remove nodePort, or change spec.type");
                }
                else if (nodePort.Value < ctx.Options.NodePortMin || nodePort.Value > ctx.Options.NodePortMax)
                {
                    ctx.Error(ValidationRules.ServiceNodePort,
                        $"{nodePort.Text} is outside the node port range {ctx.Options.NodePortMin}-{ctx.Options.NodePortMax}",
                        nodePort.Location, "leave nodePort unset to have one allocated");
                }
                else
                {
                    var protocolText = port.GetString("protocol") ?? "TCP";
                    for (var j = 0; j < i; j++)
                    {
                        if (ports[j] is MappingNode other && other.GetValueOrDefault("nodePort") is IntegerNode otherNodePort
                            && otherNodePort.Value == nodePort.Value && (other.GetString("protocol") ?? "TCP") == protocolText)
                        {
                            ctx.Error(ValidationRules.ServiceNodePort, $"duplicate nodePort {nodePort.Text} for {protocolText} (same as index {j.ToString(CultureInfo.InvariantCulture)})",
                                nodePort.Location);
                            break;
                        }
                    }
                }
                ctx.Pop();
            }
            ctx.Pop();
        }
        ctx.Pop();
    }

    private static void CheckTargetPort(ManifestNode? targetPort, ValidationContext ctx)
    {
        if (targetPort is null) return;
        ctx.Push("targetPort");
        switch (targetPort)
        {
            // 0 is what an unset targetPort decodes to; the server then uses the port's own number.
            case IntegerNode n when n.Value is < 0 or > 65535:
                ctx.Error(ValidationRules.ServiceTargetPort, $"must be between 1 and 65535, got {n.Text}", n.Location);
                break;
            case StringNode s when NameRules.PortNameProblem(s.Value) is { } problem:
                var suggestion = long.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? $"write the number without quotes: {number.ToString(CultureInfo.InvariantCulture)}"
                    : "name a container port (such as \"http\") or give its number";
                ctx.Error(ValidationRules.ServiceTargetPort, $"{SchemaWalker.Quote(s.Value)} is neither a port number nor a valid port name: {problem}",
                    s.Location, suggestion);
                break;
        }
        ctx.Pop();
    }

    private static void CheckExternalName(MappingNode spec, string type, bool typeKnown, ValidationContext ctx)
    {
        var node = spec.GetValueOrDefault("externalName") as StringNode;
        if (typeKnown && type == "ExternalName")
        {
            if (node is null || node.Value.Length == 0)
            {
                ctx.Error(ValidationRules.ServiceExternalName, "an ExternalName Service needs spec.externalName", node?.Location ?? spec.Location,
                    "set externalName to the DNS name to alias, e.g. db.example.com");
                return;
            }
            var name = node.Value.EndsWith('.') ? node.Value[..^1] : node.Value;
            if (!NameRules.IsDns1123Subdomain(name))
            {
                ctx.Push("externalName");
                ctx.Error(ValidationRules.ServiceExternalName,
                    $"{SchemaWalker.Quote(node.Value)} is not a valid DNS name: it must be a lowercase RFC 1123 subdomain", node.Location);
                ctx.Pop();
            }
        }
        else if (typeKnown && node is { Value.Length: > 0 })
        {
            ctx.Push("externalName");
            ctx.Warning(ValidationRules.ServiceExternalName, $"externalName is ignored unless type is ExternalName (type is {type})", node.Location,
                "remove externalName, or use type: ExternalName");
            ctx.Pop();
        }
    }

    private static void CheckSessionAffinity(MappingNode spec, ValidationContext ctx)
    {
        var written = spec.GetValueOrDefault("sessionAffinity") as StringNode;
        var affinity = CheckChoice(spec, "sessionAffinity", ValidationRules.ServiceSessionAffinity, Affinities, ctx);
        if (written is { Value.Length: > 0 } && affinity is null) return; // an unsupported value, already reported
        affinity ??= "None";
        if (spec.GetValueOrDefault("sessionAffinityConfig") is not MappingNode config) return;
        ctx.Push("sessionAffinityConfig");
        if (affinity != "ClientIP")
        {
            ctx.Error(ValidationRules.ServiceSessionAffinity, "sessionAffinityConfig may only be set when sessionAffinity is ClientIP",
                config.Location, "set sessionAffinity: ClientIP, or remove sessionAffinityConfig");
        }
        else if ((config.GetValueOrDefault("clientIP") as MappingNode)?.GetValueOrDefault("timeoutSeconds") is IntegerNode timeout
                 && timeout.Value is < 1 or > MaxSessionAffinityTimeout)
        {
            ctx.Push("clientIP");
            ctx.Push("timeoutSeconds");
            ctx.Error(ValidationRules.ServiceSessionAffinity, $"must be between 1 and {MaxSessionAffinityTimeout} seconds, got {timeout.Text}", timeout.Location);
            ctx.Pop();
            ctx.Pop();
        }
        ctx.Pop();
    }

    private static void CheckTrafficPolicies(MappingNode spec, string type, bool typeKnown, bool externallyAccessible, ValidationContext ctx)
    {
        var external = CheckChoice(spec, "externalTrafficPolicy", ValidationRules.ServiceTrafficPolicy, TrafficPolicies, ctx);
        if (external is not null && typeKnown && !externallyAccessible)
        {
            ctx.Push("externalTrafficPolicy");
            ctx.Error(ValidationRules.ServiceTrafficPolicy, $"externalTrafficPolicy may only be set for NodePort and LoadBalancer Services (or with externalIPs), not {type}",
                spec.GetValueOrDefault("externalTrafficPolicy")!.Location, "remove externalTrafficPolicy");
            ctx.Pop();
        }
        CheckChoice(spec, "internalTrafficPolicy", ValidationRules.ServiceTrafficPolicy, TrafficPolicies, ctx);
        if (spec.GetValueOrDefault("healthCheckNodePort") is IntegerNode health && health.Value != 0
            && typeKnown && !(type == "LoadBalancer" && external == "Local"))
        {
            ctx.Push("healthCheckNodePort");
            ctx.Error(ValidationRules.ServiceTrafficPolicy, "healthCheckNodePort may only be set for a LoadBalancer Service with externalTrafficPolicy Local",
                health.Location, "remove healthCheckNodePort");
            ctx.Pop();
        }
    }

    private static void CheckIpFamilies(MappingNode spec, string type, ValidationContext ctx)
    {
        var policy = CheckChoice(spec, "ipFamilyPolicy", ValidationRules.ServiceIpFamily, IpFamilyPolicies, ctx);
        var families = spec.GetValueOrDefault("ipFamilies") as SequenceNode;
        if (type == "ExternalName")
        {
            if (policy is not null)
            {
                ctx.Push("ipFamilyPolicy");
                ctx.Error(ValidationRules.ServiceIpFamily, "an ExternalName Service takes no ipFamilyPolicy", spec.GetValueOrDefault("ipFamilyPolicy")!.Location);
                ctx.Pop();
            }
            if (families is { Count: > 0 })
            {
                ctx.Push("ipFamilies");
                ctx.Error(ValidationRules.ServiceIpFamily, "an ExternalName Service takes no ipFamilies", families.Location);
                ctx.Pop();
            }
            return;
        }
        if (families is null) return;
        ctx.Push("ipFamilies");
        if (families.Count > 2)
            ctx.Error(ValidationRules.ServiceIpFamily, $"may list at most 2 families, has {families.Count}", families.Location);
        else if (families.Count == 2 && policy == "SingleStack")
            ctx.Error(ValidationRules.ServiceIpFamily, "a SingleStack Service lists exactly one IP family", families.Location,
                "use ipFamilyPolicy: PreferDualStack or RequireDualStack, or list one family");
        for (var i = 0; i < families.Count; i++)
        {
            if (families[i] is not StringNode family) continue;
            ctx.Push(i);
            if (!OneOf(family.Value, IpFamilies)) ReportNotOneOf(ValidationRules.ServiceIpFamily, family, IpFamilies, ctx);
            else if (i == 1 && families[0] is StringNode first && first.Value == family.Value)
                ctx.Error(ValidationRules.ServiceIpFamily, $"duplicate IP family {SchemaWalker.Quote(family.Value)}", family.Location);
            ctx.Pop();
        }
        ctx.Pop();
    }

    private static void CheckLoadBalancerOnly(MappingNode spec, string type, bool typeKnown, ValidationContext ctx)
    {
        if (spec.GetValueOrDefault("loadBalancerSourceRanges") is SequenceNode ranges)
        {
            ctx.Push("loadBalancerSourceRanges");
            if (typeKnown && type != "LoadBalancer" && ranges.Count > 0)
                ctx.Error(ValidationRules.ServiceLoadBalancerOnly, $"loadBalancerSourceRanges may only be set when type is LoadBalancer, not {type}", ranges.Location);
            for (var i = 0; i < ranges.Count; i++)
            {
                if (ranges[i] is not StringNode r || Formats.IsCidr(r.Value.Trim())) continue;
                ctx.Push(i);
                ctx.Error(ValidationRules.ServiceAddress, $"{SchemaWalker.Quote(r.Value)} is not a CIDR such as 10.0.0.0/16", r.Location);
                ctx.Pop();
            }
            ctx.Pop();
        }
        if (typeKnown && type != "LoadBalancer")
        {
            foreach (var field in (ReadOnlySpan<string>)["loadBalancerClass", "allocateLoadBalancerNodePorts"])
            {
                if (!spec.TryGetValue(field, out var value) || value is NullNode) continue;
                ctx.Push(field);
                ctx.Error(ValidationRules.ServiceLoadBalancerOnly, $"{field} may only be set when type is LoadBalancer, not {type}", value.Location,
                    $"remove {field}");
                ctx.Pop();
            }
        }
        if (spec.GetValueOrDefault("externalIPs") is SequenceNode externalIps)
        {
            ctx.Push("externalIPs");
            for (var i = 0; i < externalIps.Count; i++)
            {
                if (externalIps[i] is not StringNode ip || Formats.IsIpAddress(ip.Value)) continue;
                ctx.Push(i);
                ctx.Error(ValidationRules.ServiceAddress, $"{SchemaWalker.Quote(ip.Value)} is not an IP address", ip.Location);
                ctx.Pop();
            }
            ctx.Pop();
        }
    }

    private static void CheckSelector(MappingNode spec, ValidationContext ctx)
    {
        if (spec.GetValueOrDefault("selector") is not MappingNode selector) return;
        ctx.Push("selector");
        foreach (var e in selector.Entries)
        {
            ctx.Push(e.Key);
            if (NameRules.QualifiedNameProblem(e.Key) is { } keyProblem)
                ctx.Error(ValidationRules.ServiceSelector, $"invalid label key {SchemaWalker.Quote(e.Key)}: {keyProblem}", e.KeyLocation ?? e.Value.Location);
            if (e.Value is StringNode s && NameRules.LabelValueProblem(s.Value) is { } valueProblem)
                ctx.Error(ValidationRules.ServiceSelector, $"invalid label value {SchemaWalker.Quote(s.Value)}: {valueProblem}", s.Location);
            ctx.Pop();
        }
        ctx.Pop();
    }
}
