using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Fleet;

namespace OkeGitOps.Manifests.Tests.Fleet;

/// <summary>Every bad fleet of the issue fails at build time with its own rule, path, message and suggestion.</summary>
public sealed class FleetCheckTests
{
    private static Diagnostic Single(OkeFleet fleet, string rule)
    {
        var e = Assert.Throws<ManifestValidationException>(() => FleetRenderer.Render(fleet));
        return Assert.Single(e.Diagnostics, d => d.Rule == rule);
    }

    [Fact]
    public void Duplicate_cluster_names_are_an_error_naming_both_entries()
    {
        var fleet = TestFleets.Article().AddClusters(TestFleets.Cluster("tokyo", "ap-osaka-1"));
        var d = Single(fleet, FleetRules.DuplicateCluster);
        Assert.Equal("clusters[3].name", d.Path!.ToString());
        Assert.Equal("cluster name 'tokyo' is used by clusters[2] and clusters[3]; their cluster secrets and folders would collide", d.Message);
        Assert.Contains("its own name", d.Suggestion);
    }

    [Fact]
    public void Two_clusters_with_the_same_cluster_ocid_are_an_error()
    {
        var twin = TestFleets.Cluster("tokyo-2", "ap-tokyo-1", ocid: "ocid1.cluster.oc1.nrt.aaaaaaaatokyocluster");
        var d = Single(TestFleets.Article().AddClusters(twin), FleetRules.DuplicateClusterOcid);
        Assert.Equal("clusters[3].clusterOcid", d.Path!.ToString());
        Assert.Equal("clusters 'tokyo' and 'tokyo-2' name the same OKE cluster ocid1.cluster.oc1.nrt.aaaaaaaatokyocluster; Argo CD would manage it twice", d.Message);
    }

    [Fact]
    public void A_vault_in_another_region_than_its_cluster_is_an_error()
    {
        var d = Single(TestFleets.Article().AddClusters(TestFleets.Cluster("osaka", "ap-osaka-1", vaultRegion: "ap-tokyo-1")), FleetRules.VaultRegion);
        Assert.Equal("clusters[3].vaultOcid", d.Path!.ToString());
        Assert.Equal("cluster 'osaka' is in ap-osaka-1 but its vault is in ap-tokyo-1; the cluster's workload identity reads secrets from its own region", d.Message);
        Assert.Equal("use a vault in ap-osaka-1, or move the cluster to ap-tokyo-1", d.Suggestion);
    }

    [Fact]
    public void A_cluster_ocid_of_another_region_than_the_cluster_is_an_error()
    {
        var osaka = TestFleets.Cluster("osaka", "ap-osaka-1", ocid: "ocid1.cluster.oc1.nrt.aaaaaaaaosakacluster");
        var d = Single(TestFleets.Article().AddClusters(osaka), FleetRules.ClusterRegion);
        Assert.Equal("clusters[3].clusterOcid", d.Path!.ToString());
        Assert.Equal("cluster 'osaka' is described as in ap-osaka-1, but its cluster OCID is of an OKE cluster in ap-tokyo-1; its vault, IAM policy and report would name the wrong region", d.Message);
        Assert.Equal("set the region to ap-tokyo-1, or copy the OCID of the cluster in ap-osaka-1", d.Suggestion);
    }

    [Fact]
    public void An_override_for_a_cluster_that_does_not_exist_is_an_error_with_the_nearest_name()
    {
        var d = Single(TestFleets.Article().Override("tokio", "prometheus", enabled: false), FleetRules.UnknownCluster);
        Assert.Equal("overrides[0].cluster", d.Path!.ToString());
        Assert.Equal("an override of add-on 'prometheus' names cluster 'tokio', which the fleet does not have", d.Message);
        Assert.Equal("did you mean 'tokyo'?", d.Suggestion);
    }

    [Fact]
    public void An_override_or_dependency_naming_a_missing_add_on_is_an_error()
    {
        var fleet = TestFleets.Article().Override("tokyo", "prometeus", enabled: false)
            .AddAddOns(AddOns.Helm("app", "app", "https://charts.example.com", "app", "1.0.0").After("vault"));
        var e = Assert.Throws<ManifestValidationException>(() => FleetRenderer.Render(fleet));
        var unknown = e.Diagnostics.Where(d => d.Rule == FleetRules.UnknownAddOn).ToList();
        Assert.Equal(2, unknown.Count);
        Assert.Contains(unknown, d => d.Message == "add-on 'app' depends on 'vault', which the fleet does not have" && d.Path!.ToString() == "addOns[5].dependsOn[0]");
        Assert.Contains(unknown, d => d.Message == "an override for cluster 'tokyo' names add-on 'prometeus', which the fleet does not have" && d.Suggestion == "did you mean 'prometheus'?");
    }

    [Fact]
    public void The_native_ingress_controller_without_cert_manager_names_the_missing_dependency()
    {
        var fleet = OkeFleet.Create("f", "https://git.example.com/g.git", TestFleets.ControlPlane()).AddAddOns(AddOns.OciNativeIngressController());
        var d = Single(fleet, FleetRules.UnknownAddOn);
        Assert.Equal("add-on 'oci-native-ingress' depends on 'cert-manager', which the fleet does not have", d.Message);
    }

    [Fact]
    public void A_dependency_cycle_is_an_error_showing_the_circle()
    {
        var fleet = OkeFleet.Create("f", "https://git.example.com/g.git", TestFleets.ControlPlane())
            .AddAddOns(AddOns.Helm("a", "a", "https://charts.example.com", "a", "1.0.0").After("c"),
                AddOns.Helm("b", "b", "https://charts.example.com", "b", "1.0.0").After("a"),
                AddOns.Helm("c", "c", "https://charts.example.com", "c", "1.0.0").After("b"));
        var d = Single(fleet, FleetRules.DependencyCycle);
        Assert.Equal("add-ons depend on each other in a circle: a -> c -> b -> a; no sync order exists", d.Message);
        Assert.Equal("addOns[0].dependsOn", d.Path!.ToString());
    }

    [Fact]
    public void A_shard_at_or_above_the_replica_count_is_an_error_because_Argo_CD_would_use_shard_0()
    {
        var fleet = TestFleets.Article().WithControlPlane(c => c.WithArgoCd(a => a.WithScale(new ArgoCdScale { ControllerReplicas = 2 })))
            .AddClusters(TestFleets.Cluster("osaka", "ap-osaka-1").PinShard(2));
        var d = Single(fleet, FleetRules.ShardRange);
        Assert.Equal("clusters[3].shard", d.Path!.ToString());
        Assert.Equal("cluster 'osaka' is pinned to shard 2, but there are 2 controller replicas (shards 0 to 1); Argo CD would quietly put it on shard 0", d.Message);
    }

    [Fact]
    public void A_negative_shard_is_an_error_because_no_controller_would_own_the_cluster()
    {
        var d = Single(TestFleets.Article().AddClusters(TestFleets.Cluster("osaka", "ap-osaka-1").PinShard(-1)), FleetRules.ShardRange);
        Assert.Equal("cluster 'osaka' is pinned to shard -1; Argo CD would let no controller own it, so it would never be reconciled", d.Message);
    }

    [Fact]
    public void A_duplicate_or_reserved_add_on_name_is_an_error()
    {
        var fleet = TestFleets.Article().AddAddOns(AddOns.Fluentd(), AddOns.Helm("cluster-config", "x", "https://charts.example.com", "x", "1.0.0"));
        var e = Assert.Throws<ManifestValidationException>(() => FleetRenderer.Render(fleet));
        Assert.Contains(e.Diagnostics, d => d.Message == "add-on name 'fluentd' is used by addOns[2] and addOns[5]");
        Assert.Contains(e.Diagnostics, d => d.Message == "add-on name 'cluster-config' is reserved for the fleet's own Applications");
    }

    [Fact]
    public void All_problems_of_a_fleet_are_reported_together()
    {
        var fleet = TestFleets.Article().AddClusters(TestFleets.Cluster("tokyo", "ap-osaka-1", vaultRegion: "ap-tokyo-1")).Override("nowhere", "fluentd", enabled: true);
        var e = Assert.Throws<ManifestValidationException>(() => FleetRenderer.Render(fleet));
        Assert.Equal([FleetRules.DuplicateCluster, FleetRules.VaultRegion, FleetRules.UnknownCluster], e.Diagnostics.Select(d => d.Rule));
    }

    [Fact]
    public void An_add_on_whose_ApplicationSet_selects_no_cluster_fails_the_render()
    {
        var fleet = TestFleets.Article().AddAddOns(AddOns.FluentBit().OnClustersLabelled("tier", "gold"));
        var d = Single(fleet, FleetRules.AppSetSelectsNothing);
        Assert.Equal("ApplicationSet 'fluent-bit' selects no cluster, so it generates no Application", d.Message);
        Assert.Equal("control-plane/applicationsets/fluent-bit.yaml", d.Location!.File);
        Assert.Equal("label a cluster so the add-on's selector matches it, or remove the add-on from the fleet", d.Suggestion);
    }

    [Fact]
    public void A_fleet_without_clusters_renders_its_control_plane_so_clusters_can_join_later()
    {
        var fleet = OkeFleet.Create("empty", "https://git.example.com/platform/gitops.git", TestFleets.ControlPlane())
            .AddAddOns(AddOns.ExternalSecrets(), AddOns.FluentBit().OnClustersLabelled("tier", "gold"));
        var render = FleetRenderer.Render(fleet);
        Assert.Contains(render.Files, f => f.RelativePath == "control-plane/applicationsets/fluent-bit.yaml");
        Assert.DoesNotContain(render.Files, f => f.RelativePath.StartsWith("clusters/", StringComparison.Ordinal));
        Assert.DoesNotContain(new OkeGitOps.Manifests.Repo.RepoRenderer().Render(render.Files).Warnings, w => w.IsError); // the render throws on errors
    }

    [Fact]
    public void An_add_on_that_overrides_turn_off_on_every_cluster_it_selects_renders()
    {
        var fleet = TestFleets.Article().AddAddOns(AddOns.FluentBit().OnClustersLabelled("region-group", "apac"))
            .AddClusters(TestFleets.Cluster("osaka", "ap-osaka-1").WithLabel("region-group", "apac"))
            .Override("osaka", "fluent-bit", enabled: false);
        var render = FleetRenderer.Render(fleet);
        var report = ((OkeGitOps.Manifests.Repo.TextRepoFile)render.Files.Single(f => f.RelativePath == FleetLayout.Report)).Content;
        Assert.DoesNotContain("fluent-bit", report.Split("## Clusters")[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 10, 10, 50, "controller.status.processors = -1 is outside the range Argo CD accepts (0 or more); Argo CD would log it and silently use its default 20")]
    [InlineData(20, -5, 10, 50, "controller.operation.processors = -5 is outside the range Argo CD accepts (0 or more); Argo CD would log it and silently use its default 10")]
    [InlineData(20, 10, 0, 50, "applicationsetcontroller.concurrent.reconciliations.max = 0 is outside the range Argo CD accepts (1 or more); Argo CD would log it and silently use its default 10")]
    [InlineData(20, 10, 10, 1001, "server.webhook.parallelism.limit = 1001 is outside the range Argo CD accepts (1 to 1000); Argo CD would log it and silently use its default 50")]
    public void A_cmd_params_value_Argo_CD_would_silently_replace_is_a_build_time_error(int status, int operation, int appSets, int webhook, string message)
    {
        var scale = new ArgoCdScale
        {
            Params = new ArgoCdCmdParams
            {
                ControllerStatusProcessors = status, ControllerOperationProcessors = operation,
                ApplicationSetConcurrentReconciliations = appSets, ServerWebhookParallelismLimit = webhook,
            },
        };
        var d = Single(TestFleets.Article().WithControlPlane(c => c.WithArgoCd(a => a.WithScale(scale))), FleetRules.ArgoCdParamRange);
        Assert.Equal(message, d.Message);
        Assert.StartsWith("controlPlane.argoCd.scale.params.", d.Path!.ToString());
    }

    [Fact]
    public void A_negative_kubectl_parallelism_is_refused_because_Argo_CD_falls_back_to_20_not_unlimited()
    {
        var p = new ArgoCdCmdParams { ControllerKubectlParallelismLimit = -1 };
        var d = Assert.Single(p.Check());
        Assert.Equal("controller.kubectl.parallelism.limit = -1 is outside the range Argo CD accepts (0 or more); Argo CD would log it and silently use its default 20", d.Message);
        Assert.Equal("use a value from 0 or more (0 means no limit)", d.Suggestion);
        Assert.Throws<ManifestValidationException>(() => p.ToConfigMap());
    }

    [Fact]
    public void A_requeue_period_outside_1s_to_8760h_is_refused()
    {
        var d = Assert.Single(new ArgoCdCmdParams { ApplicationSetRequeueAfter = "9000h" }.Check());
        Assert.Equal(FleetRules.ArgoCdParamRange, d.Rule);
        Assert.Contains("(1s to 8760h)", d.Message);
    }

    [Fact]
    public void Zero_controller_replicas_is_an_error()
    {
        var d = Single(TestFleets.Article().WithControlPlane(c => c.WithArgoCd(a => a.WithScale(new ArgoCdScale { ControllerReplicas = 0 }))), FleetRules.ArgoCdScale);
        Assert.Equal("ControllerReplicas is 0; Argo CD needs at least one replica of each component", d.Message);
    }
}
