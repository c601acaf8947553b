using System.Text.Json;
using System.Text.Json.Nodes;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Scope and plural of a kind described by an OpenAPI document. The full documents carry <c>paths</c>, from which
/// both are read; a document with only <c>components</c> falls back to Kubernetes' own naming rule and the short
/// list of cluster-wide core kinds, which give the same answers for the core kinds.
/// </summary>
internal static class OpenApiResourceFacts
{
    private static readonly HashSet<string> ClusterScopedCoreKinds = new(StringComparer.Ordinal)
    {
        "Namespace", "Node", "PersistentVolume", "ComponentStatus",
    };

    /// <summary>Finds the scope and plural of a group/version/kind.</summary>
    public static (ResourceScope Scope, string Plural) For(JsonObject? paths, string group, string version, string kind)
    {
        string? plural = null;
        var namespaced = false;
        if (paths is not null)
        {
            foreach (var (path, item) in paths.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (item?["get"] is not JsonObject get || !IsAction(get, "list") || !IsGvk(get["x-kubernetes-group-version-kind"], group, version, kind))
                    continue;
                plural ??= path[(path.LastIndexOf('/') + 1)..];
                namespaced |= path.Contains("/namespaces/{namespace}/", StringComparison.Ordinal);
            }
        }
        if (plural is null && paths is not null)
        {
            // Create-only kinds (TokenReview, SubjectAccessReview): the collection path they are posted to.
            foreach (var (path, item) in paths.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (item?["post"] is not JsonObject post || !IsAction(post, "post") || path.Contains("{name}", StringComparison.Ordinal)
                    || !IsGvk(post["x-kubernetes-group-version-kind"], group, version, kind))
                    continue;
                plural ??= path[(path.LastIndexOf('/') + 1)..];
                namespaced |= path.Contains("/namespaces/{namespace}/", StringComparison.Ordinal);
            }
        }
        if (plural is not null) return (namespaced ? ResourceScope.Namespaced : ResourceScope.Cluster, plural);
        var scope = group.Length == 0 && ClusterScopedCoreKinds.Contains(kind) ? ResourceScope.Cluster : ResourceScope.Namespaced;
        return (scope, GuessPlural(kind));
    }

    /// <summary>
    /// True when the document serves the group/version/kind as a resource: a list operation, or a create operation on a
    /// collection path (no <c>{name}</c> in it, so subresources such as <c>scale</c> and <c>eviction</c> do not count).
    /// </summary>
    public static bool IsResource(JsonObject? paths, string group, string version, string kind)
    {
        if (paths is null) return false;
        foreach (var (path, item) in paths)
        {
            if (item?["get"] is JsonObject get && IsAction(get, "list") && IsGvk(get["x-kubernetes-group-version-kind"], group, version, kind))
                return true;
            if (item?["post"] is JsonObject post && IsAction(post, "post") && !path.Contains("{name}", StringComparison.Ordinal)
                && IsGvk(post["x-kubernetes-group-version-kind"], group, version, kind))
                return true;
        }
        return false;
    }

    /// <summary>Kubernetes' rule for the plural of a kind: lower case, then <c>-es</c>, <c>-ies</c> or <c>-s</c>.</summary>
    public static string GuessPlural(string kind)
    {
        var lower = kind.ToLowerInvariant();
        if (lower == "endpoints") return lower;
        if (lower.EndsWith('s')) return lower + "es";
        if (lower.EndsWith('y')) return lower[..^1] + "ies";
        return lower + "s";
    }

    private static bool IsAction(JsonObject operation, string action)
        => operation["x-kubernetes-action"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == action;

    private static bool IsGvk(JsonNode? node, string group, string version, string kind)
        => node is JsonObject gvk
           && Text(gvk["group"]) == group
           && Text(gvk["version"]) == version
           && Text(gvk["kind"]) == kind;

    internal static string? Text(JsonNode? node)
        => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
