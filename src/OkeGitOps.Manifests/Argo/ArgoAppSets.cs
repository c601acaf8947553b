using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Argo;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Intent.Argo;

/// <summary>
/// ApplicationSets: a factory that turns on Go templates with <c>missingkey=error</c> (a misspelt parameter fails
/// instead of rendering as empty), the template helper, and <c>preserveResourcesOnDeletion</c>. Generators come
/// from <see cref="AppSetGenerators"/>.
/// </summary>
public static class ArgoAppSets
{
    /// <summary>An ApplicationSet with Go templates and <c>missingkey=error</c>.</summary>
    /// <param name="name">The ApplicationSet's name.</param>
    /// <param name="template">The Application template (see <see cref="Template"/>).</param>
    /// <param name="generators">The generators (see <see cref="AppSetGenerators"/>).</param>
    /// <param name="namespace">Argo CD's namespace.</param>
    public static ApplicationSet Create(string name, ApplicationSetSpecTemplate template, ApplicationSetSpecGenerator[] generators, string @namespace = "argocd")
    {
        IntentRules.RequireName(name, "metadata.name", "ApplicationSet name");
        IntentRules.RequireName(@namespace, "metadata.namespace", "namespace", label: true);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(generators);
        if (generators.Length == 0)
            throw IntentRules.Fail(IntentRules.ArgoGeneratorShape, "an ApplicationSet needs at least one generator", "spec.generators",
                "e.g. AppSetGenerators.Clusters(...) or AppSetGenerators.GitDirectories(...)");
        return global::OkeGitOps.Manifests.Argo.ApplicationSet(name, @namespace).WithSpec(new ApplicationSetSpec
        {
            GoTemplate = true,
            GoTemplateOptions = new[] { "missingkey=error" },
            Generators = generators,
            Template = template,
        });
    }

    /// <summary>
    /// The Application template: a Go-template name (e.g. <c>"{{.name}}-guestbook"</c>), source, destination and
    /// project; the source and destination may hold Go templates too.
    /// </summary>
    public static ApplicationSetSpecTemplate Template(string name, ApplicationSpecSource source, ApplicationDestination destination,
        string project = "default", string? @namespace = null)
    {
        IntentRules.RequireText(name, "spec.template.metadata.name", IntentRules.Name, "template name", "e.g. '{{.name}}-app'");
        ArgumentNullException.ThrowIfNull(source);
        return new ApplicationSetSpecTemplate
        {
            Metadata = new ApplicationSetSpecTemplateMetadata { Name = name, Namespace = @namespace },
            Spec = new ApplicationSpec { Project = project, Source = source, Destination = ArgoDestinations.Check(destination, "spec.template.spec.destination") },
        };
    }

    /// <summary>Keeps the resources of generated Applications when the ApplicationSet (or an Application) is deleted.</summary>
    public static ApplicationSet PreserveResourcesOnDeletion(this ApplicationSet applicationSet)
    {
        ArgumentNullException.ThrowIfNull(applicationSet);
        return applicationSet.WithSpec(s => s.WithSyncPolicy(p => p.WithPreserveResourcesOnDeletion(true)));
    }

    /// <summary>Replaces the Go template options (<c>missingkey=error</c> by default).</summary>
    public static ApplicationSet WithGoTemplateOptions(this ApplicationSet applicationSet, params string[] options)
    {
        ArgumentNullException.ThrowIfNull(applicationSet);
        return applicationSet.WithSpec(s => s with { GoTemplateOptions = options });
    }
}

/// <summary>
/// ApplicationSet generators: list, clusters, Git directories and files, matrix and merge. A generator does not know
/// where it will sit, so the paths in its diagnostics start at the generator (<c>matrix.generators</c>).
/// </summary>
public static class AppSetGenerators
{
    /// <summary>One Application per element; each element's keys become template parameters.</summary>
    public static ApplicationSetSpecGenerator List(params IReadOnlyDictionary<string, string>[] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var nodes = elements.Select(e => (ManifestNode)MappingNode.Create(e.OrderBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => (x.Key, (ManifestNode)ManifestNode.String(x.Value))))).ToArray();
        return new() { List = new ApplicationSetSpecGeneratorList { Elements = nodes } };
    }

    /// <summary>One Application per cluster registered in Argo CD whose secret carries all these labels.</summary>
    public static ApplicationSetSpecGenerator Clusters(IReadOnlyDictionary<string, string>? matchLabels = null)
        => new()
        {
            Clusters = new ApplicationSetSpecGeneratorClusters
            {
                Selector = matchLabels is null || matchLabels.Count == 0 ? null : new ApplicationSetSpecGeneratorSelector { MatchLabels = EquatableMap<string>.Create(matchLabels) },
            },
        };

    /// <summary>One Application per folder matching a path glob (paths starting with <c>!</c> are excluded).</summary>
    /// <param name="repoURL">The Git repository.</param>
    /// <param name="revision">The branch, tag or commit.</param>
    /// <param name="paths">Globs such as <c>apps/*</c>; prefix with <c>!</c> to exclude, e.g. <c>!apps/legacy</c>.</param>
    public static ApplicationSetSpecGenerator GitDirectories(string repoURL, string revision, params string[] paths)
    {
        ArgoUrls.Url(repoURL, "git.repoURL");
        return new() { Git = new ApplicationSetSpecGeneratorGit { RepoURL = repoURL, Revision = revision, Directories = Paths(paths, "directories") } };
    }

    /// <summary>One Application per JSON or YAML file matching a path glob; the file's fields become parameters.</summary>
    public static ApplicationSetSpecGenerator GitFiles(string repoURL, string revision, params string[] paths)
    {
        ArgoUrls.Url(repoURL, "git.repoURL");
        return new() { Git = new ApplicationSetSpecGeneratorGit { RepoURL = repoURL, Revision = revision, Files = Paths(paths, "files") } };
    }

    /// <summary>Every combination of the parameters of two generators.</summary>
    public static ApplicationSetSpecGenerator Matrix(params ApplicationSetSpecGenerator[] generators)
    {
        ArgumentNullException.ThrowIfNull(generators);
        if (generators.Length != 2)
            throw IntentRules.Fail(IntentRules.ArgoGeneratorShape, $"a matrix generator combines exactly two generators, not {generators.Length}",
                "matrix.generators", "nest a second matrix to combine more");
        return new() { Matrix = new ApplicationSetSpecGeneratorMatrix { Generators = generators.Select(Child).ToArray() } };
    }

    /// <summary>The parameters of the first generator, overridden by those of later generators with equal merge keys.</summary>
    public static ApplicationSetSpecGenerator Merge(string[] mergeKeys, params ApplicationSetSpecGenerator[] generators)
    {
        ArgumentNullException.ThrowIfNull(mergeKeys);
        ArgumentNullException.ThrowIfNull(generators);
        if (mergeKeys.Length == 0)
            throw IntentRules.Fail(IntentRules.ArgoGeneratorShape, "a merge generator needs at least one merge key", "merge.mergeKeys",
                "e.g. [\"server\"]");
        if (generators.Length < 2)
            throw IntentRules.Fail(IntentRules.ArgoGeneratorShape, $"a merge generator needs at least two generators, not {generators.Length}",
                "merge.generators");
        return new() { Merge = new ApplicationSetSpecGeneratorMerge { MergeKeys = mergeKeys, Generators = generators.Select(Child).ToArray() } };
    }

    private static ApplicationSetSpecGeneratorMergeGenerator Child(ApplicationSetSpecGenerator generator)
        => ApplicationSetSpecGeneratorMergeGenerator.FromNode((generator ?? throw new ArgumentNullException(nameof(generator))).ToNode());

    private static EquatableArray<ApplicationSetSpecGeneratorGitFile> Paths(string[] paths, string field)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Length == 0)
            throw IntentRules.Fail(IntentRules.ArgoGeneratorShape, $"a Git {field} generator needs at least one path", $"git.{field}", "e.g. 'apps/*'");
        return paths.Select(p => p.StartsWith('!')
            ? new ApplicationSetSpecGeneratorGitFile { Path = p[1..], Exclude = true }
            : new ApplicationSetSpecGeneratorGitFile { Path = p }).ToArray();
    }
}
