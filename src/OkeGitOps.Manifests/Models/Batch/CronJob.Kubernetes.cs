namespace OkeGitOps.Manifests.Models.Batch;

public sealed partial record CronJob
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1CronJob"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static CronJob FromKubernetes(k8s.Models.V1CronJob value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1CronJob"/>.</summary>
    public k8s.Models.V1CronJob ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1CronJob>(ToNode());
}
