using System.Globalization;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models.Core;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// The scale-relevant keys of Argo CD's <c>argocd-cmd-params-cm</c>, typed, with the ranges Argo CD v3.5 accepts.
/// Argo CD logs an out-of-range number or a boolean other than <c>true</c>/<c>false</c> and silently uses its default;
/// here such a value is a build-time error (<see cref="FleetRules.ArgoCdParamRange"/>). <c>null</c> leaves a key out,
/// so Argo CD's default applies.
/// </summary>
public sealed record ArgoCdCmdParams
{
    /// <summary>No key set: every default.</summary>
    public static ArgoCdCmdParams Defaults { get; } = new();

    /// <summary><c>controller.status.processors</c>: workers refreshing application status (default 20; 0 or more).</summary>
    public int? ControllerStatusProcessors { get; init; }

    /// <summary><c>controller.operation.processors</c>: workers running syncs (default 10; 0 or more).</summary>
    public int? ControllerOperationProcessors { get; init; }

    /// <summary><c>controller.kubectl.parallelism.limit</c>: concurrent kubectl runs (default 20; 0 = no limit; a negative value falls back to 20).</summary>
    public long? ControllerKubectlParallelismLimit { get; init; }

    /// <summary><c>controller.sharding.algorithm</c>: how unpinned clusters are spread over shards.</summary>
    public ShardingAlgorithm? ControllerShardingAlgorithm { get; init; }

    /// <summary><c>controller.repo.server.timeout.seconds</c>: manifest generation timeout (default 60; 0 or more).</summary>
    public int? ControllerRepoServerTimeoutSeconds { get; init; }

    /// <summary><c>reposerver.parallelism.limit</c>: concurrent manifest generations per repo-server pod (default 0 = no limit).</summary>
    public int? RepoServerParallelismLimit { get; init; }

    /// <summary><c>applicationsetcontroller.concurrent.reconciliations.max</c>: parallel ApplicationSet reconciles (default 10; 1 or more).</summary>
    public int? ApplicationSetConcurrentReconciliations { get; init; }

    /// <summary><c>applicationsetcontroller.enable.leader.election</c>: needed before running more than one ApplicationSet controller.</summary>
    public bool? ApplicationSetLeaderElection { get; init; }

    /// <summary><c>server.webhook.parallelism.limit</c>: concurrent webhook requests (default 50; 1 to 1000).</summary>
    public int? ServerWebhookParallelismLimit { get; init; }

    /// <summary><c>server.insecure</c>: serve plain HTTP because TLS ends in front of Argo CD.</summary>
    public bool? ServerInsecure { get; init; }

    /// <summary><c>applicationsetcontroller.requeue.after</c>: generator re-evaluation period, a Go duration from 1s to 8760h (default 3m).</summary>
    public string? ApplicationSetRequeueAfter { get; init; }

    /// <summary>The checks Argo CD's own parsing would apply, as diagnostics (empty when every value is used as written).</summary>
    /// <param name="path">Where the parameters sit in the fleet description, for the diagnostic path.</param>
    public IReadOnlyList<Diagnostic> Check(string path = "controlPlane.argoCd.scale.params")
    {
        var found = new List<Diagnostic>();
        void Range(long? value, string key, string property, long min, long max, string @default)
        {
            if (value is null || (value >= min && value <= max)) return;
            var range = max == int.MaxValue || max == long.MaxValue ? $"{min} or more" : $"{min} to {max}";
            found.Add(FleetRules.Error(FleetRules.ArgoCdParamRange,
                $"{key} = {value} is outside the range Argo CD accepts ({range}); Argo CD would log it and silently use its default {@default}",
                $"{path}.{property}", $"use a value from {range}" + (key == "controller.kubectl.parallelism.limit" ? " (0 means no limit)" : "")));
        }
        Range(ControllerStatusProcessors, "controller.status.processors", nameof(ControllerStatusProcessors), 0, int.MaxValue, "20");
        Range(ControllerOperationProcessors, "controller.operation.processors", nameof(ControllerOperationProcessors), 0, int.MaxValue, "10");
        Range(ControllerKubectlParallelismLimit, "controller.kubectl.parallelism.limit", nameof(ControllerKubectlParallelismLimit), 0, long.MaxValue, "20");
        Range(ControllerRepoServerTimeoutSeconds, "controller.repo.server.timeout.seconds", nameof(ControllerRepoServerTimeoutSeconds), 0, int.MaxValue, "60");
        Range(RepoServerParallelismLimit, "reposerver.parallelism.limit", nameof(RepoServerParallelismLimit), 0, int.MaxValue, "0 (no limit)");
        Range(ApplicationSetConcurrentReconciliations, "applicationsetcontroller.concurrent.reconciliations.max", nameof(ApplicationSetConcurrentReconciliations), 1, int.MaxValue, "10");
        Range(ServerWebhookParallelismLimit, "server.webhook.parallelism.limit", nameof(ServerWebhookParallelismLimit), 1, 1000, "50");
        if (ApplicationSetRequeueAfter is { } requeue)
        {
            GoDuration? parsed = null;
            try
            {
                parsed = GoDuration.Parse(requeue, $"{path}.{nameof(ApplicationSetRequeueAfter)}");
            }
            catch (ManifestValidationException e)
            {
                found.AddRange(e.Diagnostics);
            }
            if (parsed is { } d && (d.Value < TimeSpan.FromSeconds(1) || d.Value > TimeSpan.FromHours(8760)))
                found.Add(FleetRules.Error(FleetRules.ArgoCdParamRange,
                    $"applicationsetcontroller.requeue.after = {requeue} is outside the range Argo CD accepts (1s to 8760h); Argo CD would log it and silently use its default 3m",
                    $"{path}.{nameof(ApplicationSetRequeueAfter)}", "use a duration from 1s to 8760h, e.g. '3m'"));
        }
        return found;
    }

    /// <summary>The keys and values as <c>argocd-cmd-params-cm</c> holds them (strings), in key order.</summary>
    /// <exception cref="ManifestValidationException">A value is outside what Argo CD accepts.</exception>
    public IReadOnlyList<KeyValuePair<string, string>> ToData()
    {
        var problems = Check();
        if (problems.Count > 0) throw new ManifestValidationException(problems);
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Put(string key, object? value)
        {
            if (value is null) return;
            data[key] = value switch
            {
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString()!,
            };
        }
        Put("controller.status.processors", ControllerStatusProcessors);
        Put("controller.operation.processors", ControllerOperationProcessors);
        Put("controller.kubectl.parallelism.limit", ControllerKubectlParallelismLimit);
        Put("controller.sharding.algorithm", ControllerShardingAlgorithm switch
        {
            null => null,
            ShardingAlgorithm.Legacy => "legacy",
            ShardingAlgorithm.RoundRobin => "round-robin",
            _ => "consistent-hashing",
        });
        Put("controller.repo.server.timeout.seconds", ControllerRepoServerTimeoutSeconds);
        Put("reposerver.parallelism.limit", RepoServerParallelismLimit);
        Put("applicationsetcontroller.concurrent.reconciliations.max", ApplicationSetConcurrentReconciliations);
        Put("applicationsetcontroller.enable.leader.election", ApplicationSetLeaderElection);
        Put("server.webhook.parallelism.limit", ServerWebhookParallelismLimit);
        Put("server.insecure", ServerInsecure);
        Put("applicationsetcontroller.requeue.after", ApplicationSetRequeueAfter);
        return [.. data];
    }

    /// <summary>The parameters as the <c>argocd-cmd-params-cm</c> ConfigMap, for installs that do not use the Helm chart.</summary>
    public ConfigMap ToConfigMap(string @namespace = "argocd")
        => global::OkeGitOps.Manifests.Core.ConfigMap("argocd-cmd-params-cm", @namespace)
            with { Data = Models.EquatableMap<string>.Create(ToData()) };
}
