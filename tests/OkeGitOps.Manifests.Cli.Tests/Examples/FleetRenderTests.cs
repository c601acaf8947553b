using System.Diagnostics;
using System.Text;
using OkeGitOps.Manifests.Tests;
using OkeGitOps.Manifests.Tests.Snapshots;

namespace OkeGitOps.Manifests.Cli.Tests.Examples;

/// <summary>
/// The README's first command, `dotnet run examples/fleet/render.cs`, run as a user runs it: the rendered repository
/// is snapshot-tested file by file, and then passes `okegitops validate` as a whole.
/// </summary>
public sealed class FleetRenderTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("okegitops-fleet-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Fleet_render_writes_the_repository_in_its_snapshot_and_it_validates()
    {
        var target = Path.Combine(_out, "repo");
        var start = new ProcessStartInfo("dotnet", ["run", Path.Combine("examples", "fleet", "render.cs"), "--", target])
        {
            WorkingDirectory = TestPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var process = Process.Start(start)!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            var (outText, errText) = (await stdout, await stderr);
            Assert.True(process.ExitCode == 0, $"render.cs failed:\n{outText}\n{errText}");
            Assert.Equal("", errText.Trim());
        }

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
        var code = CliRunner.Run(["validate", "--summary", "--group-by-path", "clusters/[^/]+/", target], new StringReader(""), output, new StringWriter());
        Assert.True(code == 0, output.ToString());
    }
}
