namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Facts about built-in Kubernetes apiVersions that the OpenAPI documents of the supported versions cannot tell:
/// those removed before the oldest supported version, and kinds deprecated while still served. Written from the
/// Kubernetes deprecation policy and release notes, in our own words. Removals and deprecations within the supported
/// versions are read from the documents themselves (see <see cref="KubernetesApiIndex"/>).
/// </summary>
internal static class KubernetesApiHistory
{
    /// <summary>An apiVersion of some kinds that Kubernetes stopped serving in <paramref name="RemovedIn"/>.</summary>
    /// <param name="ApiVersion">The removed apiVersion.</param>
    /// <param name="Kinds">Its kinds that were removed then.</param>
    /// <param name="RemovedIn">The first Kubernetes version that no longer serves them.</param>
    /// <param name="Replacement">The apiVersion to use instead, or <c>null</c> when the kind went away altogether.</param>
    public sealed record Removal(string ApiVersion, string[] Kinds, string RemovedIn, string? Replacement);

    /// <summary>A kind that is still served but deprecated since <paramref name="Since"/>.</summary>
    /// <param name="ApiVersion">The apiVersion.</param>
    /// <param name="Kind">The kind.</param>
    /// <param name="Since">The first Kubernetes version that warns about it.</param>
    /// <param name="Instead">What to use instead, in words, or <c>null</c>.</param>
    public sealed record Deprecation(string ApiVersion, string Kind, string Since, string? Instead);

    /// <summary>apiVersions removed before Kubernetes 1.33.</summary>
    public static readonly Removal[] Removals =
    [
        new("extensions/v1beta1", ["Deployment", "DaemonSet", "ReplicaSet"], "1.16", "apps/v1"),
        new("extensions/v1beta1", ["NetworkPolicy"], "1.16", "networking.k8s.io/v1"),
        new("extensions/v1beta1", ["PodSecurityPolicy"], "1.16", null),
        new("apps/v1beta1", ["Deployment", "StatefulSet", "ControllerRevision"], "1.16", "apps/v1"),
        new("apps/v1beta2", ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"], "1.16", "apps/v1"),
        new("extensions/v1beta1", ["Ingress"], "1.22", "networking.k8s.io/v1"),
        new("networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "1.22", "networking.k8s.io/v1"),
        new("admissionregistration.k8s.io/v1beta1", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], "1.22", "admissionregistration.k8s.io/v1"),
        new("apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], "1.22", "apiextensions.k8s.io/v1"),
        new("apiregistration.k8s.io/v1beta1", ["APIService"], "1.22", "apiregistration.k8s.io/v1"),
        new("authentication.k8s.io/v1beta1", ["TokenReview"], "1.22", "authentication.k8s.io/v1"),
        new("authorization.k8s.io/v1beta1", ["SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview"], "1.22", "authorization.k8s.io/v1"),
        new("certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "1.22", "certificates.k8s.io/v1"),
        new("coordination.k8s.io/v1beta1", ["Lease"], "1.22", "coordination.k8s.io/v1"),
        new("rbac.authorization.k8s.io/v1beta1", ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], "1.22", "rbac.authorization.k8s.io/v1"),
        new("rbac.authorization.k8s.io/v1alpha1", ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], "1.22", "rbac.authorization.k8s.io/v1"),
        new("scheduling.k8s.io/v1beta1", ["PriorityClass"], "1.22", "scheduling.k8s.io/v1"),
        new("storage.k8s.io/v1beta1", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], "1.22", "storage.k8s.io/v1"),
        new("batch/v1beta1", ["CronJob"], "1.25", "batch/v1"),
        new("discovery.k8s.io/v1beta1", ["EndpointSlice"], "1.25", "discovery.k8s.io/v1"),
        new("events.k8s.io/v1beta1", ["Event"], "1.25", "events.k8s.io/v1"),
        new("autoscaling/v2beta1", ["HorizontalPodAutoscaler"], "1.25", "autoscaling/v2"),
        new("policy/v1beta1", ["PodDisruptionBudget"], "1.25", "policy/v1"),
        new("policy/v1beta1", ["PodSecurityPolicy"], "1.25", null),
        new("node.k8s.io/v1beta1", ["RuntimeClass"], "1.25", "node.k8s.io/v1"),
        new("autoscaling/v2beta2", ["HorizontalPodAutoscaler"], "1.26", "autoscaling/v2"),
        new("flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"], "1.26", "flowcontrol.apiserver.k8s.io/v1"),
        new("storage.k8s.io/v1beta1", ["CSIStorageCapacity"], "1.27", "storage.k8s.io/v1"),
        new("flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"], "1.29", "flowcontrol.apiserver.k8s.io/v1"),
        new("flowcontrol.apiserver.k8s.io/v1beta3", ["FlowSchema", "PriorityLevelConfiguration"], "1.32", "flowcontrol.apiserver.k8s.io/v1"),
    ];

    /// <summary>Kinds deprecated while their apiVersion is still served.</summary>
    public static readonly Deprecation[] Deprecations =
    [
        new("v1", "ComponentStatus", "1.19", null),
        new("v1", "Endpoints", "1.33", "use discovery.k8s.io/v1 EndpointSlice"),
    ];
}
