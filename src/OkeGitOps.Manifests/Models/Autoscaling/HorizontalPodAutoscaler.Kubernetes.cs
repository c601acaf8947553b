namespace OkeGitOps.Manifests.Models.Autoscaling;

public sealed partial record HorizontalPodAutoscaler
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V2HorizontalPodAutoscaler"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static HorizontalPodAutoscaler FromKubernetes(k8s.Models.V2HorizontalPodAutoscaler value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V2HorizontalPodAutoscaler"/>.</summary>
    public k8s.Models.V2HorizontalPodAutoscaler ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V2HorizontalPodAutoscaler>(ToNode());
}
