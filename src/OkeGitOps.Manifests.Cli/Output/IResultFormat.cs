using OkeGitOps.Manifests.Cli.Validate;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Cli.Output;

/// <summary>One output format of <c>okegitops validate</c>.</summary>
internal interface IResultFormat
{
    /// <summary>Writes the results of a run.</summary>
    void Write(TextWriter writer, IReadOnlyList<DocumentResult> results, ValidationSummary summary, bool includeSummary);
}

/// <summary>
/// A format that writes each document as it is checked, so that a long run keeps nothing in memory for output;
/// findings of the checks across documents come last.
/// </summary>
internal interface IStreamingResultFormat : IResultFormat
{
    /// <summary>Writes one document's diagnostics.</summary>
    void WriteDocument(TextWriter writer, DocumentResult result);

    /// <summary>Writes the findings of the checks across documents.</summary>
    void WriteFindings(TextWriter writer, IReadOnlyList<(ResourceFacts Document, Diagnostic Diagnostic)> findings);

    /// <summary>Writes the end of the output (the summary, when asked for).</summary>
    void WriteEnd(TextWriter writer, ValidationSummary summary, bool includeSummary);
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
