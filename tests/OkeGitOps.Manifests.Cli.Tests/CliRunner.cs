using System.Diagnostics;
using System.Text;

namespace OkeGitOps.Manifests.Cli.Tests;

/// <summary>
/// Runs <c>okegitops</c> for the CLI tests: in-process through <see cref="CliApp.Run(string[], TextReader, TextWriter, TextWriter)"/>,
/// or, when the environment variable <c>OKEGITOPS_CLI</c> names an executable (the Native AOT build in <c>.ci/run</c>),
/// as that process with the same arguments, standard input, output and exit code. The second mode is how CI proves the
/// native tool behaves like the library (a reflection break such as a model registry that finds nothing shows up here).
/// </summary>
internal static class CliRunner
{
    /// <summary>The executable under test, or <c>null</c> when the tests run the CLI in-process.</summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("OKEGITOPS_CLI") is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>
    /// How many processes the calling thread has started (so a test can prove the native binary really ran). Counted per
    /// thread because test classes run in parallel and <see cref="Run(string[], TextReader, TextWriter, TextWriter)"/>
    /// is synchronous.
    /// </summary>
    public static int ProcessesStarted => _processesStarted;

    [ThreadStatic]
    private static int _processesStarted;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new StringReader(""), stdout, stderr);

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (Executable is null) return CliApp.Run(args, stdin, stdout, stderr);

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
        _processesStarted++;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.Write(stdin.ReadToEnd());
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool exited without reading standard input.
        }
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Executable} {string.Join(' ', args)} did not finish in 2 minutes");
        }
        stdout.Write(output.GetAwaiter().GetResult());
        stderr.Write(error.GetAwaiter().GetResult());
        return process.ExitCode;
    }
}
