using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OkeGitOps.Manifests.Fleet;
using OkeGitOps.Manifests.Repo;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Fleet;

/// <summary>
/// Over random fleets (clusters, labels, selectors, dependencies, overrides, shard counts): shards in range and
/// balanced, each add-on's ApplicationSet selects exactly the clusters the model places it on, and the repository
/// passes the same per-document and per-cluster checks that <c>okegitops validate</c> runs.
/// </summary>
public sealed class FleetPropertyTests
{
    private static readonly Arbitrary<int> Seeds = Arb.From(Gen.Choose(0, int.MaxValue));

    [Property(MaxTest = 60)]
    public Property Every_cluster_secret_has_a_shard_in_range_and_shard_loads_differ_by_at_most_the_largest_cluster_weight()
        => Prop.ForAll(Seeds, seed =>
        {
            var fleet = TestFleets.Random(seed);
            if (RenderOrRefusal(fleet, seed) is not { } render) return;
            var shards = render.Plan.Scale.ControllerReplicas;
            var secrets = Secrets(render);
            Assert.Equal(fleet.Clusters.Count, secrets.Count);
            foreach (var (name, secret) in secrets)
            {
                var shard = int.Parse(((MappingNode)Path(secret, "spec", "target", "template", "data")).GetString("shard")!);
                Assert.InRange(shard, 0, shards - 1);
                Assert.Equal(render.Plan.Clusters.Single(c => c.Cluster.Name == name).Shard, shard);
            }
            if (render.Plan.Clusters.Count == 0) return;
            var loads = Enumerable.Range(0, shards).Select(s => render.Plan.Clusters.Where(c => c.Shard == s).Sum(c => c.Applications)).ToList();
            Assert.True(loads.Max() - loads.Min() <= render.Plan.Clusters.Max(c => c.Applications), $"seed {seed}: loads {string.Join(",", loads)}");
        });

    [Property(MaxTest = 60)]
    public Property Every_add_on_lands_exactly_on_the_clusters_its_selector_and_overrides_choose()
        => Prop.ForAll(Seeds, seed =>
        {
            var fleet = TestFleets.Random(seed);
            if (RenderOrRefusal(fleet, seed) is not { } render) return;
            var secrets = Secrets(render);
            // The report's per-cluster list comes from expanding the ApplicationSets; it must say what the model says.
            var fromModel = FleetRenderer.Render(fleet, PreviousRender.None, expandApplicationSets: false);
            Assert.Equal(Report(fromModel), Report(render));
            foreach (var addOn in fleet.AddOns)
            {
                // What the model says, worked out here from the description alone.
                var expected = fleet.Clusters.Where(c =>
                        fleet.Overrides.LastOrDefault(o => o.Cluster == c.Name && o.AddOn == addOn.Name && o.Enabled is not null)?.Enabled ?? addOn.Selects(c))
                    .Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(expected, render.Plan.Clusters.Where(c => c.AddOns.Any(a => a.AddOn.Name == addOn.Name)).Select(c => c.Cluster.Name));

                // What Argo CD's cluster generator would pick: the ApplicationSet's selectors over the secrets' labels.
                var appSet = (MappingNode)Manifests(render, $"control-plane/applicationsets/{addOn.Name}.yaml").Single();
                var generators = (SequenceNode)Path(appSet, "spec", "generators");
                var selected = secrets.Where(s => generators.Items.Any(g => Matches((MappingNode)Path(g, "clusters", "selector"), Labels(s.Value))))
                    .Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
                Assert.True(expected.SequenceEqual(selected), $"seed {seed}, {addOn.Name}: model {string.Join(",", expected)} vs selectors {string.Join(",", selected)}");
                // The generators never both pick one cluster (Argo CD would refuse the duplicate Application).
                foreach (var s in secrets)
                    Assert.True(generators.Items.Count(g => Matches((MappingNode)Path(g, "clusters", "selector"), Labels(s.Value))) <= 1);
            }
        });

    [Property(MaxTest = 25)]
    public Property The_repository_of_a_random_fleet_passes_the_checks_okegitops_validate_runs()
        => Prop.ForAll(Seeds, seed =>
        {
            var fleet = TestFleets.Random(seed);
            if (seed % 2 == 0) fleet = fleet.WithApplications(FleetApplications.PerClusterApplications);
            if (RenderOrRefusal(fleet, seed) is not { } render) return;
            var (files, warnings) = new RepoRenderer().Render(render.Files);
            Assert.DoesNotContain(warnings, w => w.IsError);
            foreach (var file in files.Where(f => f.RelativePath.EndsWith(".yaml", StringComparison.Ordinal) && f.RelativePath != RepoConfigFile.FileName && !f.RelativePath.EndsWith(".values.yaml", StringComparison.Ordinal)))
            {
                var checks = new ManifestChecks(OkeGitOps.Manifests.Schemas.SchemaRegistry.Default);
                foreach (var document in YamlReader.ReadAll(file.Content, file.RelativePath))
                {
                    var errors = checks.Check(document).Where(d => d.IsError).ToList();
                    Assert.True(errors.Count == 0, $"seed {seed}: {file.RelativePath}: {string.Join("; ", errors)}");
                }
            }
        });

    [Property(MaxTest = 25)]
    public Property Rendering_the_same_fleet_twice_gives_the_same_files()
        => Prop.ForAll(Seeds, seed =>
        {
            if (RenderOrRefusal(TestFleets.Random(seed), seed) is not { } first) return;
            var a = new RepoRenderer().Render(first.Files).Files;
            var b = new RepoRenderer().Render(FleetRenderer.Render(TestFleets.Random(seed)).Files).Files;
            Assert.Equal(a, b);
        });

    // A random fleet may have an add-on whose selector picks none of its clusters; that ApplicationSet would select
    // nothing, which the render refuses. An add-on that overrides turn off everywhere, or a fleet without clusters, renders.
    private static FleetRender? RenderOrRefusal(OkeFleet fleet, int seed)
    {
        var plan = FleetPlan.For(fleet);
        var idle = fleet.Applications == FleetApplications.ApplicationSets && fleet.Clusters.Count > 0
            ? fleet.AddOns.Where(a => !plan.Clusters.Any(c => c.AddOns.Any(p => p.AddOn.Name == a.Name)) && !fleet.Clusters.Any(a.Selects)).Select(a => a.Name).ToList()
            : [];
        if (idle.Count == 0) return FleetRenderer.Render(fleet);
        var e = Assert.Throws<Diagnostics.ManifestValidationException>(() => FleetRenderer.Render(fleet));
        Assert.True(e.Diagnostics.All(d => d.Rule == FleetRules.AppSetSelectsNothing), $"seed {seed}: {e.Message}");
        Assert.Equal(idle.Order(StringComparer.Ordinal), e.Diagnostics.Select(d => d.Message.Split('\'')[1]).Order(StringComparer.Ordinal));
        return null;
    }

    private static Dictionary<string, MappingNode> Secrets(FleetRender render)
        => render.Files.OfType<ManifestRepoFile>().Where(f => f.RelativePath.StartsWith("control-plane/clusters/", StringComparison.Ordinal))
            .ToDictionary(f => System.IO.Path.GetFileNameWithoutExtension(f.RelativePath), f => (MappingNode)f.Documents.Single(), StringComparer.Ordinal);

    private static string Report(FleetRender render) => ((TextRepoFile)render.Files.Single(f => f.RelativePath == FleetLayout.Report)).Content;

    private static IReadOnlyList<ManifestNode> Manifests(FleetRender render, string path)
        => render.Files.OfType<ManifestRepoFile>().Single(f => f.RelativePath == path).Documents;

    private static IReadOnlyDictionary<string, string> Labels(MappingNode secret)
        => ((MappingNode)Path(secret, "spec", "target", "template", "metadata", "labels")).Entries
            .ToDictionary(e => e.Key, e => ((StringNode)e.Value).Value, StringComparer.Ordinal);

    private static ManifestNode Path(ManifestNode node, params string[] keys)
        => keys.Aggregate(node, (n, k) => ((MappingNode)n)[k]);

    // Kubernetes label-selector semantics: every matchLabels entry equal, every In/NotIn/Exists/DoesNotExist expression true.
    private static bool Matches(MappingNode selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector.GetValueOrDefault("matchLabels") is MappingNode matchLabels
            && matchLabels.Entries.Any(e => !labels.TryGetValue(e.Key, out var v) || v != ((StringNode)e.Value).Value)) return false;
        if (selector.GetValueOrDefault("matchExpressions") is SequenceNode expressions)
        {
            foreach (MappingNode e in expressions.Items)
            {
                var has = labels.TryGetValue(e.GetString("key")!, out var value);
                var values = e.GetValueOrDefault("values") is SequenceNode vs ? vs.Items.Select(v => ((StringNode)v).Value).ToList() : [];
                var ok = e.GetString("operator") switch
                {
                    "In" => has && values.Contains(value!),
                    "NotIn" => !has || !values.Contains(value!),
                    "Exists" => has,
                    "DoesNotExist" => !has,
                    _ => false,
                };
                if (!ok) return false;
            }
        }
        return true;
    }
}
