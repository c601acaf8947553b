namespace OkeGitOps.Manifests.Models.Rbac;

public sealed partial record Role
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1Role"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static Role FromKubernetes(k8s.Models.V1Role value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1Role"/>.</summary>
    public k8s.Models.V1Role ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1Role>(ToNode());
}
