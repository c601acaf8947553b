using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Argo;

namespace OkeGitOps.Manifests.Intent.Argo;

/// <summary>Where an Application deploys to: a cluster API server URL or a registered cluster name, and a namespace.</summary>
public static class ArgoDestinations
{
    /// <summary>The API server address of the cluster Argo CD runs in.</summary>
    public const string InClusterServer = "https://kubernetes.default.svc";

    /// <summary>A destination by API server URL.</summary>
    /// <param name="server">The server URL, e.g. <see cref="InClusterServer"/>.</param>
    /// <param name="namespace">The namespace for namespaced resources without one.</param>
    public static ApplicationDestination Server(string server, string @namespace)
    {
        ArgoUrls.Url(server, "spec.destination.server");
        return new() { Server = server, Namespace = Namespace(@namespace) };
    }

    /// <summary>A destination by the name of a cluster registered in Argo CD (a cluster secret's <c>name</c>).</summary>
    /// <param name="name">The cluster's name, e.g. <c>in-cluster</c> or <c>oke-fra-prod</c>.</param>
    /// <param name="namespace">The namespace for namespaced resources without one.</param>
    /// <remarks>In ApplicationSet templates both may be templates, e.g. <c>Cluster("{{.name}}", "payments-{{.path.basename}}")</c>.</remarks>
    public static ApplicationDestination Cluster(string name, string @namespace)
        => new()
        {
            Name = IntentRules.RequireText(name, "spec.destination.name", IntentRules.ArgoDestination, "cluster name", "use the name of a registered cluster, e.g. 'in-cluster'"),
            Namespace = Namespace(@namespace),
        };

    /// <summary>
    /// An AppProject destination pattern: cluster names and namespaces as globs (<c>oke-*</c>, <c>payments-*</c>) or
    /// <c>!</c> negations, as Argo CD matches them. For Applications use <see cref="Cluster"/> or <see cref="Server"/>.
    /// </summary>
    /// <param name="clusterName">A registered cluster name or a glob over them.</param>
    /// <param name="namespace">A namespace or a glob; <c>ArgoProjects.AllowDestinations</c> checks it.</param>
    public static ApplicationDestination Matching(string clusterName, string @namespace)
        => new()
        {
            Name = IntentRules.RequireText(clusterName, "spec.destinations.name", IntentRules.ArgoDestination, "cluster name", "e.g. 'oke-*'"),
            Namespace = IntentRules.RequireText(@namespace, "spec.destinations.namespace", IntentRules.Name, "namespace", "e.g. 'payments-*'"),
        };

    /// <summary>The cluster Argo CD runs in, by server URL.</summary>
    public static ApplicationDestination InCluster(string @namespace) => Server(InClusterServer, @namespace);

    private static string Namespace(string ns) => ArgoTemplates.RequireName(ns, "spec.destination.namespace", "namespace", label: true);

    internal static ApplicationDestination Check(ApplicationDestination destination, string path)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var hasServer = !string.IsNullOrEmpty(destination.Server);
        var hasName = !string.IsNullOrEmpty(destination.Name);
        if (hasServer && hasName)
            throw IntentRules.Fail(IntentRules.ArgoDestination,
                $"the destination names both server '{destination.Server}' and cluster '{destination.Name}'; Argo CD refuses that", path,
                "keep one: ArgoDestinations.Server(...) or ArgoDestinations.Cluster(...)");
        if (!hasServer && !hasName)
            throw IntentRules.Fail(IntentRules.ArgoDestination, "the destination names neither a server nor a cluster", path,
                "use ArgoDestinations.Server(...) or ArgoDestinations.Cluster(...)");
        return destination;
    }
}

/// <summary>
/// Argo CD Applications: a factory, and extension methods for sources (one or several), destination, automated
/// sync, sync options, retry, ignored differences and the resources finalizer. Results are ordinary
/// <see cref="Application"/> models.
/// </summary>
public static class ArgoApps
{
    /// <summary>The finalizer that makes deleting an Application delete the resources it deployed (cascading delete).</summary>
    public const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";

    /// <summary>An Application deploying one source to one destination.</summary>
    /// <param name="name">The Application's name.</param>
    /// <param name="source">What to deploy (see <see cref="ArgoSources"/>).</param>
    /// <param name="destination">Where to (see <see cref="ArgoDestinations"/>).</param>
    /// <param name="project">The AppProject; <c>default</c> unless given.</param>
    /// <param name="namespace">The namespace Argo CD watches for Applications.</param>
    public static Application Application(string name, ApplicationSpecSource source, ApplicationDestination destination, string project = "default", string @namespace = "argocd")
    {
        IntentRules.RequireName(name, "metadata.name", "Application name");
        IntentRules.RequireName(@namespace, "metadata.namespace", "namespace", label: true);
        IntentRules.RequireName(project, "spec.project", "project name");
        ArgumentNullException.ThrowIfNull(source);
        return global::OkeGitOps.Manifests.Argo.Application(name, @namespace)
            .WithSpec(new ApplicationSpec { Project = project, Source = source, Destination = ArgoDestinations.Check(destination, "spec.destination") });
    }

    /// <summary>Replaces the sources with several (multi-source); checks that refs are unique and that every <c>$ref/</c> values file names one.</summary>
    public static Application WithSources(this Application application, params ApplicationSpecSource[] sources)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Length == 0)
            throw IntentRules.Fail(IntentRules.ArgoSourceRef, "an Application needs at least one source", "spec.sources");
        var refs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Length; i++)
        {
            if (sources[i].Ref is { } r && !refs.Add(r))
                throw IntentRules.Fail(IntentRules.ArgoSourceRef, $"two sources have ref '{r}'", $"spec.sources[{i}].ref", "give each ref a different name");
        }
        for (var i = 0; i < sources.Length; i++)
        {
            var files = sources[i].Helm?.ValueFiles;
            if (files is null) continue;
            for (var j = 0; j < files.Count; j++)
            {
                var f = files[j];
                if (!f.StartsWith('$')) continue;
                var name = f[1..].Split('/')[0];
                if (!refs.Contains(name))
                    throw IntentRules.Fail(IntentRules.ArgoSourceRef, $"values file '{f}' refers to ref '{name}', which no source declares",
                        $"spec.sources[{i}].helm.valueFiles[{j}]",
                        refs.Count == 0 ? "add a source with .AsRef(\"" + name + "\")" : $"declared refs: {string.Join(", ", refs.Order(StringComparer.Ordinal))}");
            }
        }
        return application.WithSpec(s => s with { Source = null, Sources = sources });
    }

    /// <summary>Replaces the destination.</summary>
    public static Application WithDestination(this Application application, ApplicationDestination destination)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.WithSpec(s => s.WithDestination(ArgoDestinations.Check(destination, "spec.destination")));
    }

    /// <summary>Syncs automatically; <paramref name="prune"/> deletes what left Git, <paramref name="selfHeal"/> reverts changes made in the cluster.</summary>
    public static Application WithAutomatedSync(this Application application, bool prune = true, bool selfHeal = true, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.WithSpec(s => s.WithSyncPolicy(p => p.WithAutomated(new ApplicationSpecSyncPolicyAutomated
        {
            Prune = prune,
            SelfHeal = selfHeal,
            AllowEmpty = allowEmpty ? true : null,
        })));
    }

    /// <summary>Adds sync options (each once, in the order given).</summary>
    public static Application WithSyncOptions(this Application application, params SyncOption[] options)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.WithSpec(s => s.WithSyncPolicy(p =>
        {
            var current = p.SyncOptions?.Items ?? [];
            var added = options.Select(o => o.ToApiString()).Where(o => !current.Contains(o)).Distinct();
            return p with { SyncOptions = current.AddRange(added) };
        }));
    }

    /// <summary>Retries failed syncs with exponential backoff.</summary>
    /// <param name="application">The Application.</param>
    /// <param name="limit">How many times; -1 for without limit.</param>
    /// <param name="backoff">The first wait, a Go duration such as <c>5s</c>.</param>
    /// <param name="factor">What each wait is multiplied by.</param>
    /// <param name="maxBackoff">The longest wait, e.g. <c>3m</c>.</param>
    public static Application WithRetry(this Application application, int limit = 5, string backoff = "5s", int factor = 2, string maxBackoff = "3m")
    {
        ArgumentNullException.ThrowIfNull(application);
        if (limit < -1)
            throw IntentRules.Fail(IntentRules.ArgoRetry, $"retry limit {limit} is below -1", "spec.syncPolicy.retry.limit", "use -1 for no limit, or a positive count");
        if (factor < 1)
            throw IntentRules.Fail(IntentRules.ArgoRetry, $"backoff factor {factor} is below 1, so waits would shrink", "spec.syncPolicy.retry.backoff.factor", "use 2");
        var first = GoDuration.Parse(backoff, "spec.syncPolicy.retry.backoff.duration");
        var max = GoDuration.Parse(maxBackoff, "spec.syncPolicy.retry.backoff.maxDuration");
        if (max.Value < first.Value)
            throw IntentRules.Fail(IntentRules.ArgoRetry, $"maxDuration {max} is shorter than the first backoff {first}", "spec.syncPolicy.retry.backoff.maxDuration",
                $"use a maxDuration of at least {first}");
        return application.WithSpec(s => s.WithSyncPolicy(p => p.WithRetry(new ApplicationOperationRetry
        {
            Limit = limit,
            Backoff = new ApplicationOperationRetryBackoff { Duration = first.Text, Factor = factor, MaxDuration = max.Text },
        })));
    }

    /// <summary>Ignores differences in some fields of some resources when comparing Git with the cluster.</summary>
    /// <param name="application">The Application.</param>
    /// <param name="group">The API group (empty for core).</param>
    /// <param name="kind">The kind.</param>
    /// <param name="jsonPointers">JSON pointers such as <c>/spec/replicas</c>.</param>
    /// <param name="jqPathExpressions">jq paths such as <c>.spec.template.spec.containers[].image</c>.</param>
    /// <param name="name">Only the resource with this name, when given.</param>
    /// <param name="namespace">Only resources in this namespace, when given.</param>
    public static Application IgnoreDifferences(this Application application, string group, string kind,
        IReadOnlyList<string>? jsonPointers = null, IReadOnlyList<string>? jqPathExpressions = null, string? name = null, string? @namespace = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        var index = application.Spec?.IgnoreDifferences?.Count ?? 0;
        var path = $"spec.ignoreDifferences[{index}]";
        IntentRules.RequireText(kind, path + ".kind", IntentRules.Name, "kind", "e.g. 'Deployment'");
        if ((jsonPointers?.Count ?? 0) == 0 && (jqPathExpressions?.Count ?? 0) == 0)
            throw IntentRules.Fail(IntentRules.Name, "an ignored difference needs at least one JSON pointer or jq path", path,
                "e.g. jsonPointers: [\"/spec/replicas\"]");
        for (var i = 0; i < (jsonPointers?.Count ?? 0); i++)
        {
            if (!jsonPointers![i].StartsWith('/'))
                throw IntentRules.Fail(IntentRules.Name, $"'{jsonPointers[i]}' is not a JSON pointer", $"{path}.jsonPointers[{i}]", "JSON pointers start with '/', e.g. '/spec/replicas'");
        }
        var item = new ApplicationSpecIgnoreDifference
        {
            Group = group,
            Kind = kind,
            Name = name,
            Namespace = @namespace,
            JsonPointers = jsonPointers is { Count: > 0 } ? jsonPointers.ToEquatableArray() : null,
            JqPathExpressions = jqPathExpressions is { Count: > 0 } ? jqPathExpressions.ToEquatableArray() : null,
        };
        return application.WithSpec(s => s with { IgnoreDifferences = (s.IgnoreDifferences ?? EquatableArray<ApplicationSpecIgnoreDifference>.Empty).Add(item) });
    }

    /// <summary>Adds the <see cref="ResourcesFinalizer"/>, so deleting the Application deletes what it deployed.</summary>
    public static Application WithResourcesFinalizer(this Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.WithMetadata(m =>
        {
            var current = m.Finalizers ?? EquatableArray<string>.Empty;
            return current.Contains(ResourcesFinalizer) ? m : m with { Finalizers = current.Add(ResourcesFinalizer) };
        });
    }
}
