using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// Picks the API server checks that the OpenAPI of a built-in kind does not express, by group, version and kind.
/// Kinds without such checks here pass through; the schema walk and the metadata rules still apply to them.
/// </summary>
internal static class KubernetesRules
{
    /// <summary>Runs the checks for the document's kind, if there are any.</summary>
    /// <param name="root">The document.</param>
    /// <param name="body">The schema the body was checked against (the served version).</param>
    /// <param name="ctx">The validation context, at the root.</param>
    public static void Validate(MappingNode root, ResourceSchema body, ValidationContext ctx)
    {
        switch (body.Group, body.Version, body.Kind)
        {
            case ("apps", "v1", "Deployment"): WorkloadRules.CheckDeployment(root, ctx); break;
            case ("apps", "v1", "StatefulSet"): WorkloadRules.CheckStatefulSet(root, ctx); break;
            case ("apps", "v1", "DaemonSet"): WorkloadRules.CheckDaemonSet(root, ctx); break;
            case ("apps", "v1", "ReplicaSet"): WorkloadRules.CheckReplicaSet(root, ctx); break;
            case ("batch", "v1", "Job"): WorkloadRules.CheckJob(root, ctx); break;
            case ("batch", "v1", "CronJob"): CronJobRules.Check(root, ctx); break;
            case ("", "v1", "Pod"): WorkloadRules.CheckPod(root, ctx); break;
            case ("", "v1", "PodTemplate"): WorkloadRules.CheckPodTemplate(root, ctx); break;
            case ("", "v1", "ReplicationController"): WorkloadRules.CheckReplicationController(root, ctx); break;
            case ("", "v1", "PersistentVolumeClaim"): StorageRules.CheckClaim(root, ctx); break;
            case ("", "v1", "ResourceQuota"): StorageRules.CheckResourceQuota(root, ctx); break;
            case ("", "v1", "LimitRange"): StorageRules.CheckLimitRange(root, ctx); break;
            case ("networking.k8s.io", "v1", "Ingress"): IngressRules.CheckIngress(root, ctx); break;
            case ("networking.k8s.io", "v1", "IngressClass"): IngressRules.CheckIngressClass(root, ctx); break;
            case ("networking.k8s.io", "v1", "NetworkPolicy"): NetworkPolicyRules.Check(root, ctx); break;
            case ("autoscaling", "v2", "HorizontalPodAutoscaler"): AutoscalingRules.CheckV2(root, ctx); break;
            case ("autoscaling", "v1", "HorizontalPodAutoscaler"): AutoscalingRules.CheckV1(root, ctx); break;
            case ("policy", "v1", "PodDisruptionBudget"): DisruptionBudgetRules.Check(root, ctx); break;
            case ("rbac.authorization.k8s.io", "v1", "Role"): RbacRules.CheckRole(root, namespaced: true, ctx); break;
            case ("rbac.authorization.k8s.io", "v1", "ClusterRole"): RbacRules.CheckRole(root, namespaced: false, ctx); break;
            case ("rbac.authorization.k8s.io", "v1", "RoleBinding"): RbacRules.CheckBinding(root, namespaced: true, ctx); break;
            case ("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding"): RbacRules.CheckBinding(root, namespaced: false, ctx); break;
        }
    }
}
