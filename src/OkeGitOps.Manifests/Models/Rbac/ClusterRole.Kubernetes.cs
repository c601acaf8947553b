namespace OkeGitOps.Manifests.Models.Rbac;

public sealed partial record ClusterRole
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1ClusterRole"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static ClusterRole FromKubernetes(k8s.Models.V1ClusterRole value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1ClusterRole"/>.</summary>
    public k8s.Models.V1ClusterRole ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1ClusterRole>(ToNode());
}
