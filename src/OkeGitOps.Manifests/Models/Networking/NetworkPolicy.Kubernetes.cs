namespace OkeGitOps.Manifests.Models.Networking;

public sealed partial record NetworkPolicy
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1NetworkPolicy"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static NetworkPolicy FromKubernetes(k8s.Models.V1NetworkPolicy value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1NetworkPolicy"/>.</summary>
    public k8s.Models.V1NetworkPolicy ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1NetworkPolicy>(ToNode());
}
