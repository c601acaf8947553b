using System.Text.Json;
using OkeGitOps.Manifests.Validation;
using static OkeGitOps.Manifests.Oci.OciNativeIngressAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// Parses native ingress annotation values the way the controller (v1.4.3) does and checks each against the facts
/// table: integers (Go <c>Atoi</c>, a failure stops the whole class's reconcile), booleans (Go <c>ParseBool</c>, a
/// failure is silently replaced by the default), choices, OCIDs and JSON shapes, plus the ranges OCI itself enforces.
/// </summary>
internal static class OciNativeIngressValues
{
    /// <summary>The OCID resource type of an OCI Certificates certificate.</summary>
    public const string CertificateType = "certificate";

    /// <summary>The OCID resource type of an OCI WAF web app firewall policy.</summary>
    public const string WafPolicyType = "webappfirewallpolicy";

    /// <summary>The OCID resource type of an OCI load balancer.</summary>
    public const string LoadBalancerType = "loadbalancer";

    /// <summary>The OCID resource type of a reserved public IP.</summary>
    public const string PublicIpType = "publicip";

    public const int MinBandwidthMbps = 10;
    public const int MaxBandwidthMbps = 8000;
    public const int HealthCheckIntervalMin = 1000;
    public const int HealthCheckIntervalMax = 1800000;

    private static readonly string[] Protocols = OciApiValues.All<OciIngressProtocol>();
    private static readonly string[] HealthCheckProtocols = OciApiValues.All<OciHealthCheckProtocol>();
    private static readonly string[] Policies = OciApiValues.All<OciLoadBalancerPolicy>();

    /// <summary>The LB-cookie JSON fields OCI knows, with the JSON kind each takes.</summary>
    private static readonly Dictionary<string, JsonValueKind[]> LbCookieFields = new(StringComparer.Ordinal)
    {
        ["cookieName"] = [JsonValueKind.String],
        ["disableFallback"] = [JsonValueKind.True, JsonValueKind.False],
        ["domain"] = [JsonValueKind.String],
        ["path"] = [JsonValueKind.String],
        ["maxAgeInSeconds"] = [JsonValueKind.Number],
        ["isSecure"] = [JsonValueKind.True, JsonValueKind.False],
        ["isHttpOnly"] = [JsonValueKind.True, JsonValueKind.False],
    };

    /// <summary>Checks one annotation's value; the key decides what is expected.</summary>
    public static void Check(string key, string value, List<OciFinding> into)
    {
        switch (key)
        {
            case Protocol:
                if (Array.IndexOf(Protocols, value.ToUpperInvariant()) < 0)
                    into.Add(Error($"unsupported protocol {Q(value)}: the controller does not check it and sends it to OCI as the listener protocol, which accepts only {List(Protocols)}",
                        Near(value.ToUpperInvariant(), Protocols)));
                break;
            case Policy:
                if (Array.IndexOf(Policies, value) < 0)
                {
                    var upper = value.ToUpperInvariant();
                    into.Add(Error(Array.IndexOf(Policies, upper) >= 0
                            ? $"{Q(value)} must be written in capitals: the controller passes the policy to OCI exactly as written, and OCI knows only {List(Policies)}"
                            : $"unsupported policy {Q(value)}: OCI knows only {List(Policies)}; the controller does not check it",
                        Array.IndexOf(Policies, upper) >= 0 ? $"use {Q(upper)}" : Near(upper, Policies)));
                }
                break;
            case CertificateOcid:
                if (value.Length == 0)
                    into.Add(Error("is empty, but its presence alone turns TLS on for the listener, with no certificate to serve",
                        "name an OCI Certificates certificate (ocid1.certificate...), or remove the annotation"));
                else Ocid(value, into, CertificateType);
                break;
            case BackendTlsEnabled:
                Bool(value, into, "true");
                break;
            case HealthCheckForcePlaintext or DeleteProtectionEnabled:
                Bool(value, into, "false");
                break;
            case HealthCheckProtocol:
                if (Array.IndexOf(HealthCheckProtocols, value.ToUpperInvariant()) < 0)
                {
                    into.Add(OciFinding.Error(OciRules.IngressHealthCheck,
                        $"health-check protocol {Q(value)} does not exist: the controller knows only \"TCP\" and \"HTTP\" and stops reconciling the IngressClass with \"unknown protocol found for healthcheck\"",
                        value.Equals("HTTPS", StringComparison.OrdinalIgnoreCase)
                            ? "use \"HTTP\": an HTTP check already uses TLS when the backend set does (backend-tls-enabled), unless healthcheck-force-plaintext is true"
                            : Near(value.ToUpperInvariant(), HealthCheckProtocols)));
                }
                break;
            case HealthCheckPort:
                Integer(value, into, 0, 65535, "0 (each backend's own port) or a port number");
                break;
            case HttpListenerPort or HttpsListenerPort:
                Integer(value, into, 0, 65535, "a port number (0 means unset)");
                break;
            case HealthCheckIntervalMilliseconds:
                Integer(value, into, HealthCheckIntervalMin, HealthCheckIntervalMax, "milliseconds; OCI accepts 1000 to 1800000 and the default is 10000");
                break;
            case HealthCheckTimeoutMilliseconds:
                Integer(value, into, 1, null, "milliseconds; the default is 3000");
                break;
            case HealthCheckRetries:
                Integer(value, into, 1, null, "a count; the default is 3");
                break;
            case HealthCheckReturnCode:
                Integer(value, into, 100, 599, "an HTTP status such as 200");
                break;
            case HealthCheckPath:
                if (value.Length > 0 && value[0] != '/')
                    into.Add(Error($"{Q(value)} is not a path: an HTTP health-check path starts with '/'", $"use {Q("/" + value)}"));
                break;
            case LbCookieSessionPersistenceConfig:
                if (value.Trim().Length > 0) LbCookie(value, into);
                break;
            case SessionPersistenceConfig:
                if (value.Trim().Length > 0) AppCookie(value, into);
                break;
            case Id:
                Ocid(value, into, LoadBalancerType);
                break;
            case WafPolicyOcid:
                Ocid(value, into, WafPolicyType);
                break;
            case FirewallId or ImplicitDefaultTags:
                into.Add(OciFinding.Warning(OciRules.IngressControllerOwned,
                    "is written by the native ingress controller itself; set in Git, Argo CD and the controller would fight over it",
                    "remove it from the manifest"));
                break;
            case NetworkSecurityGroupIds:
                NsgList(value, into);
                break;
            case DefinedTags:
                Json(value, into, "{\"namespace\": {\"key\": \"value\"}}", root =>
                    root.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.Object) ? "every tag namespace must map to an object of tags" : null);
                break;
            case FreeformTags:
                Json(value, into, "{\"key\": \"value\"}", root =>
                    root.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String) ? "every freeform tag value must be a string" : null);
                break;
            case WorkloadServiceAccount:
                if (value.Length == 0)
                    into.Add(Error("is empty; the controller refuses it with \"empty string provided\"", "name a ServiceAccount in the namespace of spec.parameters, or remove the annotation"));
                else if (!NameRules.IsDns1123Subdomain(value))
                    into.Add(Error($"{Q(value)} is not a ServiceAccount name (a lowercase DNS subdomain)"));
                break;
            case IsDefaultClass:
                if (value != "true" && OciAnnotationValues.ParseBool(value) == true)
                    into.Add(OciFinding.Error(OciRules.IngressClassController,
                        $"{Q(value)} does not make this the default class: the native ingress controller compares the value with the exact string \"true\"",
                        "write \"true\""));
                break;
        }
    }

    /// <summary>The NSG OCIDs a comma-separated list names, as the controller reads it (trimmed, empty items dropped).</summary>
    public static string[] SplitNsgs(string value) => value.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();

    /// <summary>The effective value of an integer annotation, or <c>null</c> when absent or unparsable.</summary>
    public static long? Int(string? value) => value is null ? null : OciAnnotationValues.ParseInt(value);

    private static OciFinding Error(string message, string? suggestion = null) => OciFinding.Error(OciRules.IngressAnnotationValue, message, suggestion);

    private static string Q(string s) => SchemaWalker.Quote(s);

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));

    private static string? Near(string value, string[] allowed) => NearMatch.Find(value, allowed) is { } near ? $"did you mean \"{near}\"?" : null;

    private static void Bool(string value, List<OciFinding> into, string fallback)
    {
        if (value.Trim().Length > 0 && OciAnnotationValues.ParseBool(value) is null)
            into.Add(Error($"{Q(value)} is not a boolean the controller can read; it logs the failure and silently uses the default, {fallback}", "write \"true\" or \"false\""));
    }

    private static void Integer(string value, List<OciFinding> into, long min, long? max, string what)
    {
        var n = OciAnnotationValues.ParseInt(value);
        if (n is null)
        {
            into.Add(Error($"{Q(value)} is not a whole number; the controller stops reconciling the IngressClass's load balancer until it is fixed",
                $"write {what}"));
            return;
        }
        if (n < min || (max is { } m && n > m))
            into.Add(Error(max is { } top ? $"must be between {min} and {top}, got {n}" : $"must be at least {min}, got {n}", $"write {what}"));
    }

    private static void Ocid(string value, List<OciFinding> into, string type)
    {
        if (OciOcid.Problem(value, type) is { } problem) into.Add(OciFinding.Error(OciRules.Ocid, problem));
    }

    private static void NsgList(string value, List<OciFinding> into)
    {
        var parts = SplitNsgs(value);
        foreach (var p in parts) Ocid(p, into, OciOcid.NetworkSecurityGroup);
        var count = parts.Distinct(StringComparer.Ordinal).Count();
        if (count > OciAnnotationValues.MaxNetworkSecurityGroups)
            into.Add(OciFinding.Error(OciRules.NsgLimit,
                $"lists {count} network security groups, but OCI allows at most {OciAnnotationValues.MaxNetworkSecurityGroups} per load balancer (the controller does not check, OCI refuses the update)"));
    }

    private static void LbCookie(string value, List<OciFinding> into)
        => Json(value, into, "{\"cookieName\": \"X-Oracle-OCI-argocd\", \"isHttpOnly\": true, \"isSecure\": true}", root =>
        {
            foreach (var p in root.EnumerateObject())
            {
                if (!LbCookieFields.TryGetValue(p.Name, out var kinds))
                    return $"unknown field \"{p.Name}\", which the controller silently ignores; the fields are {string.Join(", ", LbCookieFields.Keys)}";
                if (Array.IndexOf(kinds, p.Value.ValueKind) < 0) return $"field \"{p.Name}\" has the wrong type ({p.Value.ValueKind.ToString().ToLowerInvariant()})";
            }
            return null;
        });

    private static void AppCookie(string value, List<OciFinding> into)
        => Json(value, into, "{\"cookieName\": \"session\"}", root =>
        {
            foreach (var p in root.EnumerateObject())
            {
                if (p.Name == "cookieName")
                {
                    if (p.Value.ValueKind != JsonValueKind.String) return "field \"cookieName\" must be a string";
                }
                else if (p.Name == "disableFallback")
                {
                    return "field \"disableFallback\" is parsed but dropped by the controller, so it has no effect";
                }
                else
                {
                    return $"unknown field \"{p.Name}\": the controller reads only cookieName";
                }
            }
            return null;
        });

    private static void Json(string value, List<OciFinding> into, string example, Func<JsonElement, string?> shape)
    {
        try
        {
            using var doc = JsonDocument.Parse(value);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                into.Add(Error($"must be a JSON object such as {example}"));
                return;
            }
            if (shape(doc.RootElement) is { } problem) into.Add(Error($"{problem}; expected JSON such as {example}"));
        }
        catch (JsonException)
        {
            into.Add(Error("is not valid JSON; the controller stops reconciling the load balancer until it is fixed", $"write JSON such as {example}"));
        }
    }
}
