using OkeGitOps.Manifests.Intent.Argo;
using OkeGitOps.Manifests.Models.Argo;
using OkeGitOps.Manifests.Tree;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Argo CD itself as an Application of the upstream <c>argo-cd</c> chart, with the fleet's scale as chart values:
/// replicas (the chart keeps <c>ARGOCD_CONTROLLER_REPLICAS</c> equal to the controller replicas), Redis HA, the image
/// tag, and <c>configs.params</c>, which the chart writes into <c>argocd-cmd-params-cm</c>.
/// </summary>
public static class ArgoCdChart
{
    /// <summary>The parameters in force: the scale's, with <c>server.insecure</c> set when the exposure ends TLS.</summary>
    public static ArgoCdCmdParams Params(FleetPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var p = plan.Scale.Params;
        if (plan.Fleet.ControlPlane.ArgoCd.Exposure.TerminatesTls && p.ServerInsecure is null) p = p with { ServerInsecure = true };
        if (plan.Scale.ApplicationSetReplicas > 1 && p.ApplicationSetLeaderElection is null) p = p with { ApplicationSetLeaderElection = true };
        return p;
    }

    /// <summary>The chart values.</summary>
    public static MappingNode Values(FleetPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var s = plan.Scale;
        var argo = plan.Fleet.ControlPlane.ArgoCd;
        return Map(
            ("applicationSet", Map(("replicas", Integer(s.ApplicationSetReplicas)))),
            ("configs", Map(("params", MappingNode.Create(Params(plan).ToData().Select(kv => (kv.Key, (ManifestNode)String(kv.Value))))))),
            ("controller", Map(("replicas", Integer(s.ControllerReplicas)))),
            ("global", Map(("image", Map(("tag", String(argo.Version)))))),
            ("redis-ha", Map(("enabled", Boolean(s.RedisHa)))),
            ("repoServer", Map(("replicas", Integer(s.RepoServerReplicas)))),
            ("server", Map(("replicas", Integer(s.ServerReplicas)))));
    }

    /// <summary>The Application installing Argo CD on the control plane.</summary>
    public static Application Application(FleetPlan plan)
    {
        var argo = plan.Fleet.ControlPlane.ArgoCd;
        return ArgoApps.Application("argocd",
                ArgoSources.Helm(ArgoCdInstall.ChartRepository, "argo-cd", argo.ChartVersion)
                    .WithHelmReleaseName("argocd")
                    .WithHelmValuesObject(Values(plan)),
                ArgoDestinations.InCluster(argo.Namespace), "default", argo.Namespace)
            .WithAutomatedSync(prune: false, selfHeal: true)
            .WithSyncOptions(SyncOption.ServerSideApply);
    }
}
