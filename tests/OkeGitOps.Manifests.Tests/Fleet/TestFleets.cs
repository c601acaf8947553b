using OkeGitOps.Manifests.Fleet;
using OkeGitOps.Manifests.Intent.Eso;

namespace OkeGitOps.Manifests.Tests.Fleet;

/// <summary>Fleets for the fleet tests: the article's three clusters, and random fleets from a seed.</summary>
internal static class TestFleets
{
    public const string Compartment = "ocid1.compartment.oc1..aaaaaaaaexamplecompartment";

    public static FleetCluster Cluster(string name, string region, string? vaultRegion = null, string? ocid = null)
    {
        var key = OciRegions.Get(region).Key;
        var unique = name.Replace("-", "");
        return FleetCluster.Create(name, region, ocid ?? $"ocid1.cluster.oc1.{key}.aaaaaaaa{unique}cluster",
            $"ocid1.vault.oc1.{(vaultRegion is null ? key : OciRegions.Get(vaultRegion).Key)}.aaaaaaaa{unique}vault", Compartment);
    }

    public static ControlPlane ControlPlane()
        => OkeGitOps.Manifests.Fleet.ControlPlane.In("eu-frankfurt-1", "ocid1.cluster.oc1.fra.aaaaaaaacontrolplane",
            "ocid1.vault.oc1.fra.aaaaaaaacontrolplanevault", Compartment);

    public static OkeFleet Article()
        => OkeFleet.Create("production", "https://git.example.com/platform/gitops.git", ControlPlane())
            .AddAddOns(AddOns.ExternalSecrets(), AddOns.KubePrometheusStack(), AddOns.Fluentd(),
                AddOns.CertManager().OnClustersLabelled("ingress", "oci-native"),
                AddOns.OciNativeIngressController().OnClustersLabelled("ingress", "oci-native"))
            .AddClusters(
                Cluster("frankfurt", "eu-frankfurt-1").WithLabel("ingress", "oci-native")
                    .WithLoadBalancerSubnet("ocid1.subnet.oc1.fra.aaaaaaaafrankfurtsubnet"),
                Cluster("ashburn", "us-ashburn-1"),
                Cluster("tokyo", "ap-tokyo-1"));

    /// <summary>A fleet with <paramref name="clusters"/> clusters over real regions and a fixed controller replica count.</summary>
    public static OkeFleet Sized(int clusters, int shards, FleetApplications applications = FleetApplications.ApplicationSets)
    {
        var fleet = OkeFleet.Create("scale", "https://git.example.com/platform/gitops.git",
                ControlPlane().WithArgoCd(a => a.WithScale(new ArgoCdScale { ControllerReplicas = shards })))
            .AddAddOns(AddOns.ExternalSecrets(), AddOns.KubePrometheusStack().OnClustersLabelled("tier", "gold"), AddOns.Fluentd())
            .WithApplications(applications);
        for (var i = 0; i < clusters; i++)
        {
            var c = Cluster($"c{i:D4}", OciRegions.All[i % OciRegions.All.Count].Id);
            fleet = fleet.AddClusters(i % 3 == 0 ? c.WithLabel("tier", "gold") : c);
        }
        return fleet;
    }

    /// <summary>A random fleet: clusters with random labels, add-ons with random selectors and dependencies (acyclic), overrides.</summary>
    public static OkeFleet Random(int seed)
    {
        var random = new Random(seed);
        var shards = random.Next(1, 7);
        var fleet = OkeFleet.Create("random", "https://git.example.com/platform/gitops.git",
            ControlPlane().WithArgoCd(a => a.WithScale(new ArgoCdScale { ControllerReplicas = shards })));
        var catalogue = new[] { AddOns.ExternalSecrets(), AddOns.KubePrometheusStack(), AddOns.Fluentd(), AddOns.FluentBit(), AddOns.CertManager() };
        var addOns = catalogue.Where(_ => random.Next(3) > 0).ToList();
        for (var i = 0; i < addOns.Count; i++)
        {
            var a = addOns[i];
            if (random.Next(3) == 0) a = a.OnClustersLabelled("tier", random.Next(2) == 0 ? "gold" : "silver");
            if (random.Next(4) == 0) a = a.OnClustersLabelled(FleetRenderer.RegionLabel, "eu-frankfurt-1");
            if (i > 0 && random.Next(3) == 0) a = a.After(addOns[random.Next(i)].Name);
            addOns[i] = a;
        }
        fleet = fleet.AddAddOns([.. addOns]);
        var regions = new[] { "eu-frankfurt-1", "us-ashburn-1", "ap-tokyo-1", "uk-london-1" };
        var count = random.Next(0, 30);
        for (var i = 0; i < count; i++)
        {
            var c = Cluster($"r{i:D3}", regions[random.Next(regions.Length)]);
            if (random.Next(2) == 0) c = c.WithLabel("tier", random.Next(2) == 0 ? "gold" : "silver");
            fleet = fleet.AddClusters(c);
            if (addOns.Count > 0 && random.Next(5) == 0)
                fleet = fleet.Override(c.Name, addOns[random.Next(addOns.Count)].Name, enabled: random.Next(2) == 0);
        }
        return fleet;
    }
}
