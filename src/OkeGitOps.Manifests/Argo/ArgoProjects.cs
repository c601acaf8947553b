using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Argo;

namespace OkeGitOps.Manifests.Intent.Argo;

/// <summary>
/// Least-privilege AppProjects: a project starts allowing nothing (no repositories, no destinations, no
/// cluster-scoped resources), and each extension method allows, or denies, exactly what is named. Wildcards are
/// refused here; a project that really needs one can still be edited as an ordinary <see cref="AppProject"/>.
/// </summary>
public static class ArgoProjects
{
    /// <summary>A project that allows nothing until told.</summary>
    /// <param name="name">The project's name.</param>
    /// <param name="namespace">The namespace Argo CD runs in.</param>
    /// <param name="description">What the project is for.</param>
    public static AppProject LeastPrivilege(string name, string @namespace = "argocd", string? description = null)
    {
        IntentRules.RequireName(name, "metadata.name", "project name");
        IntentRules.RequireName(@namespace, "metadata.namespace", "namespace", label: true);
        return global::OkeGitOps.Manifests.Argo.AppProject(name, @namespace).WithSpec(new AppProjectSpec { Description = description });
    }

    /// <summary>Allows Applications of this project to read these repositories (Git URLs or OCIR paths).</summary>
    public static AppProject AllowSourceRepos(this AppProject project, params string[] repoURLs)
    {
        ArgumentNullException.ThrowIfNull(project);
        var start = project.Spec?.SourceRepos?.Count ?? 0;
        for (var i = 0; i < repoURLs.Length; i++)
        {
            ArgoUrls.Url(repoURLs[i], $"spec.sourceRepos[{start + i}]");
            if (repoURLs[i].Contains('*', StringComparison.Ordinal))
                throw Wildcard($"source repository '{repoURLs[i]}'", $"spec.sourceRepos[{start + i}]", "list each repository URL");
        }
        return project.WithSpec(s => s with { SourceRepos = (s.SourceRepos ?? EquatableArray<string>.Empty).AddRange(repoURLs) });
    }

    /// <summary>Allows deploying to these destinations (see <see cref="ArgoDestinations"/>).</summary>
    public static AppProject AllowDestinations(this AppProject project, params ApplicationDestination[] destinations)
    {
        ArgumentNullException.ThrowIfNull(project);
        var start = project.Spec?.Destinations?.Count ?? 0;
        for (var i = 0; i < destinations.Length; i++)
        {
            var path = $"spec.destinations[{start + i}]";
            ArgoDestinations.Check(destinations[i], path);
            if (destinations[i].Server == "*" || destinations[i].Name == "*")
                throw Wildcard("destination cluster '*'", path, "name each cluster");
            if (destinations[i].Namespace is null || destinations[i].Namespace!.Contains('*', StringComparison.Ordinal))
                throw Wildcard($"destination namespace '{destinations[i].Namespace ?? "(any)"}'", path + ".namespace", "name each namespace");
        }
        return project.WithSpec(s => s with { Destinations = (s.Destinations ?? EquatableArray<ApplicationDestination>.Empty).AddRange(destinations) });
    }

    /// <summary>Allows these cluster-scoped kinds (as <c>(group, kind)</c>; group empty for core), e.g. <c>("", "Namespace")</c>.</summary>
    public static AppProject AllowClusterResources(this AppProject project, params (string Group, string Kind)[] kinds)
    {
        ArgumentNullException.ThrowIfNull(project);
        var items = Kinds(kinds, "spec.clusterResourceWhitelist", project.Spec?.ClusterResourceWhitelist?.Count ?? 0, refuseWildcard: true);
        return project.WithSpec(s => s with
        {
            ClusterResourceWhitelist = (s.ClusterResourceWhitelist ?? EquatableArray<AppProjectSpecClusterResourceBlacklist>.Empty)
                .AddRange(items.Select(k => new AppProjectSpecClusterResourceBlacklist { Group = k.Group, Kind = k.Kind }).ToArray()),
        });
    }

    /// <summary>Denies these cluster-scoped kinds even where another rule would allow them.</summary>
    public static AppProject DenyClusterResources(this AppProject project, params (string Group, string Kind)[] kinds)
    {
        ArgumentNullException.ThrowIfNull(project);
        var items = Kinds(kinds, "spec.clusterResourceBlacklist", project.Spec?.ClusterResourceBlacklist?.Count ?? 0, refuseWildcard: false);
        return project.WithSpec(s => s with
        {
            ClusterResourceBlacklist = (s.ClusterResourceBlacklist ?? EquatableArray<AppProjectSpecClusterResourceBlacklist>.Empty)
                .AddRange(items.Select(k => new AppProjectSpecClusterResourceBlacklist { Group = k.Group, Kind = k.Kind }).ToArray()),
        });
    }

    /// <summary>Allows only these namespaced kinds (once any is listed, every other namespaced kind is refused).</summary>
    public static AppProject AllowNamespaceResources(this AppProject project, params (string Group, string Kind)[] kinds)
    {
        ArgumentNullException.ThrowIfNull(project);
        var items = Kinds(kinds, "spec.namespaceResourceWhitelist", project.Spec?.NamespaceResourceWhitelist?.Count ?? 0, refuseWildcard: true);
        return project.WithSpec(s => s with
        {
            NamespaceResourceWhitelist = (s.NamespaceResourceWhitelist ?? EquatableArray<AppProjectSpecNamespaceResourceBlacklist>.Empty)
                .AddRange(items.Select(k => new AppProjectSpecNamespaceResourceBlacklist { Group = k.Group, Kind = k.Kind }).ToArray()),
        });
    }

    /// <summary>Denies these namespaced kinds, e.g. <c>("", "ResourceQuota")</c>.</summary>
    public static AppProject DenyNamespaceResources(this AppProject project, params (string Group, string Kind)[] kinds)
    {
        ArgumentNullException.ThrowIfNull(project);
        var items = Kinds(kinds, "spec.namespaceResourceBlacklist", project.Spec?.NamespaceResourceBlacklist?.Count ?? 0, refuseWildcard: false);
        return project.WithSpec(s => s with
        {
            NamespaceResourceBlacklist = (s.NamespaceResourceBlacklist ?? EquatableArray<AppProjectSpecNamespaceResourceBlacklist>.Empty)
                .AddRange(items.Select(k => new AppProjectSpecNamespaceResourceBlacklist { Group = k.Group, Kind = k.Kind }).ToArray()),
        });
    }

    private static (string Group, string Kind)[] Kinds((string Group, string Kind)[] kinds, string path, int start, bool refuseWildcard)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        for (var i = 0; i < kinds.Length; i++)
        {
            var p = $"{path}[{start + i}]";
            IntentRules.RequireText(kinds[i].Kind, p + ".kind", IntentRules.Name, "kind", "e.g. 'Namespace'");
            if (kinds[i].Group is null)
                throw IntentRules.Fail(IntentRules.Name, "the group is null", p + ".group", "use \"\" for the core group");
            if (refuseWildcard && (kinds[i].Group.Contains('*', StringComparison.Ordinal) || kinds[i].Kind.Contains('*', StringComparison.Ordinal)))
                throw Wildcard($"resource '{kinds[i].Group}/{kinds[i].Kind}'", p, "list each kind the project's Applications deploy");
        }
        return kinds;
    }

    private static Diagnostics.ManifestValidationException Wildcard(string what, string path, string suggestion)
        => IntentRules.Fail(IntentRules.ArgoProjectWildcard, $"a least-privilege project does not allow the wildcard {what}", path,
            suggestion + "; edit the AppProject model directly if a wildcard is really meant");
}
