namespace OkeGitOps.Manifests.Models.Core;

public sealed partial record Secret
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1Secret"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static Secret FromKubernetes(k8s.Models.V1Secret value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1Secret"/>.</summary>
    public k8s.Models.V1Secret ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1Secret>(ToNode());
}
