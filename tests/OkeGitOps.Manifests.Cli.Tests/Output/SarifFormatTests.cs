using System.Diagnostics;
using System.Text.Json;
using OkeGitOps.Manifests.Cli.Output;
using OkeGitOps.Manifests.Tests;

namespace OkeGitOps.Manifests.Cli.Tests.Output;

public class SarifFormatTests
{
    private static string Render()
    {
        var writer = new StringWriter();
        new SarifFormat().Write(writer, SampleResults.Results, SampleResults.Summary, includeSummary: false);
        return writer.ToString();
    }

    [Fact]
    public void Sarif_output_has_one_result_per_diagnostic_with_rule_and_region()
    {
        using var json = JsonDocument.Parse(Render());
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        Assert.Equal("unknown-field", results[0].GetProperty("ruleId").GetString());
        var region = results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(9, region.GetProperty("startLine").GetInt32());
        Assert.Equal(["deprecated", "unknown-field", "yaml-duplicate-key"],
            run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [SkippableFact]
    public void Sarif_output_passes_the_microsoft_sarif_multitool_validator()
    {
        var tool = Environment.GetEnvironmentVariable("OKEGITOPS_SARIF_MULTITOOL")
            ?? Path.Combine(TestPaths.RepoRoot, ".tools", "sarif", "node_modules", ".bin", "sarif-multitool");
        Skip.IfNot(File.Exists(tool), $"@microsoft/sarif-multitool is not installed at {tool} (.ci/run installs it with npm when npm is available)");
        var file = Path.Combine(Path.GetTempPath(), $"okegitops-{Guid.NewGuid():N}.sarif");
        File.WriteAllText(file, Render());
        try
        {
            var start = new ProcessStartInfo(tool, ["validate", file]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "sarif-multitool did not finish in 120 s");
            Assert.DoesNotContain(": error ", output);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
