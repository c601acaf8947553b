using System.Text;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>
/// An Argo CD cluster as the cluster generator sees it: from a cluster Secret, or the in-cluster entry. The server is
/// kept as the Secret holds it (the generator's <c>server</c> parameter is that raw text); <see cref="TrimmedServer"/>
/// is what Argo CD's cluster database compares. <see cref="Namespace"/> is the Secret's namespace, when it names one.
/// </summary>
internal sealed record ClusterSecret(string Name, string Server, string? Project, IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations, bool IsLocal, string? Namespace = null)
{
    /// <summary>The server without trailing slashes, as Argo CD's cluster database stores and compares it.</summary>
    public string TrimmedServer => Server.TrimEnd('/');

    /// <summary>Whether Argo CD lists this cluster: a Secret in another namespace than Argo CD's is never read.</summary>
    public bool VisibleFrom(string argoCdNamespace) => IsLocal || Namespace is null || Namespace == argoCdNamespace;

    public const string SecretTypeLabel = "argocd.argoproj.io/secret-type";
    public const string InClusterServer = "https://kubernetes.default.svc";

    private static readonly NodePath TargetTemplate = NodePath.Parse("spec.target.template");
    private static readonly NodePath MetadataName = NodePath.Parse("metadata.name");

    /// <summary>Argo CD's own cluster when no Secret describes it.</summary>
    public static ClusterSecret Local { get; } = new("in-cluster", InClusterServer, null,
        new Dictionary<string, string>(), new Dictionary<string, string>(), IsLocal: true);

    /// <summary>Reads the cluster Secrets among <paramref name="documents"/> in their order; other documents are skipped.</summary>
    public static List<ClusterSecret> ReadAll(IEnumerable<ManifestNode> documents)
    {
        var result = new List<ClusterSecret>();
        foreach (var doc in documents)
        {
            if (doc is not MappingNode m) continue;
            if (m.GetString("kind") == "ExternalSecret" && m.GetString("apiVersion")?.StartsWith("external-secrets.io/", StringComparison.Ordinal) == true)
            {
                if (FromExternalSecret(m) is { } fromEso) result.Add(fromEso);
                continue;
            }
            if (m.GetString("kind") != "Secret" || m.GetString("apiVersion") != "v1") continue;
            var metadata = m.GetValueOrDefault("metadata") as MappingNode;
            var labels = StringMap(metadata?.GetValueOrDefault("labels"));
            if (!labels.TryGetValue(SecretTypeLabel, out var type) || type != "cluster") continue;
            var annotations = StringMap(metadata?.GetValueOrDefault("annotations"));
            var data = new Dictionary<string, string>(StringComparer.Ordinal);
            if (m.GetValueOrDefault("data") is MappingNode d)
            {
                foreach (var e in d.Entries)
                {
                    if (e.Value is not ScalarNode s) continue;
                    try
                    {
                        data[e.Key] = Encoding.UTF8.GetString(Convert.FromBase64String(s.Text));
                    }
                    catch (FormatException)
                    {
                        data[e.Key] = s.Text;
                    }
                }
            }
            foreach (var (k, v) in StringMap(m.GetValueOrDefault("stringData"))) data[k] = v;
            result.Add(new ClusterSecret(
                data.GetValueOrDefault("name") ?? "",
                data.GetValueOrDefault("server") ?? "",
                data.TryGetValue("project", out var project) ? project : null,
                labels, annotations, IsLocal: false, NonEmpty(metadata?.GetString("namespace"))));
        }
        return result;
    }

    /// <summary>
    /// A cluster Secret that the External Secrets Operator will create: the ExternalSecret's target template carries
    /// the labels, annotations and literal fields; a field filled from the secret store keeps its template text.
    /// </summary>
    private static ClusterSecret? FromExternalSecret(MappingNode externalSecret)
    {
        if (externalSecret.At(TargetTemplate) is not MappingNode template) return null;
        var metadata = template.GetValueOrDefault("metadata") as MappingNode;
        var labels = StringMap(metadata?.GetValueOrDefault("labels"));
        if (!labels.TryGetValue(SecretTypeLabel, out var type) || type != "cluster") return null;
        var data = StringMap(template.GetValueOrDefault("data"));
        var name = data.GetValueOrDefault("name") ?? (externalSecret.At(MetadataName) as Tree.StringNode)?.Value ?? "";
        // The operator creates the Secret in the ExternalSecret's own namespace.
        var ns = (externalSecret.GetValueOrDefault("metadata") as MappingNode)?.GetString("namespace");
        return new ClusterSecret(name, data.GetValueOrDefault("server") ?? "",
            data.TryGetValue("project", out var project) ? project : null,
            labels, StringMap(metadata?.GetValueOrDefault("annotations")), IsLocal: false, NonEmpty(ns));
    }

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static Dictionary<string, string> StringMap(ManifestNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is MappingNode m)
        {
            foreach (var e in m.Entries)
            {
                if (e.Value is ScalarNode s && e.Value is not NullNode) map[e.Key] = s.Text;
            }
        }
        return map;
    }
}
