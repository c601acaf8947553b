namespace OkeGitOps.Manifests.Models.Rbac;

public sealed partial record ClusterRoleBinding
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1ClusterRoleBinding"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static ClusterRoleBinding FromKubernetes(k8s.Models.V1ClusterRoleBinding value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1ClusterRoleBinding"/>.</summary>
    public k8s.Models.V1ClusterRoleBinding ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1ClusterRoleBinding>(ToNode());
}
