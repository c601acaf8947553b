#:project ../../src/OkeGitOps.Manifests/OkeGitOps.Manifests.csproj
#:property TieredPGO=false

// The article's estate: one Argo CD control plane in Frankfurt managing OKE clusters in Frankfurt, Ashburn and Tokyo,
// with ESO, Prometheus and Fluentd everywhere and the OCI native ingress controller where wanted.
// `dotnet run examples/fleet/render.cs [-- --out DIR] [--check] [--clusters N]` writes the whole GitOps repository
// (default ./out); --check only lists what would change; --clusters N adds N synthetic clusters (placeholder OCIDs
// in the real format, spread over real regions) for scale tests.
using OkeGitOps.Manifests.Fleet;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Repo;

var rest = args.Where((a, i) => a != "--clusters" && (i == 0 || args[i - 1] != "--clusters")).ToArray();
var outDir = Arg("--out") ?? rest.FirstOrDefault(a => !a.StartsWith('-')) ?? "out";
var synthetic = 0;
if (args.Contains("--clusters") && !(int.TryParse(Arg("--clusters"), out synthetic) && synthetic >= 0))
{
    Console.Error.WriteLine($"error: --clusters needs a number of clusters (0 or more), not '{Arg("--clusters")}'");
    return 2;
}
const string Compartment = "ocid1.compartment.oc1..aaaaaaaaexamplecompartmentuniqueid000000000000000000000";
FleetCluster Cluster(string name, string region) => FleetCluster.Create(name, region,
    $"ocid1.cluster.oc1.{OciRegions.Get(region).Key}.aaaaaaaaexample{name.Replace("-", "")}cluster",
    $"ocid1.vault.oc1.{OciRegions.Get(region).Key}.aaaaaaaaexample{name.Replace("-", "")}vault", Compartment);

OkeFleet Fleet()
{
    var fleet = OkeFleet.Create("production", "https://git.example.com/platform/gitops.git",
            ControlPlane.In("eu-frankfurt-1", "ocid1.cluster.oc1.fra.aaaaaaaaexamplecontrolplanecluster",
                "ocid1.vault.oc1.fra.aaaaaaaaexamplecontrolplanevault", Compartment))
        .AddAddOns(AddOns.ExternalSecrets(), AddOns.KubePrometheusStack(), AddOns.Fluentd(),
            AddOns.CertManager().OnClustersLabelled("ingress", "oci-native"),
            AddOns.OciNativeIngressController().OnClustersLabelled("ingress", "oci-native"))   // waits for cert-manager
        .AddClusters(
            Cluster("frankfurt", "eu-frankfurt-1").WithLabel("ingress", "oci-native")
                .WithLoadBalancerSubnet("ocid1.subnet.oc1.fra.aaaaaaaaexamplefrankfurtlbsubnet"),
            Cluster("ashburn", "us-ashburn-1"),
            Cluster("tokyo", "ap-tokyo-1"))
        .Override("tokyo", "prometheus", values: HelmValues.At("prometheus.prometheusSpec.retention", "30d"));
    for (var i = 0; i < synthetic; i++)
        fleet = fleet.AddClusters(Cluster($"synthetic-{i:D5}", OciRegions.All[i % OciRegions.All.Count].Id));
    return fleet;
}

// Builds the fleet, validates every manifest, then writes the repository (or with --check only lists what would
// change); a mistake anywhere is reported as `file: path: message (suggestion)` with exit 1, never a stack trace.
// Shards stay where the previous render in the output folder put them.
return RepoCommand.Run(rest, () => FleetRenderer.Render(Fleet(), previousOutput: outDir).Files);

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
