#:project ../../src/OkeGitOps.Manifests/OkeGitOps.Manifests.csproj
#:property Configuration=Release
#:property TieredPGO=false

// The fleet at scale, as one process: N clusters, 25 add-ons each (6 catalogue charts and 19 generic ones), rendered,
// validated and written like the example. Usage: scale.cs N [appsets|apps] [OUT]
//   appsets  one ApplicationSet per add-on (default)
//   apps     explicit Applications: an app-of-apps per cluster over one Application per add-on (~30 documents per cluster)
using OkeGitOps.Manifests.Fleet;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Repo;

var n = int.Parse(args[0]);
var mode = args.Length > 1 && args[1] == "apps" ? FleetApplications.PerClusterApplications : FleetApplications.ApplicationSets;
var output = args.Length > 2 ? args[2] : "out-scale";
const string Compartment = "ocid1.compartment.oc1..aaaaaaaaexamplecompartment";

var fleet = OkeFleet.Create("scale", "https://git.example.com/platform/gitops.git",
        ControlPlane.In("eu-frankfurt-1", "ocid1.cluster.oc1.fra.aaaaaaaacontrolplane", "ocid1.vault.oc1.fra.aaaaaaaacontrolplanevault", Compartment))
    .WithApplications(mode)
    .AddAddOns(AddOns.ExternalSecrets(), AddOns.KubePrometheusStack(), AddOns.Fluentd(), AddOns.FluentBit(), AddOns.CertManager(),
        AddOns.OciNativeIngressController())
    .AddAddOns([.. Enumerable.Range(0, 19).Select(i => AddOns.Helm($"service-{i:D2}", $"service-{i:D2}", "https://charts.example.com", $"service-{i:D2}", "1.0.0"))]);
var clusters = new FleetCluster[n];
for (var i = 0; i < n; i++)
{
    var region = OciRegions.All[i % OciRegions.All.Count];
    clusters[i] = FleetCluster.Create($"c{i:D5}", region.Id, $"ocid1.cluster.oc1.{region.Key}.aaaaaaaacluster{i}",
        $"ocid1.vault.oc1.{region.Key}.aaaaaaaavault{i}", Compartment)
        .WithLoadBalancerSubnet($"ocid1.subnet.oc1.{region.Key}.aaaaaaaasubnet{i}");
}
fleet = fleet.AddClusters(clusters);
return RepoCommand.Run(["--out", output], () => FleetRenderer.Render(fleet, previousOutput: output).Files);
