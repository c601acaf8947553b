namespace OkeGitOps.Manifests.Models.Apps;

public sealed partial record StatefulSet
{
    /// <summary>
    /// Reads a KubernetesClient <see cref="k8s.Models.V1StatefulSet"/> into the typed model. Fields the typed model
    /// does not describe are kept in <see cref="ExtraFields"/>, never dropped.
    /// </summary>
    public static StatefulSet FromKubernetes(k8s.Models.V1StatefulSet value)
    {
        global::System.ArgumentNullException.ThrowIfNull(value);
        return FromNode(global::OkeGitOps.Manifests.Models.KubernetesInterop.FromKubernetesObject(value));
    }

    /// <summary>Converts the typed model into a KubernetesClient <see cref="k8s.Models.V1StatefulSet"/>.</summary>
    public k8s.Models.V1StatefulSet ToKubernetes()
        => global::OkeGitOps.Manifests.Models.KubernetesInterop.ToKubernetesObject<k8s.Models.V1StatefulSet>(ToNode());
}
