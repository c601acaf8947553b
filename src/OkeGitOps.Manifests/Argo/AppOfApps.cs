using OkeGitOps.Manifests.Models.Argo;

namespace OkeGitOps.Manifests.Intent.Argo;

/// <summary>
/// The app-of-apps pattern: one root Application whose source is a Git folder of Application manifests, synced
/// automatically (prune and self-heal) into Argo CD's own namespace, so that adding a file to that folder adds an
/// Application.
/// </summary>
public static class AppOfApps
{
    /// <summary>The root Application.</summary>
    /// <param name="name">Its name, e.g. <c>root</c> or <c>cluster-config</c>.</param>
    /// <param name="repoURL">The Git repository holding the Application manifests.</param>
    /// <param name="path">The folder with the child Applications.</param>
    /// <param name="targetRevision">A branch, tag or commit.</param>
    /// <param name="project">The AppProject of the root (its children name their own).</param>
    /// <param name="namespace">Argo CD's namespace, where the root and its children live.</param>
    /// <param name="recurse">Whether sub-folders of <paramref name="path"/> are read too.</param>
    public static Application Root(string name, string repoURL, string path, string targetRevision = "HEAD", string project = "default",
        string @namespace = "argocd", bool recurse = false)
        => ArgoApps.Application(name,
                ArgoSources.Directory(repoURL, path, targetRevision, recurse: recurse),
                ArgoDestinations.InCluster(@namespace),
                project,
                @namespace)
            .WithAutomatedSync(prune: true, selfHeal: true)
            .WithResourcesFinalizer();
}
