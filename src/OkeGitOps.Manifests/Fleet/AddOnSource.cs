using OkeGitOps.Manifests.Intent.Argo;
using OkeGitOps.Manifests.Models.Argo;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Where an add-on comes from: a Helm chart in a chart repository (public or OCIR), or a path in a Git repository
/// (plain manifests, Kustomize or a chart in Git), always at a pinned version.
/// </summary>
public sealed record AddOnSource
{
    private AddOnSource(ApplicationSpecSource source) => Source = source;

    /// <summary>The Argo CD source, checked by the source helpers.</summary>
    public ApplicationSpecSource Source { get; init; }

    /// <summary>The repository URL (chart repository or Git).</summary>
    public string RepoURL => Source.RepoURL!;

    /// <summary>The chart name, or <c>null</c> for a Git path.</summary>
    public string? Chart => Source.Chart;

    /// <summary>The Git path, or <c>null</c> for a chart.</summary>
    public string? Path => Source.Path;

    /// <summary>The pinned chart version or Git revision.</summary>
    public string Version => Source.TargetRevision!;

    /// <summary>A chart from a Helm repository, e.g. <c>https://charts.external-secrets.io</c>.</summary>
    public static AddOnSource Helm(string repoURL, string chart, string version) => new(ArgoSources.Helm(repoURL, chart, version));

    /// <summary>A chart stored in OCIR (Oracle Cloud Infrastructure Registry) in the given region and tenancy namespace.</summary>
    public static AddOnSource OcirHelm(string region, string tenancyNamespace, string repository, string chart, string version)
        => new(ArgoSources.OcirHelm(region, tenancyNamespace, repository, chart, version));

    /// <summary>A path in a Git repository at a pinned revision (tag or commit).</summary>
    public static AddOnSource Git(string repoURL, string path, string revision) => new(ArgoSources.Git(repoURL, path, revision));

    /// <summary>Returns the source at another version or revision.</summary>
    public AddOnSource WithVersion(string version)
        => Chart is not null ? new(Source with { TargetRevision = ArgoSources.Helm(Source.RepoURL!, Source.Chart!, version).TargetRevision })
            : new(ArgoSources.Git(Source.RepoURL!, Source.Path!, version));
}
