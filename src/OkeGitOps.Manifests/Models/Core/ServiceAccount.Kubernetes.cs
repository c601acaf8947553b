namespace OkeGitOps.Manifests.Models.Core;

public sealed partial record ServiceAccount
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1ServiceAccount"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static ServiceAccount FromKubernetes(k8s.Models.V1ServiceAccount value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1ServiceAccount"/>.</summary>
    public k8s.Models.V1ServiceAccount ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1ServiceAccount>(ToNode());
}
