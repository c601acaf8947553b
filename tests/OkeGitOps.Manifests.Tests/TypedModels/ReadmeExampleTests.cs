using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tests.Snapshots;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.TypedModels;

// The test folders Argo/ and Eso/ would otherwise shadow the factory classes of the same name.
using Argo = OkeGitOps.Manifests.Argo;

/// <summary>The "Typed models" example of README.md, line for line (keep the two in step), and its output.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void Readme_application_example_prints_the_expected_yaml_and_validates()
    {
        // --- README begins ---
        var app = Argo.Application("guestbook", @namespace: "argocd")
            .WithSpec(spec => spec
                .WithProject("default")
                .WithSource(src => src
                    .WithRepoURL("https://github.com/argoproj/argocd-example-apps.git")
                    .WithPath("guestbook")
                    .WithTargetRevision("HEAD"))
                .WithDestination(d => d.WithServer("https://kubernetes.default.svc").WithNamespace("guestbook"))
                .WithSyncPolicy(p => p
                    .WithAutomated(a => a.WithPrune(true).WithSelfHeal(true))
                    .AddSyncOptions("CreateNamespace=true")));

        var yaml = YamlEmitter.Emit(app.ToNode());
        // --- README ends ---

        Snapshot.Match(yaml, "readme-application");
        Assert.Empty(new ManifestValidator(SchemaRegistry.Default).Validate(new ManifestDocument(app.ToNode())));
    }

    [Fact]
    public void Readme_shows_the_same_code_as_the_test()
    {
        var source = File.ReadAllLines(ThisFile()).Select(l => l.TrimEnd()).ToList();
        var start = source.FindIndex(l => l.Contains("--- README begins ---", StringComparison.Ordinal));
        var end = source.FindIndex(l => l.Contains("--- README ends ---", StringComparison.Ordinal));
        var snippet = string.Join("\n", source.Skip(start + 1).Take(end - start - 1).Select(l => l.Length >= 8 ? l[8..] : l));
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")).ReplaceLineEndings("\n");
        Assert.Contains(snippet, readme);
        var code = readme[readme.IndexOf("var app = Argo.Application", StringComparison.Ordinal)..];
        var lines = code[..code.IndexOf("```", StringComparison.Ordinal)].TrimEnd().Split('\n').Count(l => l.Trim().Length > 0);
        Assert.True(lines < 15, $"the README example has {lines} lines of code");
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
