using OkeGitOps.Manifests.Tree;
using static OkeGitOps.Manifests.Oci.OciNativeIngressAnnotations;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// The small facts about one Ingress or IngressClass that the native ingress controller's checks across Ingresses
/// need (<see cref="OciIngressLint.CheckAcross"/>): kept for every such document of a run after its tree is gone.
/// </summary>
public sealed record OciIngressFacts
{
    private OciIngressFacts() { }

    /// <summary>The file the document came from, if any.</summary>
    public string? File { get; init; }

    /// <summary>The document's index in its file.</summary>
    public int DocumentIndex { get; init; }

    /// <summary><c>Ingress</c> or <c>IngressClass</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The object's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The object's namespace (Ingresses); <c>default</c> when unset.</summary>
    public string? Namespace { get; init; }

    /// <summary>For an Ingress, its <c>spec.ingressClassName</c>; for an IngressClass, its own name.</summary>
    public string? ClassName { get; init; }

    /// <summary>An IngressClass served by the OCI native ingress controller.</summary>
    public bool IsOciClass { get; init; }

    /// <summary>An IngressClass marked as the default class in the way the controller counts it.</summary>
    public bool IsDefaultClass { get; init; }

    /// <summary>Where the object's name was read, when it came from text.</summary>
    public SourceLocation? Location { get; init; }

    internal IReadOnlyDictionary<string, string> Native { get; init; } = new Dictionary<string, string>();

    internal IReadOnlyDictionary<string, SourceLocation?> KeyLocations { get; init; } = new Dictionary<string, SourceLocation?>();

    internal IReadOnlyList<OciListenerUse> Listeners { get; init; } = [];

    /// <summary>True when the Ingress carries at least one annotation of the native ingress controller.</summary>
    public bool HasNativeAnnotations => Native.Count > 0;

    /// <summary>The facts of an Ingress or IngressClass; <c>null</c> for any other document.</summary>
    public static OciIngressFacts? From(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.ApiVersion != OciIngressLint.NetworkingApiVersion || document.Mapping is not { } root) return null;
        var metadata = root.GetValueOrDefault("metadata") as MappingNode;
        var nameNode = metadata?.GetValueOrDefault("name");
        var spec = root.GetValueOrDefault("spec") as MappingNode;
        var annotations = OciIngressLint.Annotations(root);
        var native = new Dictionary<string, string>(StringComparer.Ordinal);
        var locations = new Dictionary<string, SourceLocation?>(StringComparer.Ordinal);
        foreach (var e in annotations?.Entries ?? [])
        {
            if (!IsNativeIngressKey(e.Key) || OciIngressLint.Text(e.Value) is not { } value) continue;
            native[e.Key] = value;
            locations[e.Key] = e.KeyLocation ?? e.Value.Location;
        }
        var facts = new OciIngressFacts
        {
            File = document.File,
            DocumentIndex = document.Index,
            Kind = document.Kind ?? "",
            Name = document.Name ?? "",
            Location = nameNode?.Location,
        };
        if (document.Kind == "IngressClass")
        {
            return facts with
            {
                ClassName = document.Name,
                IsOciClass = spec?.GetString("controller") == ControllerClass,
                IsDefaultClass = OciIngressLint.Text(annotations?.GetValueOrDefault(OciNativeIngressAnnotations.IsDefaultClass)) == "true",
            };
        }
        if (document.Kind != "Ingress") return null;
        var ns = document.Namespace ?? "default";
        return facts with
        {
            Namespace = ns,
            ClassName = spec?.GetString("ingressClassName"),
            Native = native,
            KeyLocations = locations,
            Listeners = spec is null ? [] : Listen(spec, ns, native),
        };
    }

    private static List<OciListenerUse> Listen(MappingNode spec, string ns, Dictionary<string, string> native)
    {
        var uses = new List<OciListenerUse>();
        var certificate = native.GetValueOrDefault(CertificateOcid);
        var httpPort = OciNativeIngressValues.Int(native.GetValueOrDefault(HttpListenerPort)) ?? 0;
        var httpsPort = OciNativeIngressValues.Int(native.GetValueOrDefault(HttpsListenerPort)) ?? 0;
        var tlsHosts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tls in (spec.GetValueOrDefault("tls") as SequenceNode)?.OfType<MappingNode>() ?? [])
        {
            var secret = "secret:" + (tls.GetString("secretName") ?? "");
            foreach (var host in (tls.GetValueOrDefault("hosts") as SequenceNode)?.OfType<StringNode>() ?? []) tlsHosts.TryAdd(host.Value, secret);
        }

        void Use(string host, ManifestNode? backend)
        {
            if ((backend as MappingNode)?.GetValueOrDefault("service") is not MappingNode service || service.GetString("name") is not { } name) return;
            var port = service.GetValueOrDefault("port") as MappingNode;
            long? number = port?.GetValueOrDefault("number") is IntegerNode n ? n.Value : null;
            var portText = number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? port?.GetString("name") ?? "";
            string? cert = certificate ?? tlsHosts.GetValueOrDefault(host);
            var tls = cert is not null;
            var listener = tls ? (httpsPort > 0 ? httpsPort : number) : (httpPort > 0 ? httpPort : number);
            if (listener is { } l) uses.Add(new OciListenerUse(l, tls, cert, $"{ns}/{name}:{portText}"));
        }

        Use("", spec.GetValueOrDefault("defaultBackend"));
        foreach (var rule in (spec.GetValueOrDefault("rules") as SequenceNode)?.OfType<MappingNode>() ?? [])
        {
            var host = rule.GetString("host") ?? "";
            var paths = ((rule.GetValueOrDefault("http") as MappingNode)?.GetValueOrDefault("paths") as SequenceNode)?.OfType<MappingNode>() ?? [];
            foreach (var path in paths) Use(host, path.GetValueOrDefault("backend"));
        }
        return uses;
    }
}
