using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using OkeGitOps.Manifests.Fleet;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Repo;

namespace OkeGitOps.Manifests.Benchmarks;

/// <summary>
/// The fleet's stages at N clusters with 25 add-ons each, in both variants (ApplicationSets, explicit per-cluster
/// Applications): build (check, plan, build every manifest), validate and emit (<see cref="RepoRenderer"/>), and write.
/// Short runs on purpose; <c>benchmarks/fleet/run.sh</c> measures the whole process.
/// Run: <c>dotnet run -c Release --project benchmarks/OkeGitOps.Manifests.Benchmarks -- --filter '*Fleet*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FleetBenchmarks
{
    private OkeFleet _fleet = null!;
    private IReadOnlyList<RepoFile> _files = null!;
    private IReadOnlyList<GeneratedFile> _rendered = null!;
    private string _out = null!;

    /// <summary>Clusters in the fleet.</summary>
    [Params(100, 1000)]
    public int Clusters { get; set; }

    /// <summary>How add-ons become Applications.</summary>
    [Params(FleetApplications.ApplicationSets, FleetApplications.PerClusterApplications)]
    public FleetApplications Variant { get; set; }

    /// <summary>Builds the fleet and the inputs of each stage.</summary>
    [GlobalSetup]
    public void Setup()
    {
        const string Compartment = "ocid1.compartment.oc1..aaaaaaaaexamplecompartment";
        var fleet = OkeFleet.Create("scale", "https://git.example.com/platform/gitops.git",
                ControlPlane.In("eu-frankfurt-1", "ocid1.cluster.oc1.fra.aaaaaaaacontrolplane", "ocid1.vault.oc1.fra.aaaaaaaacontrolplanevault", Compartment))
            .WithApplications(Variant)
            .AddAddOns(AddOns.ExternalSecrets(), AddOns.KubePrometheusStack(), AddOns.Fluentd(), AddOns.FluentBit(), AddOns.CertManager(),
                AddOns.OciNativeIngressController())
            .AddAddOns([.. Enumerable.Range(0, 19).Select(i => AddOns.Helm($"service-{i:D2}", $"service-{i:D2}", "https://charts.example.com", $"service-{i:D2}", "1.0.0"))]);
        _fleet = fleet.AddClusters([.. Enumerable.Range(0, Clusters).Select(i =>
        {
            var region = OciRegions.All[i % OciRegions.All.Count];
            return FleetCluster.Create($"c{i:D5}", region.Id, $"ocid1.cluster.oc1.{region.Key}.aaaaaaaacluster{i}",
                    $"ocid1.vault.oc1.{region.Key}.aaaaaaaavault{i}", Compartment)
                .WithLoadBalancerSubnet($"ocid1.subnet.oc1.{region.Key}.aaaaaaaasubnet{i}");
        })]);
        _files = FleetRenderer.Render(_fleet, PreviousRender.None).Files;
        _rendered = new RepoRenderer().Render(_files).Files;
        _out = Path.Combine(Path.GetTempPath(), $"okegitops-fleet-bench-{Guid.NewGuid():N}");
    }

    /// <summary>Removes the output folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    /// <summary>Check, plan and build every file of the repository.</summary>
    [Benchmark]
    public int Build() => FleetRenderer.Render(_fleet, PreviousRender.None).Files.Count;

    /// <summary>Validate every manifest and emit the YAML.</summary>
    [Benchmark]
    public int ValidateAndEmit() => new RepoRenderer().Render(_files).Files.Count;

    /// <summary>Write the folder (replacing the previous one).</summary>
    [Benchmark]
    public void Write() => RepoWriter.Write(_out, _rendered);
}
