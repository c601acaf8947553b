using OkeGitOps.Manifests.Cli.Validate;

namespace OkeGitOps.Manifests.Cli.Output;

/// <summary>One output format of <c>okegitops validate</c>.</summary>
internal interface IResultFormat
{
    /// <summary>Writes the results of a run.</summary>
    void Write(TextWriter writer, IReadOnlyList<DocumentResult> results, ValidationSummary summary, bool includeSummary);
}

/// <summary>Looks up output formats by their <c>--output</c> name.</summary>
internal static class ResultFormats
{
    /// <summary>The names <c>--output</c> accepts.</summary>
    public static readonly string[] Names = ["text", "json", "junit", "sarif", "github"];

    /// <summary>The format for a name.</summary>
    public static IResultFormat For(string name) => name switch
    {
        "json" => new JsonFormat(),
        "junit" => new JUnitFormat(),
        "sarif" => new SarifFormat(),
        "github" => new GitHubFormat(),
        _ => new TextFormat(),
    };
}
