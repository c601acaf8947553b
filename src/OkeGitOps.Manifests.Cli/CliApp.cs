using System.CommandLine;
using OkeGitOps.Manifests.Cli.Validate;

namespace OkeGitOps.Manifests.Cli;

/// <summary>
/// Builds the command tree and runs it. Exit codes: 0 success, 1 invalid input, 2 usage or I/O errors.
/// Each command lives in its own file and writes only to the writers it is given.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the input was read but is invalid.</summary>
    public const int Invalid = 1;

    /// <summary>Exit code for usage errors and input that could not be read.</summary>
    public const int UsageOrIoError = 2;

    /// <summary>Runs the tool with the given arguments and output writers, and returns the exit code.</summary>
    /// <remarks>Standard input is checked before it is read: if okegitops was started with it closed, reading <c>-</c> is an error rather than a wait.</remarks>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new StandardInputReader(), stdout, stderr);

    /// <summary>Runs the tool with the given arguments, input and output writers, and returns the exit code.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("okegitops: typed, validated GitOps manifests for Argo CD on OKE.");
        foreach (var command in Commands(stdin, stdout, stderr)) root.Subcommands.Add(command);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Run 'okegitops --help' for usage.");
            return UsageOrIoError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return UsageOrIoError;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return UsageOrIoError;
        }
        catch (Diagnostics.ManifestException e)
        {
            foreach (var d in e.Diagnostics) stderr.WriteLine(d);
            return Invalid;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of ours: say so in one line rather than print a stack trace at the user.
            stderr.WriteLine($"error: okegitops failed unexpectedly ({e.GetType().Name}: {e.Message}); please report this with the command line that caused it");
            return UsageOrIoError;
        }
    }

    private static IEnumerable<Command> Commands(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        // One line per command; each command is defined in its own file.
        yield return ValidateCommand.Create(stdin, stdout, stderr, ValidatorFactory.Create);
        yield return ImportCrdCommand.Create(stdout, stderr);
        yield return FmtCommand.Create(stdin, stdout, stderr);
        yield return AppSets.AppSetPreviewCommand.Create(stdout, stderr);
    }
}
