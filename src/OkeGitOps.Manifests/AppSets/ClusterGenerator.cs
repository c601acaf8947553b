using OkeGitOps.Manifests.AppSets.GoTemplate;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>
/// The cluster generator: one parameter set per Argo CD cluster whose Secret matches the selector. The in-cluster
/// entry (Argo CD's own cluster, when no Secret describes it) comes first, and only when the selector is empty, since
/// it has no Secret and so no labels. With <c>flatList</c>, one parameter set holds all clusters under <c>clusters</c>.
/// </summary>
internal sealed partial class GeneratorRunner
{
    private List<Dictionary<string, object?>> ClusterParams(MappingNode spec, NodePath path)
    {
        var selectorNode = spec.GetValueOrDefault("selector");
        var selector = LabelSelector.Read(selectorNode, path.Key("selector"));
        var values = spec.GetValueOrDefault("values") as MappingNode;
        var flat = spec.GetValueOrDefault("flatList") is BooleanNode { Value: true };
        var result = new List<Dictionary<string, object?>>();
        // Argo CD keys the matching Secrets by their cluster name, so of two Secrets with one name a single parameter set
        // comes out: the later one overwrites the earlier in its map. Argo CD's own list order comes from its informer
        // cache and is not defined; here the later Secret in the input wins, and a warning says a choice was made.
        var byName = new Dictionary<string, ClusterSecret>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var cluster in _clusters)
        {
            if (!_input.InClusterEnabled && cluster.TrimmedServer == ClusterSecret.InClusterServer) continue;
            var labels = new Dictionary<string, string>(cluster.Labels, StringComparer.Ordinal);
            if (!selector.Matches(labels)) continue;
            if (byName.ContainsKey(cluster.Name))
            {
                _warnings.Add(Diagnostic.Warning(AppSetRules.GeneratorError,
                    $"two cluster Secrets have the name '{cluster.Name}'; Argo CD keeps only one of them (which one is not defined), the preview keeps the later (server {cluster.Server})",
                    path, spec.Location, "give every cluster Secret its own name (data.name)"));
                order.Remove(cluster.Name);
            }
            byName[cluster.Name] = cluster;
            order.Add(cluster.Name);
        }
        var secrets = order.Select(n => byName[n]).ToList();
        // The in-cluster entry comes first, only with an empty selector (it has no labels), and only when no Secret holds
        // Argo CD's in-cluster address, compared without trailing slashes as Argo CD's cluster database stores servers.
        // (The server parameter itself stays as the Secret writes it.)
        if (selector.IsEmpty && _input.InClusterEnabled && !secrets.Any(s => s.TrimmedServer == ClusterSecret.InClusterServer))
        {
            var local = ClusterSecret.Local;
            var p = ParamSets.New();
            p["name"] = local.Name;
            p["nameNormalized"] = local.Name;
            p["server"] = local.Server;
            p["project"] = "";
            _renderer.AppendValues(values, p, path.Key("values"));
            result.Add(p);
        }
        foreach (var cluster in secrets)
        {
            var p = ParamSets.New();
            p["name"] = cluster.Name;
            p["nameNormalized"] = ArgoFunctions.Normalize(cluster.Name);
            p["server"] = cluster.Server;
            p["project"] = cluster.Project ?? "";
            if (UseGo)
            {
                var meta = ParamSets.New();
                if (cluster.Annotations.Count > 0) meta["annotations"] = cluster.Annotations.ToDictionary(e => e.Key, e => (object?)e.Value, StringComparer.Ordinal);
                if (cluster.Labels.Count > 0) meta["labels"] = cluster.Labels.ToDictionary(e => e.Key, e => (object?)e.Value, StringComparer.Ordinal);
                p["metadata"] = meta;
            }
            else
            {
                foreach (var (k, v) in cluster.Annotations) p["metadata.annotations." + k] = v;
                foreach (var (k, v) in cluster.Labels) p["metadata.labels." + k] = v;
            }
            _renderer.AppendValues(values, p, path.Key("values"));
            result.Add(p);
        }
        if (result.Count == 0)
        {
            _warnings.Add(Diagnostic.Warning(AppSetRules.SelectorMatchesNothing,
                selector.IsEmpty ? "the clusters generator finds no cluster" : "the clusters generator's selector matches no cluster Secret, so it generates no Application",
                path.Key("selector"), (selectorNode ?? spec).Location,
                $"cluster Secrets read: {(_clusters.Count == 0 ? "none" : string.Join(", ", _clusters.Select(c => c.Name)))}; check the labels (argocd.argoproj.io/secret-type: cluster and those the selector names)"));
        }
        if (flat) return [new Dictionary<string, object?>(StringComparer.Ordinal) { ["clusters"] = result.Cast<object?>().ToList() }];
        return result;
    }
}
