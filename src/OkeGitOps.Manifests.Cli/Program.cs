namespace OkeGitOps.Manifests.Cli;

/// <summary>The <c>okegitops</c> entry point.</summary>
public static class Program
{
    /// <summary>Runs the tool and returns its exit code.</summary>
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
