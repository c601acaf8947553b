using OkeGitOps.Manifests.Cli.Validate;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Cli.Output;

/// <summary>GitHub Actions workflow commands: <c>::error file=…,line=…,col=…,title=…::message</c>, written as documents are checked.</summary>
internal sealed class GitHubFormat : IStreamingResultFormat
{
    public void Write(TextWriter writer, IReadOnlyList<DocumentResult> results, ValidationSummary summary, bool includeSummary)
    {
        foreach (var result in results) WriteDocument(writer, result);
        WriteEnd(writer, summary, includeSummary);
    }

    public void WriteDocument(TextWriter writer, DocumentResult result)
    {
        foreach (var d in result.Diagnostics) WriteCommand(writer, d, result.File, result.Line);
    }

    public void WriteFindings(TextWriter writer, IReadOnlyList<(ResourceFacts Document, Diagnostic Diagnostic)> findings)
    {
        foreach (var (document, d) in findings) WriteCommand(writer, d, document.File, document.Location?.Line ?? 1);
    }

    public void WriteEnd(TextWriter writer, ValidationSummary summary, bool includeSummary)
    {
        if (includeSummary)
        {
            writer.WriteLine($"::notice title=okegitops validate::{summary.Documents} documents: {summary.Valid} valid, {summary.Invalid} invalid, {summary.Errors} errors, {summary.Skipped} skipped");
        }
    }

    private static void WriteCommand(TextWriter writer, Diagnostic d, string file, int line)
    {
        var command = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var message = (d.Path is null || d.Path.IsRoot ? "" : d.Path + ": ") + d.Message + (d.Suggestion is null ? "" : $" ({d.Suggestion})");
        writer.WriteLine($"::{command} file={Property(d.Location?.File ?? file)},line={d.Location?.Line ?? line},col={d.Location?.Column ?? 1},title={Property(d.Rule)}::{Data(message)}");
    }

    // Escaping rules of workflow commands: data escapes % CR LF; properties also escape ':' and ','.
    private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
