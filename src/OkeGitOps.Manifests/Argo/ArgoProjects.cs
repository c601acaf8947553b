using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Argo;

namespace OkeGitOps.Manifests.Intent.Argo;

/// <summary>
/// Least-privilege AppProjects: a project starts allowing nothing (no repositories, no destinations, no
/// cluster-scoped resources), and each extension method allows, or denies, exactly what is named. Globs and
/// <c>!</c> negations are taken as Argo CD takes them (<c>payments-*</c>, <c>!kube-system</c>,
/// <c>https://git.example.com/team/*</c>); only the bare <c>*</c> that allows everything is refused here (a project
/// that really needs one can still be edited as an ordinary <see cref="AppProject"/>). Sync windows and role policies
/// are checked as Argo CD's server checks them (<see cref="Validation.Argo.ArgoServerRules"/>).
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
            if (repoURLs[i].TrimStart('!') == "*")
                throw Wildcard($"source repository '{repoURLs[i]}'", $"spec.sourceRepos[{start + i}]", "list each repository URL, or a glob such as 'https://git.example.com/team/*'");
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
                throw Wildcard("destination cluster '*'", path, "name each cluster, or a glob such as 'oke-*'");
            if (destinations[i].Namespace is null || destinations[i].Namespace!.TrimStart('!') == "*")
                throw Wildcard($"destination namespace '{destinations[i].Namespace ?? "(any)"}'", path + ".namespace", "name each namespace, or a glob such as 'payments-*'");
            RequireNamespaceGlob(destinations[i].Namespace!, path + ".namespace");
        }
        return project.WithSpec(s => s with { Destinations = (s.Destinations ?? EquatableArray<ApplicationDestination>.Empty).AddRange(destinations) });
    }

    /// <summary>
    /// Allows Applications in these namespaces (besides Argo CD's own) to use this project: names, globs such as
    /// <c>team-*</c>, or <c>!</c> negations.
    /// </summary>
    public static AppProject AllowSourceNamespaces(this AppProject project, params string[] namespaces)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(namespaces);
        var start = project.Spec?.SourceNamespaces?.Count ?? 0;
        for (var i = 0; i < namespaces.Length; i++)
        {
            var path = $"spec.sourceNamespaces[{start + i}]";
            if (namespaces[i]?.TrimStart('!') == "*") throw Wildcard("source namespace '*'", path, "name each namespace, or a glob such as 'team-*'");
            RequireNamespaceGlob(namespaces[i], path);
        }
        return project.WithSpec(s => s with { SourceNamespaces = (s.SourceNamespaces ?? EquatableArray<string>.Empty).AddRange(namespaces) });
    }

    /// <summary>
    /// Adds a sync window: when <paramref name="kind"/> is <see cref="ArgoSyncWindowKind.Deny"/>, no sync runs for
    /// <paramref name="duration"/> from each time <paramref name="schedule"/> (cron syntax) fires; an allow window
    /// permits syncs only then.
    /// </summary>
    /// <param name="project">The project.</param>
    /// <param name="kind">Allow or deny.</param>
    /// <param name="schedule">Cron syntax, e.g. <c>0 22 * * *</c>, or a descriptor such as <c>@daily</c>.</param>
    /// <param name="duration">A Go duration, e.g. <c>1h</c>.</param>
    /// <param name="applications">Application name globs the window applies to.</param>
    /// <param name="namespaces">Namespace globs the window applies to.</param>
    /// <param name="clusters">Cluster name globs the window applies to.</param>
    /// <param name="manualSync">Whether manual syncs are still allowed in a deny window.</param>
    /// <param name="timeZone">The IANA time zone of the schedule, e.g. <c>Europe/Berlin</c>; UTC when unset.</param>
    public static AppProject AddSyncWindow(this AppProject project, ArgoSyncWindowKind kind, string schedule, string duration,
        string[]? applications = null, string[]? namespaces = null, string[]? clusters = null, bool manualSync = false, string? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        var path = $"spec.syncWindows[{project.Spec?.SyncWindows?.Count ?? 0}]";
        var kindText = kind switch
        {
            ArgoSyncWindowKind.Allow => "allow",
            ArgoSyncWindowKind.Deny => "deny",
            _ => throw IntentRules.Fail(Validation.Argo.ArgoServerRules.SyncWindow, $"{(int)kind} is not an ArgoSyncWindowKind", path, "use ArgoSyncWindowKind.Allow or ArgoSyncWindowKind.Deny"),
        };
        if (Validation.Argo.ArgoServerRules.SyncWindowProblem(kindText, schedule, duration) is { } problem)
            throw IntentRules.Fail(Validation.Argo.ArgoServerRules.SyncWindow, problem, path, "e.g. AddSyncWindow(ArgoSyncWindowKind.Deny, \"0 22 * * *\", \"8h\")");
        if (applications is null && namespaces is null && clusters is null)
            throw IntentRules.Fail(Validation.Argo.ArgoServerRules.SyncWindow, "the window applies to nothing: give applications, namespaces or clusters", path,
                "use [\"*\"] for every application");
        var window = new AppProjectSpecSyncWindow
        {
            Kind = kindText,
            Schedule = schedule,
            Duration = duration,
            Applications = applications is null ? null : new EquatableArray<string>([.. applications]),
            Namespaces = namespaces is null ? null : new EquatableArray<string>([.. namespaces]),
            Clusters = clusters is null ? null : new EquatableArray<string>([.. clusters]),
            ManualSync = manualSync ? true : null,
            TimeZone = timeZone,
        };
        return project.WithSpec(s => s with { SyncWindows = (s.SyncWindows ?? EquatableArray<AppProjectSpecSyncWindow>.Empty).Add(window) });
    }

    /// <summary>
    /// Adds a project role whose policies are written for you as
    /// <c>p, proj:&lt;project&gt;:&lt;role&gt;, &lt;resource&gt;, &lt;action&gt;, &lt;project&gt;/&lt;object&gt;, allow|deny</c>
    /// and checked as Argo CD checks them.
    /// </summary>
    /// <param name="project">The project.</param>
    /// <param name="name">The role's name.</param>
    /// <param name="rules">Each rule: a resource (<c>applications</c>, ...), an action (<c>get</c>, <c>sync</c>, ...), the object
    /// inside the project (<c>*</c> or an application name) and whether it is allowed.</param>
    public static AppProject AddRole(this AppProject project, string name, params (string Resource, string Action, string Object, bool Allow)[] rules)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(rules);
        var path = $"spec.roles[{project.Spec?.Roles?.Count ?? 0}]";
        IntentRules.RequireText(name, path + ".name", IntentRules.Name, "role name", "e.g. 'deployer'");
        if (Validation.Argo.ArgoServerRules.RoleNameProblem(name) is { } nameProblem)
            throw IntentRules.Fail(Validation.Argo.ArgoServerRules.ProjectRole, nameProblem, path + ".name", "e.g. 'deployer' or 'read-only'");
        if (project.Spec?.Roles?.Any(r => r.Name == name) == true)
            throw IntentRules.Fail(Validation.Argo.ArgoServerRules.ProjectRole, $"role '{name}' is already defined; Argo CD refuses a role defined twice", path + ".name",
                "add the rules to the existing role's call, or choose another name");
        var projectName = project.Metadata?.Name ?? "";
        var policies = new string[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            var (resource, action, target, allow) = rules[i];
            var @object = target.StartsWith(projectName + "/", StringComparison.Ordinal) ? target : $"{projectName}/{target}";
            policies[i] = $"p, proj:{projectName}:{name}, {resource}, {action}, {@object}, {(allow ? "allow" : "deny")}";
            if (Validation.Argo.ArgoServerRules.PolicyProblem(projectName, name, policies[i]) is { } problem)
                throw IntentRules.Fail(Validation.Argo.ArgoServerRules.RolePolicy, $"Argo CD refuses this policy: {problem}", $"{path}.policies[{i}]",
                    "e.g. (\"applications\", \"sync\", \"*\", true)");
        }
        var role = new AppProjectSpecRole { Name = name, Policies = new EquatableArray<string>([.. policies]) };
        return project.WithSpec(s => s with { Roles = (s.Roles ?? EquatableArray<AppProjectSpecRole>.Empty).Add(role) });
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
            if (refuseWildcard && kinds[i].Kind == "*")
                throw Wildcard($"resource '{kinds[i].Group}/{kinds[i].Kind}'", p, "list each kind the project's Applications deploy (globs such as 'Cluster*' are fine)");
        }
        return kinds;
    }

    // A namespace name, glob (*, ?, [..]) or negation (!) whose literal text could be a namespace.
    private static void RequireNamespaceGlob(string? glob, string path)
    {
        IntentRules.RequireText(glob, path, IntentRules.Name, "namespace", "e.g. 'payments' or 'payments-*'");
        var literal = System.Text.RegularExpressions.Regex.Replace(glob!.TrimStart('!'), @"\[[^\]]*\]|[*?]", "a");
        if (!Validation.NameRules.IsDns1123Label(ArgoTemplates.IsTemplated(literal) ? ArgoTemplates.Sample(literal, path) : literal))
            throw IntentRules.Fail(IntentRules.Name, $"'{glob}' is not a namespace or a glob over namespaces: its text must be lowercase letters, digits and '-'",
                path, "e.g. 'payments', 'payments-*' or '!kube-system'");
    }

    private static Diagnostics.ManifestValidationException Wildcard(string what, string path, string suggestion)
        => IntentRules.Fail(IntentRules.ArgoProjectWildcard, $"a least-privilege project does not allow the wildcard {what}", path,
            suggestion + "; edit the AppProject model directly if a wildcard is really meant");
}
