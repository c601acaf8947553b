using System.Text;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// Mistakes people (and articles) make often enough to deserve a specific hint. Each row matches a diagnostic by
/// group, kind, rule and path, and replaces its generic suggestion. The rows only add advice: whether something is
/// wrong is decided by the schema and the API-server rules, never here.
/// </summary>
internal static class KnownMistakes
{
    /// <summary>One hint. In <see cref="Path"/>, <c>*</c> stands for any one key and <c>[]</c> for any list index.</summary>
    internal sealed record Hint(string Group, string[] Kinds, string Rule, string Path, string Suggestion);

    private const string Eso = "external-secrets.io";
    private const string Argo = "argoproj.io";
    private static readonly string[] EsoStores = ["SecretStore", "ClusterSecretStore"];

    private const string OciWorkloadIdentity =
        "OCI Workload Identity is `principalType: Workload` with `serviceAccountRef` (name, namespace) under spec.provider.oracle; " +
        "drop spec.provider.oracle.auth, which holds API-key credentials (user, tenancy, secretRef) for principalType UserPrincipal";

    private const string AutomatedIsObject =
        "automated is an object: write `automated: {}` to turn automated sync on, or e.g. `automated: {prune: true, selfHeal: true}`";

    internal static readonly Hint[] Table =
    [
        new(Eso, EsoStores, ValidationRules.UnknownField, "spec.provider.oracle.auth.workloadIdentity", OciWorkloadIdentity),
        new(Eso, EsoStores, ValidationRules.UnknownField, "spec.provider.oracle.workloadIdentity", OciWorkloadIdentity),
        new(Eso, EsoStores, ValidationRules.UnknownField, "spec.provider.oracle.clusterOcid", OciWorkloadIdentity),
        new(Eso, EsoStores, ValidationRules.Required, "spec.provider.oracle.auth",
            "spec.provider.oracle.auth is only for principalType UserPrincipal (an API key: user, tenancy, secretRef); " +
            "for OKE Workload Identity remove auth and set `principalType: Workload` with `serviceAccountRef`"),
        new(Eso, EsoStores, ValidationRules.Enum, "spec.provider.oracle.principalType",
            "for OKE Workload Identity use `principalType: Workload` with `serviceAccountRef`; InstancePrincipal uses the node's identity"),
        new(Argo, ["Application"], ValidationRules.Type, "spec.syncPolicy.automated", AutomatedIsObject),
        new(Argo, ["ApplicationSet"], ValidationRules.Type, "spec.template.spec.syncPolicy.automated", AutomatedIsObject),
        new(Argo, ["Application"], ValidationRules.UnknownField, "spec.destination.cluster",
            "the destination cluster is `server: https://kubernetes.default.svc` (its API URL) or `name: <cluster name>`"),
        new("", ["Secret"], ValidationRules.Format, "data.*",
            "data values are base64; put plain text under stringData instead"),
    ];

    /// <summary>Attaches hints to the diagnostics from <paramref name="start"/> on, all of which belong to one resource.</summary>
    public static void Apply(ValidationContext ctx, int start, ResourceSchema resource, NodePath prefix)
    {
        var diagnostics = ctx.Diagnostics;
        for (var i = start; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            if (d.Path is null) continue;
            foreach (var hint in Table)
            {
                if (!string.Equals(hint.Rule, d.Rule, StringComparison.Ordinal)
                    || !string.Equals(hint.Group, resource.Group, StringComparison.Ordinal)
                    || Array.IndexOf(hint.Kinds, resource.Kind) < 0
                    || !Matches(hint.Path, d.Path, prefix))
                {
                    continue;
                }
                ctx.Replace(i, d with { Suggestion = hint.Suggestion });
                break;
            }
        }
    }

    /// <summary>Matches a path (below <paramref name="prefix"/>, for items of a List) against a hint's pattern.</summary>
    internal static bool Matches(string pattern, NodePath path, NodePath prefix)
    {
        var segments = path.Segments;
        var skip = prefix.Segments.Count;
        var parts = Split(pattern);
        if (segments.Count - skip != parts.Count) return false;
        for (var i = 0; i < parts.Count; i++)
        {
            var segment = segments[skip + i];
            var part = parts[i];
            if (part == "[]")
            {
                if (segment is not int) return false;
            }
            else if (segment is not string key || (part != "*" && !string.Equals(part, key, StringComparison.Ordinal)))
            {
                return false;
            }
        }
        return true;
    }

    private static List<string> Split(string pattern)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var c in pattern)
        {
            if (c == '.')
            {
                if (current.Length > 0) parts.Add(current.ToString());
                current.Clear();
            }
            else if (c == '[')
            {
                if (current.Length > 0) parts.Add(current.ToString());
                current.Clear();
                current.Append('[');
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0) parts.Add(current.ToString());
        return parts;
    }
}
