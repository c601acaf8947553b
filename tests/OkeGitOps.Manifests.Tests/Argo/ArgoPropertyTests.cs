using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OkeGitOps.Manifests.Intent.Argo;
using OkeGitOps.Manifests.Intent.Eso;
using static OkeGitOps.Manifests.Tests.Eso.IntentGen;

namespace OkeGitOps.Manifests.Tests.Argo;

public class ArgoPropertyTests
{
    private const int Runs = 100;

    private static readonly Gen<string> Repo = Label.Select(l => $"https://git.example.com/{l}.git");

    private static readonly Gen<Models.Argo.ApplicationSpecSource> Sources =
        from repo in Repo
        from path in Label
        from region in Region
        from ns in Label
        from chart in Label
        from kind in Gen.Choose(0, 5)
        select kind switch
        {
            0 => ArgoSources.Git(repo, path, "main"),
            1 => ArgoSources.Helm("https://charts.example.com", chart, "1.2.3").AddHelmParameters(("a", "b")),
            2 => ArgoSources.OcirHelm(region.Id, ns, "charts", chart, "1.0.0").WithHelmValues("x: 1\n"),
            3 => ArgoSources.OciArtifact(region.Key, ns, "charts/" + chart, "1.0.0"),
            4 => ArgoSources.Kustomize(repo, path, "HEAD", "p-"),
            _ => ArgoSources.Directory(repo, path, recurse: true, include: "*.yaml"),
        };

    [Property(MaxTest = Runs)]
    public Property Applications_round_trip_and_validate()
    {
        var gen =
            from name in Label
            from source in Sources
            from ns in Label
            from byName in Gen.Elements(true, false)
            from options in Gen.SubListOf(Enum.GetValues<SyncOption>())
            select (name, source, ns, byName, options);
        return Prop.ForAll(gen.ToArbitrary(), x => RoundTrips(
            ArgoApps.Application(x.name, x.source, x.byName ? ArgoDestinations.Cluster("in-cluster", x.ns) : ArgoDestinations.InCluster(x.ns))
                .WithAutomatedSync().WithSyncOptions([.. x.options]).WithRetry().WithResourcesFinalizer()
                .IgnoreDifferences("apps", "Deployment", jsonPointers: ["/spec/replicas"])));
    }

    [Property(MaxTest = Runs)]
    public Property Projects_round_trip_and_validate()
    {
        var gen = from name in Label from repo in Repo from ns in Label select (name, repo, ns);
        return Prop.ForAll(gen.ToArbitrary(), x => RoundTrips(ArgoProjects.LeastPrivilege(x.name)
            .AllowSourceRepos(x.repo).AllowDestinations(ArgoDestinations.InCluster(x.ns))
            .AllowClusterResources(("", "Namespace")).DenyNamespaceResources(("", "ResourceQuota"))));
    }

    [Property(MaxTest = Runs)]
    public Property Application_sets_and_roots_round_trip_and_validate()
    {
        var gen = from name in Label from repo in Repo from path in Label from source in Sources select (name, repo, path, source);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var template = ArgoAppSets.Template("{{.name}}", x.source, ArgoDestinations.Cluster("{{.name}}", x.path));
            return RoundTrips(ArgoAppSets.Create(x.name, template,
                        [AppSetGenerators.Matrix(AppSetGenerators.GitDirectories(x.repo, "main", x.path + "/*"), AppSetGenerators.Clusters(new Dictionary<string, string> { ["env"] = x.name }))])
                    .PreserveResourcesOnDeletion())
                && RoundTrips(AppOfApps.Root(x.name, x.repo, x.path));
        });
    }

    [Property(MaxTest = Runs)]
    public Property Ocir_repository_secrets_round_trip_and_validate()
    {
        var gen =
            from name in Label
            from region in Region
            from vault in Ocid("vault", region)
            from ns in Label
            from type in Gen.Elements(OcirRepositoryType.Helm, OcirRepositoryType.Oci)
            select (name, region, vault, ns, type);
        return Prop.ForAll(gen.ToArbitrary(), x => RoundTrips(OcirRepositorySecret.ExternalSecret(x.name,
            OciVault.ClusterStore("oci-vault", x.vault, x.region.Id).WithInstancePrincipal(), x.region.Id, x.ns, "charts", "u", "p", x.type)));
    }
}
