namespace OkeGitOps.Manifests.Models.Batch;

public sealed partial record Job
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1Job"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static Job FromKubernetes(k8s.Models.V1Job value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1Job"/>.</summary>
    public k8s.Models.V1Job ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1Job>(ToNode());
}
