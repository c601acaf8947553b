using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation.Kubernetes;

/// <summary>
/// A registry in which every built-in kind the API-server rules cover has a free-form schema, so that the tests see
/// exactly what the rules report (through <see cref="ManifestValidator"/>, with its dispatch), independent of the
/// imported schemas.
/// </summary>
internal static class BuiltInKinds
{
    private const string FreeForm = """{"type": "object", "x-kubernetes-preserve-unknown-fields": true}""";

    private static readonly (string Group, string Version, string Kind, bool Namespaced)[] Kinds =
    [
        ("apps", "v1", "Deployment", true), ("apps", "v1", "StatefulSet", true), ("apps", "v1", "DaemonSet", true), ("apps", "v1", "ReplicaSet", true),
        ("batch", "v1", "Job", true), ("batch", "v1", "CronJob", true),
        ("", "v1", "Pod", true), ("", "v1", "PodTemplate", true), ("", "v1", "ReplicationController", true),
        ("", "v1", "PersistentVolumeClaim", true), ("", "v1", "ResourceQuota", true), ("", "v1", "LimitRange", true),
        ("networking.k8s.io", "v1", "Ingress", true), ("networking.k8s.io", "v1", "IngressClass", false), ("networking.k8s.io", "v1", "NetworkPolicy", true),
        ("autoscaling", "v2", "HorizontalPodAutoscaler", true), ("autoscaling", "v1", "HorizontalPodAutoscaler", true),
        ("policy", "v1", "PodDisruptionBudget", true),
        ("rbac.authorization.k8s.io", "v1", "Role", true), ("rbac.authorization.k8s.io", "v1", "ClusterRole", false),
        ("rbac.authorization.k8s.io", "v1", "RoleBinding", true), ("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", false),
    ];

    private static readonly ManifestValidator Validator = new(Build());

    private static SchemaRegistry Build()
    {
        var registry = Registry();
        foreach (var (group, version, kind, namespaced) in Kinds)
            registry = registry.WithSchema(Schema(group, version, kind, FreeForm, scope: namespaced ? ResourceScope.Namespaced : ResourceScope.Cluster));
        return registry;
    }

    public static IReadOnlyList<Diagnostic> Validate(string yaml) => Validator.Validate(Doc(yaml));

    public static IReadOnlyList<Diagnostic> Validate(ManifestNode root) => Validator.Validate(new ManifestDocument(root));

    /// <summary>The diagnostics, one per line as <c>rule | file:line:col: severity: path: message (suggestion)</c>.</summary>
    public static string Findings(string yaml) => Format(Validate(yaml));

    /// <summary>Indents YAML lines by <paramref name="spaces"/>.</summary>
    public static string Indent(string yaml, int spaces)
        => string.Join("\n", yaml.Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));

    /// <summary>A Deployment (labels app=web) whose pod spec is the given YAML; the pod spec starts on line 13.</summary>
    public static string Deployment(string podSpec) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
        {Indent(podSpec, 6)}

        """;

    /// <summary>One container named app with image nginx and the given extra YAML (the first extra line is line 16 of <see cref="Deployment"/>).</summary>
    public static string Container(string extra = "") => Deployment($"containers:\n  - name: app\n    image: nginx:1.27\n{Indent(extra, 4)}");
}
