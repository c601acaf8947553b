namespace OkeGitOps.Manifests.Models.Networking;

public sealed partial record Ingress
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1Ingress"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static Ingress FromKubernetes(k8s.Models.V1Ingress value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1Ingress"/>.</summary>
    public k8s.Models.V1Ingress ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1Ingress>(ToNode());
}
