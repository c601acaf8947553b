using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// NetworkPolicy (networking.k8s.io/v1) as the API server checks it: policy types are <c>Ingress</c> and
/// <c>Egress</c>, each once; ports have a protocol of TCP, UDP or SCTP, a port number from 1 to 65535 or a port
/// name, and an <c>endPort</c> only after a numeric port and not below it; a peer is either an <c>ipBlock</c> or pod
/// and namespace selectors, never both and never empty; an <c>ipBlock</c> has a CIDR and exceptions inside it.
/// </summary>
internal static class NetworkPolicyRules
{
    private static readonly string[] PolicyTypes = ["Ingress", "Egress"];
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];

    public static void Check(MappingNode root, ValidationContext ctx)
    {
        if (FieldChecks.Map(root, "spec") is not { } spec) return;
        ctx.Push("spec");
        LabelSelectorRules.Check(spec, "podSelector", ctx);
        if (FieldChecks.List(spec, "policyTypes") is { } types)
        {
            ctx.Push("policyTypes");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < types.Count; i++)
            {
                if (types[i] is not StringNode type) continue;
                ctx.Push(i);
                if (Array.IndexOf(PolicyTypes, type.Value) < 0)
                {
                    var near = NearMatch.Find(type.Value, PolicyTypes);
                    ctx.Error(ValidationRules.NetworkPolicy, $"unsupported policy type {SchemaWalker.Quote(type.Value)}: must be \"Ingress\" or \"Egress\"", type.Location,
                        near is null ? null : $"did you mean \"{near}\"?");
                }
                else if (!seen.Add(type.Value))
                {
                    ctx.Error(ValidationRules.NetworkPolicy, $"policy type {type.Value} is listed twice", type.Location);
                }
                ctx.Pop();
            }
            ctx.Pop();
        }
        CheckRules(spec, "ingress", "from", ctx);
        CheckRules(spec, "egress", "to", ctx);
        ctx.Pop();
    }

    private static void CheckRules(MappingNode spec, string key, string peersKey, ValidationContext ctx)
    {
        if (FieldChecks.List(spec, key) is not { } rules) return;
        ctx.Push(key);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not MappingNode rule) continue;
            ctx.Push(i);
            if (FieldChecks.List(rule, "ports") is { } ports)
            {
                ctx.Push("ports");
                for (var p = 0; p < ports.Count; p++)
                {
                    if (ports[p] is not MappingNode port) continue;
                    ctx.Push(p);
                    CheckPort(port, ctx);
                    ctx.Pop();
                }
                ctx.Pop();
            }
            if (FieldChecks.List(rule, peersKey) is { } peers)
            {
                ctx.Push(peersKey);
                for (var p = 0; p < peers.Count; p++)
                {
                    if (peers[p] is not MappingNode peer) continue;
                    ctx.Push(p);
                    CheckPeer(peer, ctx);
                    ctx.Pop();
                }
                ctx.Pop();
            }
            ctx.Pop();
        }
        ctx.Pop();
    }

    private static void CheckPort(MappingNode port, ValidationContext ctx)
    {
        FieldChecks.Choice(port, "protocol", ValidationRules.NetworkPolicy, Protocols, ctx, "a protocol");
        IntOrStringRules.CheckPort(port, "port", ValidationRules.NetworkPolicy, ctx);
        if (FieldChecks.Integer(port, "endPort") is not { } end) return;
        switch (port.GetValueOrDefault("port"))
        {
            case IntegerNode start when end.Value < start.Value:
                FieldChecks.ErrorAt(ctx, "endPort", ValidationRules.NetworkPolicy, $"endPort ({end.Text}) must not be below port ({start.Text})", end);
                break;
            case IntegerNode when end.Value > 65535:
                FieldChecks.ErrorAt(ctx, "endPort", ValidationRules.NetworkPolicy, $"endPort must be between 1 and 65535, got {end.Text}", end);
                break;
            case IntegerNode:
                break;
            case StringNode:
                FieldChecks.ErrorAt(ctx, "endPort", ValidationRules.NetworkPolicy, "endPort may only be set when port is a number", end, "give port as a number, or remove endPort");
                break;
            default:
                FieldChecks.ErrorAt(ctx, "endPort", ValidationRules.NetworkPolicy, "endPort needs a port to start from", end, "add port: with the first port of the range");
                break;
        }
    }

    private static void CheckPeer(MappingNode peer, ValidationContext ctx)
    {
        var hasPods = FieldChecks.IsSet(peer, "podSelector");
        var hasNamespaces = FieldChecks.IsSet(peer, "namespaceSelector");
        var ipBlock = FieldChecks.Map(peer, "ipBlock");
        if (ipBlock is not null && (hasPods || hasNamespaces))
            FieldChecks.ErrorAt(ctx, "ipBlock", ValidationRules.NetworkPolicy, "a peer takes either ipBlock or pod and namespace selectors, not both", ipBlock,
                "split it into two peers");
        else if (ipBlock is null && !hasPods && !hasNamespaces)
            ctx.Error(ValidationRules.NetworkPolicy, "a peer needs a podSelector, a namespaceSelector or an ipBlock", peer.Location,
                "add podSelector: {matchLabels: ...}; to allow everyone, leave out the from/to list instead");
        LabelSelectorRules.Check(peer, "podSelector", ctx);
        LabelSelectorRules.Check(peer, "namespaceSelector", ctx);
        if (ipBlock is null) return;
        ctx.Push("ipBlock");
        var cidr = FieldChecks.Text(ipBlock, "cidr");
        if (cidr is null) FieldChecks.Require(ipBlock, "cidr", ctx, "an ipBlock needs a CIDR", "add cidr: 10.0.0.0/16");
        else if (!Formats.IsCidr(cidr.Value))
            FieldChecks.ErrorAt(ctx, "cidr", ValidationRules.NetworkPolicy, $"{SchemaWalker.Quote(cidr.Value)} is not a CIDR such as 10.0.0.0/16", cidr);
        if (FieldChecks.List(ipBlock, "except") is { } except)
        {
            ctx.Push("except");
            for (var i = 0; i < except.Count; i++)
            {
                if (except[i] is not StringNode e) continue;
                ctx.Push(i);
                if (!Formats.IsCidr(e.Value))
                    ctx.Error(ValidationRules.NetworkPolicy, $"{SchemaWalker.Quote(e.Value)} is not a CIDR such as 10.0.1.0/24", e.Location);
                else if (cidr is not null && Formats.IsCidr(cidr.Value) && !Inside(e.Value, cidr.Value))
                    ctx.Error(ValidationRules.NetworkPolicy, $"{e.Value} is not inside the block {cidr.Value}", e.Location, "an exception must be a smaller range within cidr");
                ctx.Pop();
            }
            ctx.Pop();
        }
        ctx.Pop();
    }

    /// <summary>True when the CIDR <paramref name="inner"/> lies strictly within <paramref name="outer"/>.</summary>
    private static bool Inside(string inner, string outer)
    {
        var (innerAddress, innerBits) = Split(inner);
        var (outerAddress, outerBits) = Split(outer);
        if (innerAddress.Length != outerAddress.Length || innerBits <= outerBits) return false;
        for (var bit = 0; bit < outerBits; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((innerAddress[bit / 8] & mask) != (outerAddress[bit / 8] & mask)) return false;
        }
        return true;
    }

    private static (byte[] Address, int Bits) Split(string cidr)
    {
        var slash = cidr.IndexOf('/');
        return (System.Net.IPAddress.Parse(cidr[..slash]).GetAddressBytes(), int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
