using System.Globalization;
using System.Text;
using System.Text.Json;
using OkeGitOps.Manifests.Validation;
using static OkeGitOps.Manifests.Oci.OciAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// Parses annotation values the way the CCM does, and checks each against the facts table: booleans, integers and
/// ranges, fixed choices, OCIDs, JSON shapes, Secret references, label selectors and IP addresses.
/// </summary>
internal static class OciAnnotationValues
{
    public const int FlexMinMbps = 10;
    public const int FlexMaxMbps = 8000;
    public const int LbHealthCheckIntervalMin = 1000;
    public const int NlbHealthCheckIntervalMin = 10000;
    public const int HealthCheckIntervalMax = 1800000;
    public const int MaxNetworkSecurityGroups = 5;

    private static readonly string[] Shapes = ["100Mbps", "400Mbps", "8000Mbps", "flexible"];
    private static readonly string[] Kinds = ["lb", "nlb"];

    /// <summary>Go's <c>strconv.ParseBool</c>.</summary>
    public static bool? ParseBool(string value) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    /// <summary>Go's <c>strconv.Atoi</c>.</summary>
    public static long? ParseInt(string value)
        => value.Length > 0 && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1])
           && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A flexible-shape bound as the CCM reads it: non-alphanumerics dropped, an optional Mbps suffix, then an integer.</summary>
    public static long? ParseMbps(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
        }
        var s = sb.ToString();
        if (s.EndsWith("Mbps", StringComparison.Ordinal) || s.EndsWith("mbps", StringComparison.Ordinal)) s = s[..^4];
        return s.Length > 0 && s.All(char.IsAsciiDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>The comma-separated NSG list as the CCM reads it: spaces removed, duplicates dropped; <c>null</c> entries are empty.</summary>
    public static List<string> SplitList(string value) => value.Replace(" ", "", StringComparison.Ordinal).Split(',').ToList();

    /// <summary>Checks one annotation's value; the key decides what is expected (lb and nlb ranges differ by key).</summary>
    public static void Check(string key, string value, List<OciFinding> into)
    {
        switch (key)
        {
            case LoadBalancerType:
                if (Array.IndexOf(Kinds, value.ToLowerInvariant()) < 0)
                    into.Add(OciFinding.Error(OciRules.AnnotationValue, $"unsupported value {Q(value)}: must be \"lb\" or \"nlb\"; the CCM would silently fall back to lb", Near(value, Kinds)));
                else if (value != value.ToLowerInvariant())
                    into.Add(OciFinding.Warning(OciRules.AnnotationValue, $"write {Q(value.ToLowerInvariant())} in lowercase: parts of the CCM compare the raw value with lowercase \"nlb\"",
                        $"use {Q(value.ToLowerInvariant())}"));
                break;
            case Internal or NlbInternal or NlbIsPreserveSource or NlbExternalIpOnly:
                Bool(value, into);
                break;
            case NlbIsPpv2Enabled:
                if (!value.Equals("true", StringComparison.OrdinalIgnoreCase) && !value.Equals("false", StringComparison.OrdinalIgnoreCase))
                    into.Add(OciFinding.Error(OciRules.AnnotationValue, $"{Q(value)} is neither \"true\" nor \"false\", so the CCM ignores it", "write \"true\" or \"false\""));
                break;
            case Shape:
                if (!Shapes.Any(s => s.Equals(value, StringComparison.OrdinalIgnoreCase)))
                    into.Add(NotOneOf(value, Shapes));
                break;
            case ShapeFlexMin or ShapeFlexMax:
                FlexBound(value, into);
                break;
            case Subnet1 or Subnet2 or NlbSubnet:
                Ocid(value, into, OciOcid.Subnet);
                break;
            case CompartmentId:
                Ocid(value, into, OciOcid.Compartment, OciOcid.Tenancy);
                break;
            case NetworkSecurityGroups or NlbNetworkSecurityGroups or BackendNetworkSecurityGroups:
                NsgList(value, into);
                break;
            case SecurityListManagementMode:
                Choice(value, ["All", "Frontend", "None"], ignoreCase: false, into,
                    "; the CCM would silently treat it as All");
                break;
            case NlbSecurityListManagementMode:
                Choice(value, ["All", "Frontend", "None"], ignoreCase: false, into);
                break;
            case SecurityRuleManagementMode:
                if (value != "None" && !new[] { "SL-All", "SL-Frontend", "NSG" }.Any(v => v.Equals(value, StringComparison.OrdinalIgnoreCase)))
                    into.Add(NotOneOf(value, ["SL-All", "SL-Frontend", "NSG", "None"]));
                break;
            case BackendProtocol:
                if (value.Length > 0) Choice(value, OciApiValues.All<OciBackendProtocol>(), ignoreCase: true, into);
                break;
            case Policy:
                Choice(value, OciApiValues.All<OciLoadBalancerPolicy>(), ignoreCase: false, into);
                break;
            case NlbBackendPolicy:
                Choice(value, OciApiValues.All<OciNlbBackendPolicy>(), ignoreCase: false, into);
                break;
            case IngressIpMode:
                Choice(value, OciApiValues.All<OciIngressIpMode>(), ignoreCase: true, into);
                break;
            case SslPorts:
                foreach (var part in value.Split(','))
                {
                    var p = ParseInt(part.Trim());
                    if (p is null or < 1 or > 65535)
                    {
                        into.Add(OciFinding.Error(OciRules.AnnotationValue, $"{Q(part.Trim())} is not a port number; write the ports as a comma-separated list such as \"443,8443\""));
                        break;
                    }
                }
                break;
            case TlsSecret or TlsBackendSetSecret:
                SecretRef(value, into);
                break;
            case ListenerSslConfig or BackendSetSslConfig:
                SslConfig(value, into);
                break;
            case ConnectionIdleTimeout:
                Integer(value, into, min: 1, unit: "seconds");
                break;
            case ConnectionProxyProtocolVersion:
                if (Integer(value, into, min: null, unit: null) is { } version && version is not (1 or 2))
                    into.Add(OciFinding.Error(OciRules.AnnotationValue, $"must be 1 or 2, got {version}"));
                break;
            case HealthCheckRetries or NlbHealthCheckRetries:
                Integer(value, into, min: 0, unit: null);
                break;
            case HealthCheckTimeout or NlbHealthCheckTimeout:
                Integer(value, into, min: 1, unit: "milliseconds");
                break;
            case HealthCheckInterval or NlbHealthCheckInterval:
                if (Integer(value, into, min: null, unit: "milliseconds") is { } interval)
                {
                    var min = key == HealthCheckInterval ? LbHealthCheckIntervalMin : NlbHealthCheckIntervalMin;
                    if (interval < min || interval > HealthCheckIntervalMax)
                        into.Add(OciFinding.Error(OciRules.HealthCheckInterval,
                            $"must be between {min} and {HealthCheckIntervalMax} milliseconds, got {interval}",
                            key == HealthCheckInterval ? "the OCI Load Balancer default is 10000" : "the NLB default is 10000"));
                }
                break;
            case InitialDefinedTagsOverride or NlbInitialDefinedTagsOverride or NlbDefinedTags:
                Json(value, into, "{\"namespace\": {\"key\": \"value\"}}", root =>
                    root.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.Object)
                        ? "every tag namespace must map to an object of tags" : null);
                break;
            case InitialFreeformTagsOverride or NlbInitialFreeformTagsOverride or NlbFreeformTags:
                Json(value, into, "{\"key\": \"value\"}", root =>
                    root.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String)
                        ? "every freeform tag value must be a string" : null);
                break;
            case RuleSets:
                Json(value, into, "{\"rule-set-name\": {\"items\": [...]}}", root =>
                {
                    foreach (var p in root.EnumerateObject())
                    {
                        if (p.Value.ValueKind != JsonValueKind.Object) return $"rule set \"{p.Name}\" must be an object with \"items\"";
                        if (!p.Value.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                            return $"rule set \"{p.Name}\" needs an \"items\" array";
                    }
                    return null;
                });
                break;
            case NodeLabelSelector or NlbNodeLabelSelector:
                if (LabelSelectorProblem(value) is { } problem)
                    into.Add(OciFinding.Error(OciRules.AnnotationValue, $"{Q(value)} is not a label selector: {problem}", "write e.g. \"pool=web,env!=dev\""));
                break;
            case WorkloadServiceAccount:
                if (value.Length == 0)
                    into.Add(OciFinding.Error(OciRules.AnnotationValue, "is empty; name a ServiceAccount in the Service's namespace, or remove the annotation"));
                else if (!NameRules.IsDns1123Subdomain(value))
                    into.Add(OciFinding.Error(OciRules.AnnotationValue, $"{Q(value)} is not a ServiceAccount name (a lowercase DNS subdomain)"));
                break;
            case NlbAssignedPrivateIPv4:
                if (Formats.StringProblem("ipv4", value) is not null)
                    into.Add(OciFinding.Error(OciRules.AnnotationValue, $"{Q(value)} is not an IPv4 address"));
                break;
            case NlbAssignedIPv6:
                if (Formats.StringProblem("ipv6", value) is not null)
                    into.Add(OciFinding.Error(OciRules.AnnotationValue, $"{Q(value)} is not an IPv6 address"));
                break;
        }
    }

    private static string Q(string s) => SchemaWalker.Quote(s);

    private static string? Near(string value, string[] allowed)
        => NearMatch.Find(value, allowed) is { } near ? $"did you mean \"{near}\"?" : null;

    private static OciFinding NotOneOf(string value, string[] allowed, string tail = "")
        => OciFinding.Error(OciRules.AnnotationValue,
            $"unsupported value {Q(value)}: must be one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}{tail}", Near(value, allowed));

    private static void Choice(string value, string[] allowed, bool ignoreCase, List<OciFinding> into, string tail = "")
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!allowed.Any(a => a.Equals(value, comparison))) into.Add(NotOneOf(value, allowed, tail));
    }

    private static void Bool(string value, List<OciFinding> into)
    {
        if (ParseBool(value) is null)
            into.Add(OciFinding.Error(OciRules.AnnotationValue, $"{Q(value)} is not a boolean the CCM can read", "write \"true\" or \"false\""));
    }

    private static long? Integer(string value, List<OciFinding> into, long? min, string? unit)
    {
        var n = ParseInt(value);
        var unitText = unit is null ? "" : $" of {unit}";
        if (n is null)
        {
            into.Add(OciFinding.Error(OciRules.AnnotationValue, $"{Q(value)} is not a whole number{unitText}"));
            return null;
        }
        if (min is { } m && n < m)
        {
            into.Add(OciFinding.Error(OciRules.AnnotationValue, $"must be at least {m}{(unit is null ? "" : " " + unit)}, got {n}"));
            return null;
        }
        return n;
    }

    private static void FlexBound(string value, List<OciFinding> into)
    {
        var n = ParseMbps(value);
        if (n is null)
        {
            into.Add(OciFinding.Error(OciRules.FlexShape, $"{Q(value)} is not a bandwidth in Mbps such as \"100\""));
            return;
        }
        // The CCM drops the sign with the other non-alphanumerics; a negative bound is a mistake all the same.
        if (value.TrimStart().StartsWith('-')) n = -n;
        if (n < FlexMinMbps || n > FlexMaxMbps)
            into.Add(OciFinding.Error(OciRules.FlexShape, $"must be between {FlexMinMbps} and {FlexMaxMbps} Mbps, got {n}",
                "OCI flexible shapes take 10 to 8000 Mbps; the CCM would silently clamp the value"));
    }

    private static void Ocid(string value, List<OciFinding> into, params string[] types)
    {
        if (OciOcid.Problem(value, types) is { } problem) into.Add(OciFinding.Error(OciRules.Ocid, problem));
    }

    private static void NsgList(string value, List<OciFinding> into)
    {
        var parts = SplitList(value);
        if (parts.Any(p => p.Length == 0))
        {
            into.Add(OciFinding.Error(OciRules.AnnotationValue, "has an empty entry in its comma-separated list of NSG OCIDs", "remove the extra comma"));
            parts.RemoveAll(p => p.Length == 0);
        }
        foreach (var p in parts) Ocid(p, into, OciOcid.NetworkSecurityGroup);
    }

    /// <summary>How many distinct NSGs the list names (as the CCM counts them).</summary>
    public static int CountNsgs(string value) => SplitList(value).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Count();

    private static void SecretRef(string value, List<OciFinding> into)
    {
        var slash = value.IndexOf('/');
        var ok = slash < 0
            ? NameRules.IsDns1123Subdomain(value)
            : NameRules.IsDns1123Label(value[..slash]) && NameRules.IsDns1123Subdomain(value[(slash + 1)..]);
        if (!ok)
            into.Add(OciFinding.Error(OciRules.AnnotationValue, $"{Q(value)} is not a Secret reference", "write <name> or <namespace>/<name>, both lowercase DNS names"));
    }

    private static void SslConfig(string value, List<OciFinding> into)
    {
        var tls = OciApiValues.All<OciTlsProtocol>();
        Json(value, into, "{\"CipherSuiteName\": \"oci-modern-ssl-cipher-suite-v1\", \"Protocols\": [\"TLSv1.2\", \"TLSv1.3\"]}", root =>
        {
            JsonElement? suite = null, protocols = null;
            foreach (var p in root.EnumerateObject())
            {
                // Go's encoding/json matches field names case-insensitively.
                if (p.Name.Equals("CipherSuiteName", StringComparison.OrdinalIgnoreCase)) suite = p.Value;
                else if (p.Name.Equals("Protocols", StringComparison.OrdinalIgnoreCase)) protocols = p.Value;
                else return $"unknown field \"{p.Name}\": only CipherSuiteName and Protocols are read";
            }
            if (suite is not { ValueKind: JsonValueKind.String } s || s.GetString()!.Length == 0) return "CipherSuiteName must be a non-empty string";
            if (protocols is { } list)
            {
                if (list.ValueKind != JsonValueKind.Array) return "Protocols must be an array of strings";
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || Array.IndexOf(tls, item.GetString()) < 0)
                        return $"Protocols may hold only {string.Join(", ", tls.Select(t => $"\"{t}\""))}, got {item.GetRawText()}";
                }
            }
            return null;
        });
    }

    private static void Json(string value, List<OciFinding> into, string example, Func<JsonElement, string?> shape)
    {
        try
        {
            using var doc = JsonDocument.Parse(value);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                into.Add(OciFinding.Error(OciRules.AnnotationValue, $"must be a JSON object such as {example}"));
                return;
            }
            if (shape(doc.RootElement) is { } problem)
                into.Add(OciFinding.Error(OciRules.AnnotationValue, $"{problem}; expected JSON such as {example}"));
        }
        catch (JsonException e)
        {
            into.Add(OciFinding.Error(OciRules.AnnotationValue, $"is not valid JSON ({FirstSentence(e.Message)})", $"write JSON such as {example}"));
        }
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return (dot > 0 ? message[..dot] : message).TrimEnd('.');
    }

    /// <summary>Why <paramref name="selector"/> is not a Kubernetes label selector string, or <c>null</c>.</summary>
    public static string? LabelSelectorProblem(string selector)
    {
        if (selector.Trim().Length == 0) return "it is empty";
        foreach (var raw in SplitOutsideParens(selector))
        {
            var r = raw.Trim();
            if (r.Length == 0) return "it has an empty requirement";
            string key;
            var values = new List<string>();
            if (SetRequirement(r) is null && (r.Contains(" in ", StringComparison.Ordinal) || r.Contains(" notin ", StringComparison.Ordinal)))
                return $"\"{r}\" needs its values in parentheses, e.g. \"pool in (web,api)\"";
            var set = SetRequirement(r);
            if (set is { } s)
            {
                key = s.Key;
                values.AddRange(s.Values);
                if (values.Count == 0) return $"\"{r}\" lists no values";
            }
            else if (r.StartsWith('!'))
            {
                key = r[1..].Trim();
            }
            else
            {
                var op = r.IndexOf("!=", StringComparison.Ordinal);
                var len = 2;
                if (op < 0) { op = r.IndexOf("==", StringComparison.Ordinal); }
                if (op < 0) { op = r.IndexOf('='); len = 1; }
                if (op < 0) { key = r; }
                else
                {
                    key = r[..op].Trim();
                    values.Add(r[(op + len)..].Trim());
                }
            }
            if (NameRules.QualifiedNameProblem(key) is { } kp) return $"key \"{key}\": {kp}";
            foreach (var v in values)
            {
                if (NameRules.LabelValueProblem(v) is { } vp) return $"value \"{v}\": {vp}";
            }
        }
        return null;
    }

    private static (string Key, string[] Values)? SetRequirement(string r)
    {
        var open = r.IndexOf('(');
        if (open < 0 || !r.EndsWith(')')) return null;
        var head = r[..open].Trim();
        string? key = null;
        foreach (var op in (ReadOnlySpan<string>)[" notin", " in"])
        {
            if (head.EndsWith(op, StringComparison.Ordinal)) { key = head[..^op.Length].Trim(); break; }
        }
        if (key is null) return null;
        var values = r[(open + 1)..^1].Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
        return (key, values);
    }

    private static IEnumerable<string> SplitOutsideParens(string s)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '(') depth++;
            else if (s[i] == ')') depth--;
            else if (s[i] == ',' && depth == 0)
            {
                yield return s[start..i];
                start = i + 1;
            }
        }
        yield return s[start..];
    }
}
