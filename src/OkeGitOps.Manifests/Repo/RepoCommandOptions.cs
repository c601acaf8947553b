namespace OkeGitOps.Manifests.Repo;

/// <summary>How <see cref="RepoCommand.Run(string[], Func{IEnumerable{RepoFile}}, RepoCommandOptions?)"/> behaves when the command line does not say.</summary>
public sealed record RepoCommandOptions
{
    /// <summary>The folder written when neither <c>--out</c> nor a folder argument is given; <c>out</c> by default.</summary>
    public string DefaultOutput { get; init; } = "out";

    /// <summary>The renderer to validate and emit with; <c>null</c> for one with the embedded schemas and every check on.</summary>
    public RepoRenderer? Renderer { get; init; }

    /// <summary>Where the result line and <c>--check</c>'s file list go; <c>null</c> for standard output.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Where diagnostics go; <c>null</c> for standard error.</summary>
    public TextWriter? Error { get; init; }
}
