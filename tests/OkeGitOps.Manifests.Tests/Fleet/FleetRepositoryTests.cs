using OkeGitOps.Manifests.Fleet;
using OkeGitOps.Manifests.Repo;

namespace OkeGitOps.Manifests.Tests.Fleet;

/// <summary>The rendered repository: a second render changes nothing, onboarding adds exactly one cluster's files, removal restores.</summary>
public sealed class FleetRepositoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("okegitops-fleet-repo-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static FleetRender RenderTo(string dir, OkeFleet fleet)
    {
        var render = FleetRenderer.Render(fleet, previousOutput: dir);
        var (files, _) = new RepoRenderer().Render(render.Files);
        RepoWriter.Write(dir, files);
        return render;
    }

    private static Dictionary<string, string> Read(string dir)
        => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    [Fact]
    public void A_second_render_of_the_same_fleet_changes_no_byte()
    {
        var dir = Path.Combine(_root, "out");
        var fleet = TestFleets.Sized(40, 3);
        RenderTo(dir, fleet);
        var first = Read(dir);
        var second = RenderTo(dir, fleet);
        Assert.Equal(first, Read(dir));
        Assert.False(second.Changes.Any);
        Assert.Contains("First render: 40 clusters added.", first[FleetLayout.Report]);
    }

    [Fact]
    public void Onboarding_one_cluster_adds_exactly_its_files_and_secret_and_moves_few_clusters_and_removing_it_restores()
    {
        var dir = Path.Combine(_root, "out");
        var fleet = TestFleets.Sized(60, 4);
        RenderTo(dir, fleet);
        var before = Read(dir);

        var added = TestFleets.Cluster("newcomer", "eu-madrid-1").WithLabel("tier", "gold");
        var render = RenderTo(dir, fleet.AddClusters(added));
        var after = Read(dir);

        var newFiles = after.Keys.Except(before.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["clusters/newcomer/config/external-secrets.yaml", "control-plane/clusters/newcomer.yaml", "oci-iam/newcomer.policy.txt"], newFiles);
        Assert.Empty(before.Keys.Except(after.Keys));
        Assert.Contains("shard: ", after["control-plane/clusters/newcomer.yaml"]);
        Assert.Contains("  newcomer:\n  - clusters/newcomer/config/\n", after[RepoConfigFile.FileName]);

        var changed = before.Keys.Where(k => after[k] != before[k]).Order(StringComparer.Ordinal).ToList();
        var movedSecrets = changed.Where(k => k.StartsWith("control-plane/clusters/", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { RepoWriter.IndexFileName, RepoConfigFile.FileName, FleetLayout.Report, "oci-iam/fleet.policy.txt" }.Concat(movedSecrets).Order(StringComparer.Ordinal), changed);
        Assert.Equal(render.Changes.Moved.Count, movedSecrets.Count);
        Assert.True(render.Changes.Moved.Count <= 2, $"{render.Changes.Moved.Count} clusters moved: {string.Join(", ", render.Changes.Moved)}");
        Assert.Equal(["newcomer"], render.Changes.Added);
        Assert.Contains("- added: 1 (newcomer)", after[FleetLayout.Report]);

        var removal = RenderTo(dir, fleet);
        var restored = Read(dir);
        Assert.Equal(["newcomer"], removal.Changes.Removed);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), restored.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, text) in before.Where(f => f.Key != FleetLayout.Report))
            Assert.True(text == restored[path], $"{path} differs after removing the cluster again");
        Assert.Equal(Section(before[FleetLayout.Report], "## Clusters"), Section(restored[FleetLayout.Report], "## Clusters"));
    }

    private static string Section(string report, string heading)
    {
        var start = report.IndexOf(heading, StringComparison.Ordinal);
        var end = report.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return report[start..end];
    }

    [Fact]
    public void The_explicit_variant_writes_an_app_of_apps_and_one_Application_per_add_on_per_cluster_and_validates()
    {
        var fleet = TestFleets.Sized(5, 2, FleetApplications.PerClusterApplications);
        var render = FleetRenderer.Render(fleet);
        var (files, _) = new RepoRenderer().Render(render.Files);
        var paths = files.Select(f => f.RelativePath).ToList();
        Assert.Contains("control-plane/cluster-apps/c0000.yaml", paths);
        Assert.Contains("apps/c0000/prometheus.yaml", paths);
        Assert.DoesNotContain("apps/c0001/prometheus.yaml", paths);
        Assert.Contains("apps/c0001/cluster-config.yaml", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("control-plane/applicationsets/", StringComparison.Ordinal));
        var app = files.Single(f => f.RelativePath == "apps/c0000/prometheus.yaml").Content;
        Assert.Contains("name: c0000-prometheus", app);
        Assert.Contains("targetRevision: \"77.0.0\"", app);
    }

    [Fact]
    public void A_per_cluster_override_reaches_Argo_CD_through_labels_annotations_and_a_values_file()
    {
        var fleet = TestFleets.Article()
            .Override("tokyo", "prometheus", enabled: false)
            .Override("ashburn", "cert-manager", enabled: true, version: "v1.18.0", values: HelmValues.At("replicaCount", "2"));
        var render = FleetRenderer.Render(fleet);
        var (files, _) = new RepoRenderer().Render(render.Files);
        string Text(string path) => files.Single(f => f.RelativePath == path).Content;
        Assert.Contains("addon.okegitops.io/prometheus: disabled", Text("control-plane/clusters/tokyo.yaml"));
        Assert.Contains("addon.okegitops.io/cert-manager: enabled", Text("control-plane/clusters/ashburn.yaml"));
        Assert.Contains("addon.okegitops.io/cert-manager-version: v1.18.0", Text("control-plane/clusters/ashburn.yaml"));
        Assert.Equal("replicaCount: \"2\"\n", Text("clusters/ashburn/values/cert-manager.values.yaml"));
        var certManager = Text("control-plane/applicationsets/cert-manager.yaml");
        Assert.Contains("addon.okegitops.io/cert-manager: enabled", certManager);
        Assert.Contains("| default \"v1.19.1\"", certManager);
        Assert.DoesNotContain(render.Plan.Clusters.Single(c => c.Cluster.Name == "tokyo").AddOns, a => a.AddOn.Name == "prometheus");
        Assert.Contains(render.Plan.Clusters.Single(c => c.Cluster.Name == "ashburn").AddOns, a => a.AddOn.Name == "cert-manager" && a.Version == "v1.18.0");
    }

    [Fact]
    public void Argo_CD_is_sized_for_the_fleet_and_its_params_reach_the_chart_values()
    {
        var fleet = TestFleets.Sized(250, 1) with { ControlPlane = TestFleets.ControlPlane() };
        var render = FleetRenderer.Render(fleet);
        Assert.Equal(3, render.Plan.Scale.ControllerReplicas);
        Assert.Equal(Enumerable.Range(0, 3), render.Plan.Clusters.Select(c => c.Shard).Distinct().Order());
        var (files, _) = new RepoRenderer().Render(render.Files);
        var argo = files.Single(f => f.RelativePath == "control-plane/argocd/argocd.yaml").Content;
        Assert.Contains("controller.sharding.algorithm: consistent-hashing", argo);
        Assert.Contains("replicas: 3", argo);
        Assert.Contains("| application controller replicas (shards) | 3 |", files.Single(f => f.RelativePath == FleetLayout.Report).Content);
    }

    [Fact]
    public void Exposing_Argo_CD_through_the_native_ingress_with_WAF_writes_the_ingress_and_sets_server_insecure()
    {
        var fleet = TestFleets.Article().WithControlPlane(c => c.WithArgoCd(a => a.WithExposure(ArgoCdExposure.InternalIngress("argocd.internal.example.com",
            "ocid1.certificate.oc1.eu-frankfurt-1.aaaaaaaaexamplecertificate", "ocid1.webappfirewallpolicy.oc1.eu-frankfurt-1.aaaaaaaaexamplewafpolicy"))));
        var (files, _) = new RepoRenderer().Render(FleetRenderer.Render(fleet).Files);
        var exposure = files.Single(f => f.RelativePath == "control-plane/argocd/exposure.yaml").Content;
        Assert.Contains("kind: Ingress", exposure);
        Assert.Contains("kind: IngressClass", exposure);
        Assert.Contains("server.insecure: \"true\"", files.Single(f => f.RelativePath == "control-plane/argocd/argocd.yaml").Content);
        var controlPlane = files.Single(f => f.RelativePath == "oci-iam/control-plane.policy.txt").Content;
        const string Controller = "request.principal.namespace = 'native-ingress-controller-system', request.principal.service_account = 'oci-native-ingress-controller', request.principal.cluster_id = 'ocid1.cluster.oc1.fra.aaaaaaaacontrolplane'";
        Assert.Contains($"Allow any-user to manage waf-family in compartment id {TestFleets.Compartment} where all {{request.principal.type = 'workload', {Controller}}}", controlPlane);
        Assert.Contains($"Allow any-user to manage load-balancers in compartment id {TestFleets.Compartment} where all {{request.principal.type = 'workload', {Controller}}}", controlPlane);
        Assert.Contains($"Allow any-user to read public-ips in tenancy where all {{request.principal.type = 'workload', {Controller}}}", controlPlane);
    }

    [Fact]
    public void The_internal_load_balancer_exposure_grants_the_control_plane_no_ingress_controller_permissions()
    {
        var files = FleetRenderer.Render(TestFleets.Article()).Files;
        var controlPlane = files.OfType<TextRepoFile>().Single(f => f.RelativePath == "oci-iam/control-plane.policy.txt").Content;
        Assert.DoesNotContain("oci-native-ingress-controller", controlPlane);
        Assert.DoesNotContain("load-balancers", controlPlane);
    }

    [Fact]
    public void Clusters_running_the_native_ingress_controller_get_its_IAM_statements_bound_to_their_own_cluster_and_others_do_not()
    {
        var files = FleetRenderer.Render(TestFleets.Article()).Files.OfType<TextRepoFile>().ToDictionary(f => f.RelativePath, f => f.Content);
        var frankfurt = files["oci-iam/frankfurt.policy.txt"];
        foreach (var permission in OkeGitOps.Manifests.Oci.OciNativeIngressIam.CompartmentPermissions)
        {
            Assert.Contains($"Allow any-user to {permission} in compartment id {TestFleets.Compartment} where all {{request.principal.type = 'workload', "
                + "request.principal.namespace = 'native-ingress-controller-system', request.principal.service_account = 'oci-native-ingress-controller', "
                + "request.principal.cluster_id = 'ocid1.cluster.oc1.fra.aaaaaaaafrankfurtcluster'}", frankfurt);
        }
        Assert.Contains("Allow any-user to manage floating-ips in tenancy", frankfurt);
        Assert.DoesNotContain("waf-family", frankfurt); // no WAF policy on the clusters' own classes
        Assert.Contains("read secret-family", frankfurt); // ESO's statement stays first
        Assert.DoesNotContain("oci-native-ingress-controller", files["oci-iam/tokyo.policy.txt"]);
        Assert.Contains(frankfurt, files["oci-iam/fleet.policy.txt"]);
    }

    [Fact]
    public void An_add_on_with_a_workload_identity_gets_its_statements_on_exactly_the_clusters_it_lands_on()
    {
        var fleet = TestFleets.Article().AddAddOns(AddOns.Helm("dns", "external-dns", "https://kubernetes-sigs.github.io/external-dns", "external-dns", "1.15.0")
            .OnClustersLabelled(FleetRenderer.RegionLabel, "ap-tokyo-1")
            .WithWorkloadIdentity("external-dns", ["manage dns"]));
        var files = FleetRenderer.Render(fleet).Files.OfType<TextRepoFile>().ToDictionary(f => f.RelativePath, f => f.Content);
        Assert.Contains($"Allow any-user to manage dns in compartment id {TestFleets.Compartment} where all {{request.principal.type = 'workload', "
            + "request.principal.namespace = 'external-dns', request.principal.service_account = 'external-dns', "
            + "request.principal.cluster_id = 'ocid1.cluster.oc1.nrt.aaaaaaaatokyocluster'}", files["oci-iam/tokyo.policy.txt"]);
        Assert.DoesNotContain("manage dns", files["oci-iam/ashburn.policy.txt"]);
    }

    [Fact]
    public void An_add_on_identity_with_an_invalid_permission_fails_the_render_with_a_diagnostic()
    {
        var fleet = TestFleets.Article().AddAddOns(AddOns.Helm("dns", "external-dns", "https://kubernetes-sigs.github.io/external-dns", "external-dns", "1.15.0")
            .WithWorkloadIdentity("external-dns", ["manage dns in tenancy"]));
        var e = Assert.Throws<OkeGitOps.Manifests.Diagnostics.ManifestValidationException>(() => FleetRenderer.Render(fleet));
        Assert.Contains("manage dns in tenancy", e.Diagnostics[0].Message);
    }
}
