namespace OkeGitOps.Manifests.Cli.Tests;

public sealed class CliRunnerTests
{
    [SkippableFact]
    public void With_OKEGITOPS_CLI_set_the_tests_run_that_native_binary_and_fmt_finds_typed_models()
    {
        Skip.If(CliRunner.Executable is null, "OKEGITOPS_CLI is not set: the CLI tests run in-process (.ci/run sets it to the Native AOT build)");
        Assert.True(File.Exists(CliRunner.Executable), $"OKEGITOPS_CLI names {CliRunner.Executable}, which does not exist");
        Assert.False(CliRunner.Executable!.EndsWith(".dll", StringComparison.OrdinalIgnoreCase), "OKEGITOPS_CLI must name the native executable");

        var before = CliRunner.ProcessesStarted;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        const string app = "kind: Application\napiVersion: argoproj.io/v1alpha1\nmetadata: {namespace: argocd, name: a}\nspec: {project: default}\n";
        var code = CliRunner.Run(["fmt", "-"], new StringReader(app), stdout, stderr);

        Assert.Equal(before + 1, CliRunner.ProcessesStarted);
        Assert.True(code == 0, stderr.ToString());
        Assert.Equal("apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: a\n  namespace: argocd\nspec:\n  project: default\n", stdout.ToString().ReplaceLineEndings("\n"));
    }
}
