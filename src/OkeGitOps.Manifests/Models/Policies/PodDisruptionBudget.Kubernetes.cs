namespace OkeGitOps.Manifests.Models.Policies;

public sealed partial record PodDisruptionBudget
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1PodDisruptionBudget"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static PodDisruptionBudget FromKubernetes(k8s.Models.V1PodDisruptionBudget value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1PodDisruptionBudget"/>.</summary>
    public k8s.Models.V1PodDisruptionBudget ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1PodDisruptionBudget>(ToNode());
}
