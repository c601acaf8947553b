namespace OkeGitOps.Manifests.Models.Core;

public sealed partial record Service
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1Service"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static Service FromKubernetes(k8s.Models.V1Service value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1Service"/>.</summary>
    public k8s.Models.V1Service ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1Service>(ToNode());
}
