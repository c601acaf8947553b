using System.Diagnostics;
using System.Text;
using OkeGitOps.Manifests.Tests;
using OkeGitOps.Manifests.Tests.Snapshots;

namespace OkeGitOps.Manifests.Cli.Tests.Examples;

/// <summary>
/// The README's first command, `dotnet run examples/fleet/render.cs`, run as a user runs it: the rendered repository
/// is snapshot-tested file by file, and then passes `okegitops validate` as a whole with no flags (the render writes its .okegitops.yaml); `--check` is the drift check.
/// </summary>
public sealed class FleetRenderTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("okegitops-fleet-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Fleet_render_writes_the_repository_in_its_snapshot_and_it_validates()
    {
        var target = Path.Combine(_out, "repo");
        var (code, outText, errText) = await RenderAsync("--", target);
        Assert.True(code == 0, $"render.cs failed:\n{outText}\n{errText}");
        Assert.Equal("", errText.Trim());

        // One readable snapshot of the whole tree, in path order: each file is a YAML document headed by its path,
        // so the snapshot stays a YAML stream that the repository-wide secret scan reads too.
        var all = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            all.Append("--- # ").Append(Path.GetRelativePath(target, file).Replace('\\', '/')).Append('\n');
            all.Append(File.ReadAllText(file));
        }
        Snapshot.Match(all.ToString(), "fleet-repository", "txt");

        var output = new StringWriter();
        var validateCode = CliRunner.Run(["validate", "--summary", target], new StringReader(""), output, new StringWriter());
        Assert.True(validateCode == 0, output.ToString());

        // The CI drift check: up to date right after the render; a hand edit is named and fails it.
        var (checkCode, checkOut, checkErr) = await RenderAsync("--", "--check", "--out", target);
        Assert.True(checkCode == 0, $"{checkOut}\n{checkErr}");
        File.AppendAllText(Path.Combine(target, "bootstrap", "root.yaml"), "# edited by hand\n");
        var (driftCode, driftOut, driftErr) = await RenderAsync("--", "--check", "--out", target);
        Assert.Equal(1, driftCode);
        Assert.Equal("changed: bootstrap/root.yaml", driftOut.Trim());
        Assert.Contains("would be added, changed or removed", driftErr);
    }

    private static async Task<(int Code, string Out, string Err)> RenderAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["run", Path.Combine("examples", "fleet", "render.cs"), .. args])
        {
            WorkingDirectory = TestPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
