using OkeGitOps.Manifests.Cli.Validate;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Cli.Output;

/// <summary><c>file:line:col: severity: path: message (suggestion)</c>, one line per diagnostic, written as documents are checked.</summary>
internal sealed class TextFormat : IStreamingResultFormat
{
    public void Write(TextWriter writer, IReadOnlyList<DocumentResult> results, ValidationSummary summary, bool includeSummary)
    {
        foreach (var result in results) WriteDocument(writer, result);
        WriteEnd(writer, summary, includeSummary);
    }

    public void WriteDocument(TextWriter writer, DocumentResult result)
    {
        foreach (var d in result.Diagnostics) WriteDiagnostic(writer, d, result.File, result.Line);
    }

    public void WriteFindings(TextWriter writer, IReadOnlyList<(ResourceFacts Document, Diagnostic Diagnostic)> findings)
    {
        foreach (var (document, d) in findings) WriteDiagnostic(writer, d, document.File, document.Location?.Line ?? 0);
    }

    public void WriteEnd(TextWriter writer, ValidationSummary summary, bool includeSummary)
    {
        if (!includeSummary) return;
        writer.WriteLine(
            $"Summary: {Count(summary.Documents, "document")} in {Count(summary.Files, "file")}: {summary.Valid} valid, {summary.Invalid} invalid, " +
            $"{Count(summary.Errors, "error")}, {summary.Skipped} skipped, {Count(summary.Warnings, "warning")}");
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static void WriteDiagnostic(TextWriter writer, Diagnostic d, string file, int line)
    {
        var location = d.Location ?? new SourceLocation(file, line, 1);
        writer.WriteLine((d with { Location = location with { File = location.File ?? file } }).ToString());
    }
}
