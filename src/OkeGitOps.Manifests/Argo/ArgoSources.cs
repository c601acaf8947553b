using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Argo;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Intent.Argo;

/// <summary>
/// Application sources: a path in Git (plain, Kustomize or a directory of manifests), a Helm chart from a chart
/// repository or from OCIR. Each returns an ordinary <see cref="ApplicationSpecSource"/>; the extension methods set
/// Helm values and parameters and the <c>ref</c> name of a multi-source Application.
/// </summary>
public static class ArgoSources
{
    private const string P = "spec.source";

    /// <summary>Manifests at a path of a Git repository; Argo CD detects Helm, Kustomize or plain YAML by itself.</summary>
    /// <param name="repoURL">The Git URL (<c>https://...</c> or <c>git@host:org/repo.git</c>).</param>
    /// <param name="path">The folder in the repository.</param>
    /// <param name="targetRevision">A branch, tag or commit; <c>HEAD</c> by default.</param>
    public static ApplicationSpecSource Git(string repoURL, string path, string targetRevision = "HEAD")
        => new() { RepoURL = GitUrl(repoURL), Path = RequirePath(path), TargetRevision = Revision(targetRevision) };

    /// <summary>A Kustomize overlay at a path of a Git repository.</summary>
    /// <param name="repoURL">The Git URL.</param>
    /// <param name="path">The folder holding <c>kustomization.yaml</c>.</param>
    /// <param name="targetRevision">A branch, tag or commit.</param>
    /// <param name="namePrefix">A prefix for every resource name, when wanted.</param>
    /// <param name="images">Image overrides such as <c>app=iad.ocir.io/ns/app:1.2.3</c>.</param>
    public static ApplicationSpecSource Kustomize(string repoURL, string path, string targetRevision = "HEAD", string? namePrefix = null, params string[] images)
        => Git(repoURL, path, targetRevision) with
        {
            Kustomize = new ApplicationSpecSourceKustomize
            {
                NamePrefix = namePrefix,
                Images = images is { Length: > 0 } ? images.ToEquatableArray() : null,
            },
        };

    /// <summary>A folder of plain manifests in Git, optionally recursive and filtered by glob patterns.</summary>
    /// <param name="repoURL">The Git URL.</param>
    /// <param name="path">The folder.</param>
    /// <param name="targetRevision">A branch, tag or commit.</param>
    /// <param name="recurse">Whether sub-folders are read too.</param>
    /// <param name="include">A glob of files to read, e.g. <c>*.yaml</c> or <c>{a.yaml,b.yaml}</c>.</param>
    /// <param name="exclude">A glob of files to skip.</param>
    public static ApplicationSpecSource Directory(string repoURL, string path, string targetRevision = "HEAD", bool recurse = false, string? include = null, string? exclude = null)
        => Git(repoURL, path, targetRevision) with
        {
            Directory = new ApplicationSpecSourceDirectory { Recurse = recurse ? true : null, Include = include, Exclude = exclude },
        };

    /// <summary>A chart from an HTTP(S) Helm chart repository.</summary>
    /// <param name="repoURL">The chart repository's URL, e.g. <c>https://charts.external-secrets.io</c>.</param>
    /// <param name="chart">The chart's name.</param>
    /// <param name="version">The chart version (or a semver range).</param>
    public static ApplicationSpecSource Helm(string repoURL, string chart, string version)
    {
        ArgoUrls.Url(repoURL, $"{P}.repoURL");
        if (repoURL.StartsWith("oci://", StringComparison.Ordinal))
            throw IntentRules.Fail(IntentRules.ArgoRepoUrl,
                $"'{repoURL}' has the oci:// scheme, which a Helm-type chart source (repoURL + chart) must not carry in Argo CD 3", $"{P}.repoURL",
                $"drop 'oci://' and keep repoURL + chart ('{repoURL["oci://".Length..]}'), or use ArgoSources.OciArtifact for the oci:// form with path '.'");
        return new()
        {
            RepoURL = repoURL,
            Chart = IntentRules.RequireText(chart, $"{P}.chart", IntentRules.ArgoRepoUrl, "chart name", "name the chart, e.g. 'external-secrets'"),
            TargetRevision = IntentRules.RequireText(version, $"{P}.targetRevision", IntentRules.ArgoRepoUrl, "chart version", "give the chart version, e.g. '0.17.0'"),
        };
    }

    /// <summary>
    /// A Helm chart stored in OCIR, read through a Helm-type repository with OCI enabled: <c>repoURL</c> is
    /// <c>&lt;key&gt;.ocir.io/&lt;namespace&gt;/&lt;repository&gt;</c> without a scheme and <c>chart</c> names the chart, as
    /// Argo CD 3 expects for Helm OCI repositories. Pair it with
    /// <see cref="OcirRepositorySecret.ExternalSecret"/> for the registry credentials.
    /// </summary>
    /// <param name="region">Region identifier or key of the registry, e.g. <c>us-ashburn-1</c>.</param>
    /// <param name="tenancyNamespace">The tenancy's Object Storage namespace.</param>
    /// <param name="repository">The repository path below the namespace holding the chart, e.g. <c>charts</c>.</param>
    /// <param name="chart">The chart's name.</param>
    /// <param name="version">The chart version (a fixed version: OCI registries have no index for ranges).</param>
    public static ApplicationSpecSource OcirHelm(string region, string tenancyNamespace, string repository, string chart, string version)
    {
        var url = Ocir.RepositoryPath(region, tenancyNamespace, repository, $"{P}.repoURL");
        return Helm(url, chart, version);
    }

    /// <summary>
    /// A chart (or any OCI artifact of manifests) in OCIR read as a native OCI source, available from Argo CD 3.1:
    /// <c>repoURL: oci://&lt;key&gt;.ocir.io/&lt;namespace&gt;/&lt;repository&gt;</c>, <c>path: .</c>, the tag as targetRevision.
    /// </summary>
    /// <param name="region">Region identifier or key.</param>
    /// <param name="tenancyNamespace">The tenancy's Object Storage namespace.</param>
    /// <param name="repository">The full repository path of the artifact below the namespace, e.g. <c>charts/payments</c>.</param>
    /// <param name="tag">The tag or digest.</param>
    public static ApplicationSpecSource OciArtifact(string region, string tenancyNamespace, string repository, string tag)
    {
        var url = Ocir.RepositoryPath(region, tenancyNamespace, repository, $"{P}.repoURL");
        return new()
        {
            RepoURL = "oci://" + url,
            Path = ".",
            TargetRevision = IntentRules.RequireText(tag, $"{P}.targetRevision", IntentRules.ArgoRepoUrl, "tag", "give the artifact's tag, e.g. '1.4.2'"),
        };
    }

    /// <summary>
    /// A source that only lends its files to the other sources of a multi-source Application (as <c>$name/...</c>,
    /// e.g. Helm value files): it has a <c>ref</c> and no <c>path</c>, so Argo CD deploys nothing from it.
    /// </summary>
    /// <param name="repoURL">The Git URL.</param>
    /// <param name="name">The ref name other sources use, <c>values</c> for <c>$values/...</c>.</param>
    /// <param name="targetRevision">A branch, tag or commit.</param>
    public static ApplicationSpecSource Ref(string repoURL, string name = "values", string targetRevision = "HEAD")
        => new ApplicationSpecSource { RepoURL = GitUrl(repoURL), TargetRevision = Revision(targetRevision) }.AsRef(name);

    /// <summary>
    /// Names this source so that other sources of a multi-source Application can use its files as <c>$name/...</c>.
    /// The source keeps its path, so Argo CD also deploys what is there; for a source that only lends its files, use
    /// <see cref="Ref"/>, which has no path.
    /// </summary>
    public static ApplicationSpecSource AsRef(this ApplicationSpecSource source, string name)
    {
        ArgumentNullException.ThrowIfNull(source);
        IntentRules.RequireText(name, $"{P}.ref", IntentRules.ArgoSourceRef, "ref name", "e.g. 'values'");
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw IntentRules.Fail(IntentRules.ArgoSourceRef, $"'{name}' is not a usable ref name: it may hold only letters, digits, '-' and '_'", $"{P}.ref");
        return source with { Ref = name };
    }

    /// <summary>Helm values as YAML text.</summary>
    public static ApplicationSpecSource WithHelmValues(this ApplicationSpecSource source, string valuesYaml)
        => EditHelm(source, h => h with { Values = valuesYaml, ValuesObject = null });

    /// <summary>Helm values as a tree (written as <c>valuesObject</c>, so the values are checked as YAML here).</summary>
    public static ApplicationSpecSource WithHelmValuesObject(this ApplicationSpecSource source, MappingNode values)
        => EditHelm(source, h => h with { ValuesObject = values, Values = null });

    /// <summary>Adds values files, relative to the chart or as <c>$ref/path</c> into another source.</summary>
    public static ApplicationSpecSource AddHelmValueFiles(this ApplicationSpecSource source, params string[] files)
        => EditHelm(source, h => h with { ValueFiles = (h.ValueFiles ?? EquatableArray<string>.Empty).AddRange(files) });

    /// <summary>Adds Helm parameters (<c>--set name=value</c>).</summary>
    public static ApplicationSpecSource AddHelmParameters(this ApplicationSpecSource source, params (string Name, string Value)[] parameters)
        => EditHelm(source, h => h with
        {
            Parameters = (h.Parameters ?? EquatableArray<ApplicationSpecSourceHelmParameter>.Empty)
                .AddRange(parameters.Select(p => new ApplicationSpecSourceHelmParameter { Name = p.Name, Value = p.Value }).ToArray()),
        });

    /// <summary>Sets the Helm release name (the Application's name by default).</summary>
    public static ApplicationSpecSource WithHelmReleaseName(this ApplicationSpecSource source, string releaseName)
        => EditHelm(source, h => h with { ReleaseName = releaseName });

    private static ApplicationSpecSource EditHelm(ApplicationSpecSource source, Func<ApplicationSpecSourceHelm, ApplicationSpecSourceHelm> edit)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.WithHelm(edit);
    }

    private static string GitUrl(string repoURL)
    {
        ArgoUrls.Url(repoURL, $"{P}.repoURL");
        if (repoURL.StartsWith("oci://", StringComparison.Ordinal))
            throw IntentRules.Fail(IntentRules.ArgoRepoUrl, $"'{repoURL}' is an OCI registry, not a Git repository", $"{P}.repoURL",
                "use ArgoSources.OciArtifact or ArgoSources.OcirHelm");
        return repoURL;
    }

    private static string RequirePath(string path)
    {
        IntentRules.RequireText(path, $"{P}.path", IntentRules.ArgoRepoUrl, "path",
            "use '.' to deploy the repository root, or ArgoSources.Ref(url, \"values\", revision) for a source that only lends its files as $values/...");
        if (path.StartsWith('/') || path.Split('/').Contains(".."))
            throw IntentRules.Fail(IntentRules.ArgoRepoUrl, $"'{path}' must be relative to the repository root and stay inside it", $"{P}.path",
                "write it like 'clusters/prod' (no leading '/', no '..')");
        return path;
    }

    private static string Revision(string targetRevision)
        => IntentRules.RequireText(targetRevision, $"{P}.targetRevision", IntentRules.ArgoRepoUrl, "target revision", "use 'HEAD', a branch, a tag or a commit");
}

internal static class ArgoUrls
{
    public static void Url(string? url, string path)
    {
        IntentRules.RequireText(url, path, IntentRules.ArgoRepoUrl, "repository URL", "e.g. 'https://github.com/org/gitops.git'");
        if (ArgoTemplates.HasSpaceOutsideTemplates(url!))
            throw IntentRules.Fail(IntentRules.ArgoRepoUrl, $"'{url}' contains white space", path);
    }
}
