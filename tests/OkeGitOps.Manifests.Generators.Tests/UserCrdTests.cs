using Microsoft.CodeAnalysis;

namespace OkeGitOps.Manifests.Generators.Tests;

/// <summary>
/// The documented user path: a project that references OkeGitOps.Manifests and the generator adds its own CRD
/// schema as an AdditionalFile and gets typed models, whose metadata is the library's ObjectMeta.
/// </summary>
public sealed class UserCrdTests
{
    private const string Crd = """
        {
          "format": "okegitops.schema/v1",
          "group": "acme.example.org",
          "version": "v1",
          "kind": "Rocket",
          "scope": "Cluster",
          "served": true,
          "storage": true,
          "openAPIV3Schema": {
            "type": "object",
            "properties": {
              "apiVersion": { "type": "string" },
              "kind": { "type": "string" },
              "metadata": { "type": "object" },
              "spec": {
                "type": "object",
                "properties": {
                  "fuel": { "type": "string", "enum": ["LOX", "RP-1"] },
                  "stages": { "type": "array", "items": { "type": "object", "properties": { "thrust": { "type": "integer" } } } }
                }
              }
            }
          }
        }
        """;

    private const string Usage = """
        using OkeGitOps.Manifests;
        using OkeGitOps.Manifests.Models.Acme;

        public static class Launch
        {
            public static Rocket Build() => Acme.Rocket("saturn")
                .WithSpec(s => s.WithFuel(RocketSpecFuel.RP1).AddStages(new RocketSpecStage { Thrust = 35000 }));

            public static string Yamlish() => Build().ToNode().ToString() ?? "";
        }
        """;

    [Fact]
    public void A_user_crd_added_as_additional_file_yields_typed_models()
    {
        var files = new List<AdditionalText> { new InMemoryAdditionalText("/proj/schemas/rocket.json", Crd) };
        // Until the repository's schemas land, the library has no ObjectMeta of its own: supply the test one.
        if (typeof(Tree.ManifestNode).Assembly.GetType("OkeGitOps.Manifests.Models.Meta.ObjectMeta") is null)
            files.AddRange(GeneratorHarness.TestSchemas(p => p == "meta/v1/objectmeta.json"));

        var run = GeneratorHarness.Run(files, Usage);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
        Assert.Contains(run.Sources, s => s.HintName == "Acme.Rocket.g.cs");
        Assert.Contains("public static global::OkeGitOps.Manifests.Models.Acme.Rocket Rocket(string name)", run.Source("Acme.Factories.g.cs"));

        var launch = run.Load().GetType("Launch")!;
        var rocket = (Models.IManifestModel)launch.GetMethod("Build")!.Invoke(null, null)!;
        var node = rocket.ToNode();
        Assert.Equal("acme.example.org/v1", node.GetString("apiVersion"));
        var spec = (Tree.MappingNode)node["spec"];
        Assert.Equal("RP-1", spec.GetString("fuel"));
        Assert.Equal(Tree.ManifestNode.Integer(35000), ((Tree.MappingNode)((Tree.SequenceNode)spec["stages"])[0])["thrust"]);
    }

    [Fact]
    public void A_user_crd_joins_the_generated_model_kinds_without_reflection()
    {
        var files = new List<AdditionalText> { new InMemoryAdditionalText("/proj/schemas/rocket.json", Crd) };
        if (typeof(Tree.ManifestNode).Assembly.GetType("OkeGitOps.Manifests.Models.Meta.ObjectMeta") is null)
            files.AddRange(GeneratorHarness.TestSchemas(p => p == "meta/v1/objectmeta.json"));

        var run = GeneratorHarness.Run(files, """
            public static class Kinds
            {
                public static OkeGitOps.Manifests.Models.ModelRegistry Registry()
                    => OkeGitOps.Manifests.Models.ModelRegistry.Default.WithKinds(OkeGitOps.Manifests.Models.GeneratedModelKinds.All);
            }
            """);
        Assert.Empty(run.Errors);
        Assert.Contains("global::OkeGitOps.Manifests.Models.ModelKind.Create(global::OkeGitOps.Manifests.Models.Acme.Rocket.ApiVersion,", run.Source("GeneratedModelKinds.g.cs"));

        var registry = (Models.ModelRegistry)run.Load().GetType("Kinds")!.GetMethod("Registry")!.Invoke(null, null)!;
        var rocket = registry.Find("acme.example.org/v1", "Rocket");
        Assert.NotNull(rocket);
        Assert.Equal("Rocket", rocket.Type.Name);
        Assert.NotNull(registry.Find("argoproj.io/v1alpha1", "Application"));
        var read = rocket.FromNode(Tree.ManifestNode.Map(
            ("apiVersion", Tree.ManifestNode.String("acme.example.org/v1")),
            ("kind", Tree.ManifestNode.String("Rocket")),
            ("metadata", Tree.ManifestNode.Map(("name", Tree.ManifestNode.String("saturn"))))));
        Assert.Equal("acme.example.org/v1", read.ToNode().GetString("apiVersion"));
    }
}
