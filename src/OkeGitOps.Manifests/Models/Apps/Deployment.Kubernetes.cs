namespace OkeGitOps.Manifests.Models.Apps;

public sealed partial record Deployment
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1Deployment"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static Deployment FromKubernetes(k8s.Models.V1Deployment value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1Deployment"/>.</summary>
    public k8s.Models.V1Deployment ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1Deployment>(ToNode());
}
