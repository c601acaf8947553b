namespace OkeGitOps.Manifests.Models.Core;

public sealed partial record ConfigMap
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1ConfigMap"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static ConfigMap FromKubernetes(k8s.Models.V1ConfigMap value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1ConfigMap"/>.</summary>
    public k8s.Models.V1ConfigMap ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1ConfigMap>(ToNode());
}
