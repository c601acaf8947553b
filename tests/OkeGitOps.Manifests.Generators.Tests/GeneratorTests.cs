using System.Reflection;
using Microsoft.CodeAnalysis;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Tests.Snapshots;

namespace OkeGitOps.Manifests.Generators.Tests;

public sealed class GeneratorTests
{
    [Fact]
    public void Small_schema_generates_code_that_compiles()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.TestSchemas());
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Generated_code_matches_snapshots()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.TestSchemas());
        // Meta.* is left out: once the library has its own ObjectMeta the generator no longer emits one here.
        var produced = run.Sources.Where(s => !s.HintName.StartsWith("Meta.", StringComparison.Ordinal)).ToList();
        // Exactly the verified files: nothing produced fails, and so does a verified file no source matches any more.
        Assert.Equal(Snapshot.VerifiedFiles(""), produced.Select(s => s.HintName[..^".g.cs".Length] + ".verified.cs").Order(StringComparer.Ordinal));
        foreach (var (hint, text) in produced)
        {
            Snapshot.Match(text, hint[..^".g.cs".Length], extension: "cs");
        }
    }

    [Fact]
    public void Structurally_identical_sub_schemas_are_one_type()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.TestSchemas());
        var widgetSet = run.Source("Example.WidgetSetSpecTemplate.g.cs");
        Assert.Contains("public WidgetSpec? Spec { get; init; }", widgetSet);
        var spec = run.Source("Example.WidgetSpec.g.cs");
        // primary and backup share one type, named by the override in names.json.
        Assert.Contains("public WidgetEndpoint? Primary { get; init; }", spec);
        Assert.Contains("public WidgetEndpoint? Backup { get; init; }", spec);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("WidgetSpecPrimary", StringComparison.Ordinal));
    }

    [Fact]
    public void Unserved_versions_generate_nothing()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.TestSchemas());
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("V1beta1", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_json_is_reported()
    {
        var run = GeneratorHarness.Run([new InMemoryAdditionalText("/x/bad.json", "{\"format\": \"okegitops.schema/v1\", ")]);
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OKG001", d.Id);
    }

    [Fact]
    public void Second_run_with_same_inputs_is_cached()
    {
        var files = GeneratorHarness.TestSchemas().ToList();
        var first = GeneratorHarness.Run(files);
        var compilation = GeneratorHarness.Compilation("class Changed {}");
        var driver = first.Driver.RunGenerators(compilation);
        var steps = driver.GetRunResult().Results.Single().TrackedOutputSteps;
        var outputs = steps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"output step was {o.Reason}"));
    }

    private const string Usage = """
        using OkeGitOps.Manifests;
        using OkeGitOps.Manifests.Models;
        using OkeGitOps.Manifests.Models.Example;
        using OkeGitOps.Manifests.Tree;

        public static class Usage
        {
            public static Widget Build() =>
                Example.Widget("demo", @namespace: "apps")
                    .WithMetadata(m => m.WithLabels("app", "demo"))
                    .WithSpec(s => s
                        .WithRepoURL("https://example.com/repo.git")
                        .WithReplicas(3)
                        .WithWeight(0.5)
                        .WithEnabled(true)
                        .WithNamespace("target")
                        .WithClass("gold")
                        .WithDefault("yes")
                        .WithMode(WidgetSpecMode.ServerSideApplyTrue)
                        .WithPort("http")
                        .WithValues(ManifestNode.Map(("free", ManifestNode.String("form"))))
                        .WithSelector("tier", "web")
                        .WithPrimary(p => p.WithHost("a").WithPort(1))
                        .AddSources(new WidgetSpecSource { Path = "p", Args = ["x", "y"] }.AddEnv(new WidgetSpecSourceEnv { Name = "N", Value = "V" }))
                        .WithLimits("cpu", new WidgetSpecLimit { Max = 4 }));

            public static MappingNode ToNode(Widget w) => w.ToNode();

            public static Widget FromNode(ManifestNode n) => Widget.FromNode(n);

            public static string ModeString() => WidgetSpecMode.ServerSideApplyTrue.ToApiString();
        }
        """;

    [Fact]
    public void Models_round_trip_through_the_tree()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.TestSchemas(), Usage);
        Assert.Empty(run.Errors);
        var usage = run.Load().GetType("Usage")!;
        var widget = usage.GetMethod("Build")!.Invoke(null, null)!;
        var node = (Tree.MappingNode)usage.GetMethod("ToNode")!.Invoke(null, [widget])!;
        Assert.Equal(["apiVersion", "kind", "metadata", "spec"], node.Keys);
        var spec = (Tree.MappingNode)node["spec"];
        Assert.Equal("ServerSideApply=true", spec.GetString("mode"));
        Assert.Equal(Tree.ManifestNode.String("http"), spec["port"]);
        Assert.Equal(Tree.ManifestNode.Integer(3), spec["replicas"]);
        Assert.Equal("ServerSideApply=true", usage.GetMethod("ModeString")!.Invoke(null, null));

        var back = usage.GetMethod("FromNode")!.Invoke(null, [node])!;
        Assert.Equal(widget, back); // records with EquatableArray/EquatableMap compare structurally
        Assert.Equal(node, usage.GetMethod("ToNode")!.Invoke(null, [back]));
    }

    [Fact]
    public void Unknown_and_mistyped_fields_are_kept_and_reported()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.TestSchemas(), Usage);
        var usage = run.Load().GetType("Usage")!;
        var input = Tree.ManifestNode.Map(
            ("apiVersion", Tree.ManifestNode.String("example.com/v1")),
            ("kind", Tree.ManifestNode.String("Widget")),
            ("metadata", Tree.ManifestNode.Map(("name", Tree.ManifestNode.String("w")))),
            ("spec", Tree.ManifestNode.Map(
                ("repoURL", Tree.ManifestNode.String("r")),
                ("replicas", Tree.ManifestNode.String("three")),
                ("mode", Tree.ManifestNode.String("Bogus")),
                ("surprise", Tree.ManifestNode.Boolean(true)))),
            ("extraTop", Tree.ManifestNode.Integer(1)));
        var widget = (Models.IManifestModel)usage.GetMethod("FromNode")!.Invoke(null, [input])!;
        Assert.Equal(input, widget.ToNode());
        var extras = widget.GetExtraFields().Select(e => e.Path.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["extraTop", "spec.mode", "spec.replicas", "spec.surprise"], extras);
    }

    [Fact]
    public void Wrong_kind_is_rejected()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.TestSchemas(), Usage);
        var usage = run.Load().GetType("Usage")!;
        var input = Tree.ManifestNode.Map(("apiVersion", Tree.ManifestNode.String("v1")), ("kind", Tree.ManifestNode.String("Service")));
        var e = Assert.Throws<TargetInvocationException>(() => usage.GetMethod("FromNode")!.Invoke(null, [input]));
        Assert.IsType<Models.ModelConversionException>(e.InnerException);
    }
}
