using OkeGitOps.Manifests.Cli.Validate;

namespace OkeGitOps.Manifests.Cli.Output;

/// <summary><c>file:line:col: severity: path: message (suggestion)</c>, one line per diagnostic.</summary>
internal sealed class TextFormat : IResultFormat
{
    public void Write(TextWriter writer, IReadOnlyList<DocumentResult> results, ValidationSummary summary, bool includeSummary)
    {
        foreach (var result in results)
        {
            foreach (var d in result.Diagnostics)
            {
                var location = d.Location ?? new Tree.SourceLocation(result.File, result.Line, 1);
                writer.WriteLine((d with { Location = location with { File = location.File ?? result.File } }).ToString());
            }
        }
        if (includeSummary)
        {
            writer.WriteLine(
                $"Summary: {summary.Documents} documents in {summary.Files} files: {summary.Valid} valid, {summary.Invalid} invalid, " +
                $"{summary.Errors} errors, {summary.Skipped} skipped, {summary.Warnings} warnings");
        }
    }
}
