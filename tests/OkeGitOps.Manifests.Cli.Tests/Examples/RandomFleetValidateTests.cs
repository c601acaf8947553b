using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Fleet;
using OkeGitOps.Manifests.Repo;
using OkeGitOps.Manifests.Tests.Fleet;

namespace OkeGitOps.Manifests.Cli.Tests.Examples;

/// <summary>
/// The repository of a random fleet, written to disk as a render writes it (with its <c>.okegitops.yaml</c>), passes
/// <c>okegitops validate</c> run on the folder with no flags: every document check and the checks across documents
/// (duplicates and references per cluster folder, as the written config scopes them).
/// </summary>
public sealed class RandomFleetValidateTests
{
    private static readonly Arbitrary<int> Seeds = Arb.From(Gen.Choose(0, int.MaxValue));

    [Property(MaxTest = 12)]
    public Property A_written_random_fleet_passes_okegitops_validate_with_no_flags()
        => Prop.ForAll(Seeds, seed => { ValidateWritten(seed); });

    [Fact]
    public void Most_random_fleets_render_so_the_property_above_is_not_vacuous()
    {
        var rendered = Enumerable.Range(0, 12).Count(ValidateWritten);
        Assert.True(rendered >= 6, $"only {rendered} of 12 random fleets rendered");
    }

    /// <summary>Renders, writes and validates the fleet of <paramref name="seed"/>; false when the fleet is refused by design.</summary>
    private static bool ValidateWritten(int seed)
    {
        var fleet = TestFleets.Random(seed);
        if (seed % 2 == 0) fleet = fleet.WithApplications(FleetApplications.PerClusterApplications);
        FleetRender render;
        try
        {
            render = FleetRenderer.Render(fleet);
        }
        catch (ManifestValidationException e) when (e.Diagnostics.All(d => d.Rule == FleetRules.AppSetSelectsNothing))
        {
            return false; // a random add-on whose selector picks none of the fleet's clusters: refused by design
        }
        var dir = Directory.CreateTempSubdirectory("okegitops-random-fleet-").FullName;
        try
        {
            var output = Path.Combine(dir, "out");
            RepoWriter.Write(output, new RepoRenderer().Render(render.Files).Files);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = CliRunner.Run(["validate", output], new StringReader(""), stdout, stderr);
            Assert.True(code == 0, $"seed {seed}: okegitops validate exited {code}\n{stdout}\n{stderr}");
            return true;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
