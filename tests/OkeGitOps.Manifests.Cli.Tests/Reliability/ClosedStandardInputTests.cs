using System.Diagnostics;

namespace OkeGitOps.Manifests.Cli.Tests.Reliability;

/// <summary>
/// <c>validate -</c> and <c>fmt -</c> started with standard input closed (<c>&lt;&amp;-</c>) used to wait forever on a
/// pipe of the runtime's own that took descriptor 0. They must end at once with exit 2. This needs a real process
/// started by a shell, so it runs the built tool (or <c>OKEGITOPS_CLI</c>) through <c>/bin/sh</c>, with a deadline.
/// </summary>
public sealed class ClosedStandardInputTests
{
    [SkippableTheory]
    [InlineData("validate")]
    [InlineData("fmt")]
    public void Reading_a_closed_standard_input_is_an_error_with_exit_2_not_a_wait(string command)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "closing a descriptor with <& - needs a Unix shell");
        Skip.IfNot(File.Exists("/bin/sh"), "needs /bin/sh");
        var tool = CliRunner.Executable is { } executable ? new[] { executable } : ["dotnet", typeof(CliApp).Assembly.Location];
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-c", "exec \"$@\" <&-", "sh", .. tool, command, "-"]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"okegitops {command} - with standard input closed did not finish within 60 s");
        }
        var text = output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult();
        Assert.True(process.ExitCode == 2, text);
        Assert.Contains("-:1:1: error: ", text);
        Assert.Contains("standard input is closed", text);
    }
}
