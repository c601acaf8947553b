using System.Text.Json.Nodes;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Schemas;

namespace OkeGitOps.Manifests.Tests.TypedModels;

/// <summary>The kinds that have typed models and committed schemas, with both sides looked up.</summary>
internal static class CoveredKinds
{
    public static readonly (string ApiVersion, string Kind)[] All =
    [
        ("argoproj.io/v1alpha1", "Application"),
        ("argoproj.io/v1alpha1", "ApplicationSet"),
        ("argoproj.io/v1alpha1", "AppProject"),
        ("external-secrets.io/v1", "ExternalSecret"),
        ("external-secrets.io/v1", "SecretStore"),
        ("external-secrets.io/v1", "ClusterSecretStore"),
        ("external-secrets.io/v1", "ClusterExternalSecret"),
        ("external-secrets.io/v1alpha1", "PushSecret"),
        ("v1", "Service"),
        ("v1", "Namespace"),
        ("v1", "ServiceAccount"),
        ("v1", "Secret"),
        ("v1", "ConfigMap"),
        ("apps/v1", "Deployment"),
        ("apps/v1", "StatefulSet"),
        ("apps/v1", "DaemonSet"),
        ("batch/v1", "Job"),
        ("batch/v1", "CronJob"),
        ("networking.k8s.io/v1", "Ingress"),
        ("networking.k8s.io/v1", "IngressClass"),
        ("networking.k8s.io/v1", "NetworkPolicy"),
        ("policy/v1", "PodDisruptionBudget"),
        ("autoscaling/v2", "HorizontalPodAutoscaler"),
        ("rbac.authorization.k8s.io/v1", "Role"),
        ("rbac.authorization.k8s.io/v1", "ClusterRole"),
        ("rbac.authorization.k8s.io/v1", "RoleBinding"),
        ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
        ("ingress.oraclecloud.com/v1beta1", "IngressClassParameters"),
    ];

    public static TheoryData<string, string> Data()
    {
        var data = new TheoryData<string, string>();
        foreach (var (apiVersion, kind) in All) data.Add(apiVersion, kind);
        return data;
    }

    public static ResourceSchema Schema(string apiVersion, string kind)
        => SchemaRegistry.Default.Find(apiVersion, kind) ?? throw new InvalidOperationException($"no schema for {apiVersion} {kind}");

    public static JsonObject OpenApi(string apiVersion, string kind)
        => JsonNode.Parse(Schema(apiVersion, kind).OpenApiV3Schema!.Value.GetRawText())!.AsObject();

    public static ModelKind Model(string apiVersion, string kind)
        => ModelRegistry.Default.Find(apiVersion, kind) ?? throw new InvalidOperationException($"no typed model for {apiVersion} {kind}");
}
