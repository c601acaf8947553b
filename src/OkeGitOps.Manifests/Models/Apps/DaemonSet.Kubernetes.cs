namespace OkeGitOps.Manifests.Models.Apps;

public sealed partial record DaemonSet
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1DaemonSet"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static DaemonSet FromKubernetes(k8s.Models.V1DaemonSet value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1DaemonSet"/>.</summary>
    public k8s.Models.V1DaemonSet ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1DaemonSet>(ToNode());
}
