using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// How big Argo CD runs on the control plane: replica counts of its components, Redis HA, and the typed
/// <c>argocd-cmd-params-cm</c>. <see cref="ArgoCdSizing.Propose"/> suggests one from the fleet's size; every number
/// can be changed with <c>with { }</c>.
/// </summary>
public sealed record ArgoCdScale
{
    /// <summary>Application controller replicas, which is also the number of shards (1 turns sharding off).</summary>
    public int ControllerReplicas { get; init; } = 1;

    /// <summary>Repo-server replicas.</summary>
    public int RepoServerReplicas { get; init; } = 2;

    /// <summary>API server replicas.</summary>
    public int ServerReplicas { get; init; } = 2;

    /// <summary>ApplicationSet controller replicas (more than one turns on leader election).</summary>
    public int ApplicationSetReplicas { get; init; } = 1;

    /// <summary>Run Redis as the HA StatefulSet with HAProxy (needs at least 3 nodes).</summary>
    public bool RedisHa { get; init; } = true;

    /// <summary>The typed <c>argocd-cmd-params-cm</c>.</summary>
    public ArgoCdCmdParams Params { get; init; } = ArgoCdCmdParams.Defaults;

    /// <summary>Returns the scale with its parameters edited.</summary>
    public ArgoCdScale WithParams(Func<ArgoCdCmdParams, ArgoCdCmdParams> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return this with { Params = edit(Params) };
    }

    /// <summary>Checks replica counts and parameter ranges.</summary>
    public IReadOnlyList<Diagnostic> Check(string path = "controlPlane.argoCd.scale")
    {
        var found = new List<Diagnostic>();
        foreach (var (value, name) in new[]
                 {
                     (ControllerReplicas, nameof(ControllerReplicas)), (RepoServerReplicas, nameof(RepoServerReplicas)),
                     (ServerReplicas, nameof(ServerReplicas)), (ApplicationSetReplicas, nameof(ApplicationSetReplicas)),
                 })
        {
            if (value < 1)
                found.Add(FleetRules.Error(FleetRules.ArgoCdScale, $"{name} is {value}; Argo CD needs at least one replica of each component",
                    $"{path}.{name}", "use 1 or more"));
        }
        found.AddRange(Params.Check(path + ".params"));
        return found;
    }
}
