using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Argo;

/// <summary>
/// Checks that Argo CD's own API server applies to AppProjects and Applications and the CRD schema does not express:
/// sync windows (kind <c>allow</c> or <c>deny</c>, a cron schedule, a Go duration), project role policies
/// (<c>p, proj:&lt;project&gt;:&lt;role&gt;, &lt;resource&gt;, &lt;action&gt;, &lt;object&gt;, allow|deny</c> with Argo CD's
/// resources and actions), and a destination naming a server or a cluster name, not both. The intent helpers in
/// <c>OkeGitOps.Manifests.Intent.Argo</c> apply the same checks through <see cref="SyncWindowProblem"/> and
/// <see cref="PolicyProblem"/>.
/// </summary>
public static partial class ArgoServerRules
{
    /// <summary>Rule id: a sync window Argo CD refuses.</summary>
    public const string SyncWindow = "argo-sync-window";

    /// <summary>Rule id: a project role policy Argo CD refuses.</summary>
    public const string RolePolicy = "argo-role-policy";

    /// <summary>Rule id: a destination with both <c>server</c> and <c>name</c>, or with neither, or listed twice in a project.</summary>
    public const string Destination = "argo-destination";

    /// <summary>Rule id: a Helm value file <c>$name/...</c> naming a source ref that the Application does not have.</summary>
    public const string ValueFileRef = "argo-value-file-ref";

    /// <summary>Rule id: a project role whose name Argo CD refuses, or a role, policy or source repository listed twice.</summary>
    public const string ProjectRole = "argo-project-role";

    /// <summary>The resources a project role policy may name.</summary>
    public static IReadOnlyList<string> PolicyResources { get; } = ["applications", "applicationsets", "repositories", "clusters", "logs", "exec"];

    /// <summary>The actions a project role policy may name (besides <c>action/...</c> and <c>update/...</c>, <c>delete/...</c> for sub-resources).</summary>
    public static IReadOnlyList<string> PolicyActions { get; } = ["get", "create", "update", "delete", "sync", "override", "action", "invoke", "*"];

    /// <summary>Checks an AppProject, Application or ApplicationSet document; other kinds give nothing.</summary>
    public static IReadOnlyList<Diagnostic> Check(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Mapping is not { } root || document.ApiVersion is not { } apiVersion || !apiVersion.StartsWith("argoproj.io/", StringComparison.Ordinal)
            || root.GetValueOrDefault("spec") is not MappingNode spec)
            return [];
        var found = new List<Diagnostic>();
        var at = NodePath.Root.Key("spec");
        switch (document.Kind)
        {
            case "AppProject":
                CheckSyncWindows(spec, at, found);
                CheckRoles(spec, document.Name, at, found);
                CheckProjectLists(spec, at, found);
                break;
            case "Application":
                CheckDestination(spec.GetValueOrDefault("destination") as MappingNode, at.Key("destination"), found);
                CheckValueFileRefs(spec, at, found);
                if (spec.GetValueOrDefault("destination") is MappingNode { } target && target.GetString("server") is null or "" && target.GetString("name") is null or "")
                    found.Add(Diagnostic.Error(Destination, "the destination names neither a server nor a cluster name; Argo CD cannot tell where to deploy",
                        at.Key("destination"), target.Location, "add server: https://kubernetes.default.svc (or the cluster's URL), or name: <cluster name>"));
                break;
            case "ApplicationSet":
                if (spec.GetValueOrDefault("template") is MappingNode template && template.GetValueOrDefault("spec") is MappingNode templateSpec)
                    CheckDestination(templateSpec.GetValueOrDefault("destination") as MappingNode, at.Key("template").Key("spec").Key("destination"), found);
                break;
        }
        return found;
    }

    /// <summary>What Argo CD would refuse in a sync window, or <c>null</c>.</summary>
    public static string? SyncWindowProblem(string? kind, string? schedule, string? duration)
    {
        if (kind is not ("allow" or "deny")) return $"kind '{kind}' is not a sync window kind: it is 'allow' or 'deny'";
        if (string.IsNullOrWhiteSpace(schedule)) return "the schedule is empty";
        if (CronSchedule.Problem(schedule) is { } cron) return $"schedule '{schedule}' is not cron syntax: {cron}";
        if (string.IsNullOrWhiteSpace(duration)) return "the duration is empty";
        if (!GoDurationText.IsValid(duration)) return $"duration '{duration}' is not a Go duration (a number and a unit, h, m, s, ms, us or ns, repeated: '1h30m')";
        return null;
    }

    /// <summary>
    /// What Argo CD would refuse in a project role name, or <c>null</c>: letters, digits, <c>-</c> and <c>_</c>, starting
    /// and ending with a letter or digit.
    /// </summary>
    public static string? RoleNameProblem(string? name)
        => name is { Length: > 0 } && RoleName().IsMatch(name)
            ? null
            : $"role name '{name}' is not one Argo CD takes: letters, digits, '-' and '_', starting and ending with a letter or digit";

    [GeneratedRegex("^[a-zA-Z0-9]([-_a-zA-Z0-9]*[a-zA-Z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleName();

    /// <summary>What Argo CD would refuse in a policy line of role <paramref name="role"/> of project <paramref name="project"/>, or <c>null</c>.</summary>
    public static string? PolicyProblem(string project, string role, string policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var parts = policy.Split(',').Select(p => p.Trim()).ToArray();
        if (parts.Length != 6 || parts[0] != "p")
            return "a policy has six comma-separated parts: p, proj:<project>:<role>, <resource>, <action>, <object>, allow|deny";
        var subject = $"proj:{project}:{role}";
        if (parts[1] != subject) return $"the subject is '{parts[1]}', but in role '{role}' of project '{project}' it must be '{subject}'";
        if (!PolicyResources.Contains(parts[2])) return $"'{parts[2]}' is not a resource a project role can name ({string.Join(", ", PolicyResources)})";
        var action = parts[3];
        var baseAction = action.Contains('/') ? action[..action.IndexOf('/')] : action;
        if (!PolicyActions.Contains(action) && !(action.Contains('/') && baseAction is "action" or "update" or "delete"))
            return $"'{action}' is not an Argo CD action ({string.Join(", ", PolicyActions.Where(a => a != "action"))}, action/<group>/<kind>/<name>)";
        if (!Regex.IsMatch(parts[4], $@"^{Regex.Escape(project)}/[*\w.-]+(/[*\w.-]+)?$", RegexOptions.CultureInvariant))
            return $"the object '{parts[4]}' must be '{project}/*', '{project}/<application>' or '{project}/<namespace>/<application>'";
        if (parts[5] is not ("allow" or "deny")) return $"the effect '{parts[5]}' is 'allow' or 'deny'";
        return null;
    }

    private static void CheckSyncWindows(MappingNode spec, NodePath at, List<Diagnostic> found)
    {
        if (spec.GetValueOrDefault("syncWindows") is not SequenceNode windows) return;
        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i] is not MappingNode window) continue;
            var path = at.Key("syncWindows").Index(i);
            var kind = window.GetString("kind");
            var schedule = window.GetString("schedule");
            var duration = window.GetString("duration");
            if (SyncWindowProblem(kind, schedule, duration) is not { } problem) continue;
            var field = kind is not ("allow" or "deny") ? "kind" : schedule is null || CronSchedule.Problem(schedule) is not null ? "schedule" : "duration";
            var node = window.GetValueOrDefault(field) ?? window;
            found.Add(Diagnostic.Error(SyncWindow, problem, path.Key(field), node.Location,
                field switch
                {
                    "kind" => "use kind: allow or kind: deny",
                    "schedule" => "e.g. '0 22 * * *' for 22:00 every day",
                    _ => "e.g. '1h' or '30m'",
                }));
        }
    }

    private static void CheckRoles(MappingNode spec, string? project, NodePath at, List<Diagnostic> found)
    {
        if (project is null || spec.GetValueOrDefault("roles") is not SequenceNode roles) return;
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i] is not MappingNode role || role.GetString("name") is not { } name) continue;
            var nameNode = role.GetValueOrDefault("name")!;
            if (RoleNameProblem(name) is { } nameProblem)
                found.Add(Diagnostic.Error(ProjectRole, $"Argo CD refuses this project: {nameProblem}", at.Key("roles").Index(i).Key("name"), nameNode.Location,
                    "e.g. 'deployer' or 'read-only'"));
            else if (!names.TryAdd(name, i))
                found.Add(Diagnostic.Error(ProjectRole, $"Argo CD refuses this project: role '{name}' is defined twice (also roles[{names[name]}])",
                    at.Key("roles").Index(i).Key("name"), nameNode.Location, "merge the two roles, or rename one"));
            if (role.GetValueOrDefault("policies") is not SequenceNode policies) continue;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < policies.Count; j++)
            {
                if (policies[j] is not StringNode policy) continue;
                if (PolicyProblem(project, name, policy.Value) is { } problem)
                    found.Add(Diagnostic.Error(RolePolicy, $"Argo CD refuses this policy: {problem}", at.Key("roles").Index(i).Key("policies").Index(j), policy.Location,
                        $"e.g. 'p, proj:{project}:{name}, applications, sync, {project}/*, allow'"));
                else if (!seen.Add(policy.Value))
                    found.Add(Diagnostic.Error(RolePolicy, $"Argo CD refuses this project: the policy is listed twice in role '{name}'",
                        at.Key("roles").Index(i).Key("policies").Index(j), policy.Location, "remove the second copy"));
            }
        }
    }

    /// <summary>
    /// Helm value files of a multi-source Application that start with <c>$name/</c> where no source has
    /// <c>ref: name</c>: Argo CD fails to render the Application.
    /// </summary>
    private static void CheckValueFileRefs(MappingNode spec, NodePath at, List<Diagnostic> found)
    {
        if (spec.GetValueOrDefault("sources") is not SequenceNode sources) return;
        var refs = sources.OfType<MappingNode>().Select(s => s.GetString("ref")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is not MappingNode source || (source.GetValueOrDefault("helm") as MappingNode)?.GetValueOrDefault("valueFiles") is not SequenceNode files) continue;
            for (var j = 0; j < files.Count; j++)
            {
                if (files[j] is not StringNode file || !file.Value.StartsWith('$')) continue;
                var name = file.Value[1..].Split('/')[0];
                if (name.Length == 0 || name.Contains("{{", StringComparison.Ordinal) || refs.Contains(name)) continue;
                found.Add(Diagnostic.Error(ValueFileRef, $"the value file '{file.Value}' reads from the source named '{name}', but no source of this Application has ref: {name}; Argo CD cannot render it",
                    at.Key("sources").Index(i).Key("helm").Key("valueFiles").Index(j), file.Location,
                    refs.Count == 0 ? $"add a source with ref: {name} (ArgoSources.Ref(url, \"{name}\", revision))" : $"use one of the refs the sources declare: {string.Join(", ", refs.Order(StringComparer.Ordinal).Select(r => "$" + r))}"));
            }
        }
    }

    /// <summary>Destinations and source repositories that a project lists twice, which Argo CD refuses.</summary>
    private static void CheckProjectLists(MappingNode spec, NodePath at, List<Diagnostic> found)
    {
        if (spec.GetValueOrDefault("destinations") is SequenceNode destinations)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < destinations.Count; i++)
            {
                if (destinations[i] is not MappingNode d) continue;
                var server = d.GetString("server") ?? "";
                var key = $"{(server.Length > 0 ? server : d.GetString("name") ?? "")}/{d.GetString("namespace") ?? ""}";
                if (!keys.Add(key))
                    found.Add(Diagnostic.Error(Destination, $"Argo CD refuses this project: destination '{key}' is listed twice", at.Key("destinations").Index(i), d.Location,
                        "remove the second copy"));
            }
        }
        if (spec.GetValueOrDefault("sourceRepos") is SequenceNode repos)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < repos.Count; i++)
            {
                if (repos[i] is StringNode repo && !seen.Add(repo.Value))
                    found.Add(Diagnostic.Error(ProjectRole, $"Argo CD refuses this project: source repository '{repo.Value}' is listed twice",
                        at.Key("sourceRepos").Index(i), repo.Location, "remove the second copy"));
            }
        }
    }

    private static void CheckDestination(MappingNode? destination, NodePath at, List<Diagnostic> found)
    {
        if (destination is null) return;
        if (destination.GetString("server") is { Length: > 0 } server && destination.GetString("name") is { Length: > 0 } name)
        {
            found.Add(Diagnostic.Error(Destination, $"the destination names both server '{server}' and cluster '{name}'; Argo CD refuses that",
                at, destination.Location, "keep one of server and name"));
        }
    }
}
