namespace OkeGitOps.Manifests.Models.Networking;

public sealed partial record IngressClass
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1IngressClass"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static IngressClass FromKubernetes(k8s.Models.V1IngressClass value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1IngressClass"/>.</summary>
    public k8s.Models.V1IngressClass ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1IngressClass>(ToNode());
}
