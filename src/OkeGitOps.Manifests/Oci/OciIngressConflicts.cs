using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using static OkeGitOps.Manifests.Oci.OciNativeIngressAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// The controller's checks across the Ingresses of one IngressClass (which share one load balancer), on
/// <see cref="OciIngressFacts"/>: one protocol and one certificate per listener port, one backend per TCP port,
/// one policy and one health check per backend set. Each finding names the earlier Ingress it conflicts with.
/// </summary>
internal static class OciIngressConflicts
{
    private static readonly Dictionary<string, string> HealthCheckDefaults = new(StringComparer.Ordinal)
    {
        [HealthCheckProtocol] = "TCP", [HealthCheckPort] = "0", [HealthCheckPath] = "", [HealthCheckIntervalMilliseconds] = "10000",
        [HealthCheckTimeoutMilliseconds] = "3000", [HealthCheckRetries] = "3", [HealthCheckReturnCode] = "200",
        [HealthCheckResponseRegex] = "", [HealthCheckForcePlaintext] = "false",
    };

    public static List<(OciIngressFacts, Diagnostic)> Find(IReadOnlyList<OciIngressFacts> facts)
    {
        var found = new List<(OciIngressFacts, Diagnostic)>();
        var classes = facts.Where(f => f.Kind == "IngressClass").ToList();
        var ociClasses = classes.Where(c => c.IsOciClass).Select(c => c.ClassName!).ToHashSet(StringComparer.Ordinal);
        var otherClasses = classes.Where(c => !c.IsOciClass).Select(c => c.ClassName!).ToHashSet(StringComparer.Ordinal);
        var defaultClass = classes.Where(c => c.IsOciClass && c.IsDefaultClass).Select(c => c.ClassName).FirstOrDefault();
        var groups = facts.Where(f => f.Kind == "Ingress")
            .GroupBy(f => f.ClassName ?? defaultClass ?? "")
            .Where(g => ociClasses.Contains(g.Key) || (!otherClasses.Contains(g.Key) && g.Any(f => f.HasNativeAnnotations)));
        foreach (var group in groups) FindInClass(group.Key, [.. group], found);
        return found;
    }

    private static void FindInClass(string className, List<OciIngressFacts> ingresses, List<(OciIngressFacts, Diagnostic)> found)
    {
        var protocols = new Dictionary<long, (OciIngressFacts Owner, string Protocol)>();
        var certificates = new Dictionary<long, (OciIngressFacts Owner, string Certificate)>();
        var tcpBackends = new Dictionary<long, (OciIngressFacts Owner, string BackendSet)>();
        var backendSets = new Dictionary<string, (OciIngressFacts Owner, string Policy, Dictionary<string, string> HealthCheck)>(StringComparer.Ordinal);
        var cls = className.Length == 0 ? "the default IngressClass" : $"IngressClass \"{className}\"";

        foreach (var ingress in ingresses)
        {
            var protocol = ingress.Native.GetValueOrDefault(Protocol)?.ToUpperInvariant() ?? "HTTP";
            var policy = ingress.Native.GetValueOrDefault(Policy) ?? "LEAST_CONNECTIONS";
            var healthCheck = OciNativeIngressCatalog.HealthCheckKeys.Where(ingress.Native.ContainsKey)
                .ToDictionary(k => k, k => k == HealthCheckProtocol ? ingress.Native[k].ToUpperInvariant() : ingress.Native[k], StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);

            void Report(string? key, string message, string suggestion, bool warning = false)
            {
                if (!reported.Add(message)) return;
                var path = key is not null && ingress.KeyLocations.ContainsKey(key)
                    ? NodePath.Root.Key("metadata").Key("annotations").Key(key) : NodePath.Root.Key("metadata").Key("name");
                var location = key is not null && ingress.KeyLocations.TryGetValue(key, out var l) ? l : ingress.Location;
                found.Add((ingress, warning
                    ? Diagnostic.Warning(OciRules.IngressConflict, message, path, location, suggestion)
                    : Diagnostic.Error(OciRules.IngressConflict, message, path, location, suggestion)));
            }

            foreach (var use in ingress.Listeners)
            {
                if (protocols.TryGetValue(use.Port, out var p) && p.Protocol != protocol && p.Owner != ingress)
                    Report(Protocol, $"listener port {use.Port} of {cls} already has protocol {p.Protocol} from Ingress {Who(p.Owner)}, and this Ingress asks for {protocol}; the controller stops reconciling the class",
                        "give both Ingresses the same protocol, or put one on another port with http-listener-port / https-listener-port");
                else protocols.TryAdd(use.Port, (ingress, protocol));

                if (use.Tls && protocol != "TCP" && use.Certificate is { } cert)
                {
                    if (certificates.TryGetValue(use.Port, out var c) && c.Certificate != cert && c.Owner != ingress)
                        Report(ingress.Native.ContainsKey(CertificateOcid) ? CertificateOcid : null,
                            $"listener port {use.Port} of {cls} already serves another certificate (from Ingress {Who(c.Owner)}); the controller refuses a listener \"configured with multiple certificates or secrets\"",
                            "use one certificate for every Ingress on this port, or a separate https-listener-port");
                    else certificates.TryAdd(use.Port, (ingress, cert));
                }

                if (protocol == "TCP")
                {
                    if (tcpBackends.TryGetValue(use.Port, out var t) && t.BackendSet != use.BackendSet)
                        Report(Protocol, $"TCP listener port {use.Port} of {cls} already sends to {t.BackendSet} (Ingress {Who(t.Owner)}), and this Ingress sends to {use.BackendSet}; a TCP listener has one backend",
                            "use another listener port for this Ingress");
                    else tcpBackends.TryAdd(use.Port, (ingress, use.BackendSet));
                }

                if (backendSets.TryGetValue(use.BackendSet, out var b) && b.Owner != ingress)
                {
                    if (b.Policy != policy)
                        Report(ingress.Native.ContainsKey(Policy) ? Policy : null,
                            $"backend set {use.BackendSet} is shared with Ingress {Who(b.Owner)}, which uses policy {b.Policy}, and this one uses {policy}; the controller stops reconciling the class",
                            "give every Ingress that routes to this Service port the same policy annotation");
                    if (healthCheck.Count > 0 && !SameHealthCheck(b.HealthCheck, healthCheck))
                        Report(healthCheck.Keys.First(), $"backend set {use.BackendSet} is shared with Ingress {Who(b.Owner)}, whose health check differs; the controller stops reconciling the class",
                            "give every Ingress that routes to this Service port identical healthcheck-* annotations");
                    else if (healthCheck.Count == 0 && b.HealthCheck.Count > 0)
                        Report(null, $"backend set {use.BackendSet} is shared with Ingress {Who(b.Owner)}, which sets a health check; this Ingress sets none, and depending on the order the controller sees them, its default TCP check silently replaces the custom one",
                            "give every Ingress that routes to this Service port identical healthcheck-* annotations", warning: true);
                }
                else if (!backendSets.ContainsKey(use.BackendSet))
                {
                    backendSets[use.BackendSet] = (ingress, policy, healthCheck);
                }
            }
        }
    }

    private static bool SameHealthCheck(Dictionary<string, string> a, Dictionary<string, string> b)
        => HealthCheckDefaults.All(d => a.GetValueOrDefault(d.Key, d.Value) == b.GetValueOrDefault(d.Key, d.Value));

    private static string Who(OciIngressFacts f) => $"{f.Namespace}/{f.Name}" + (f.File is { } file ? $" ({file}{(f.Location is { Line: > 0 } l ? $":{l.Line}" : "")})" : "");
}
