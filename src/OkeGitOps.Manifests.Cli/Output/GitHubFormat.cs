using OkeGitOps.Manifests.Cli.Validate;
using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Cli.Output;

/// <summary>GitHub Actions workflow commands: <c>::error file=…,line=…,col=…,title=…::message</c>.</summary>
internal sealed class GitHubFormat : IResultFormat
{
    public void Write(TextWriter writer, IReadOnlyList<DocumentResult> results, ValidationSummary summary, bool includeSummary)
    {
        foreach (var result in results)
        {
            foreach (var d in result.Diagnostics)
            {
                var command = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
                var line = d.Location?.Line ?? result.Line;
                var col = d.Location?.Column ?? 1;
                var message = (d.Path is null || d.Path.IsRoot ? "" : d.Path + ": ") + d.Message + (d.Suggestion is null ? "" : $" ({d.Suggestion})");
                writer.WriteLine($"::{command} file={Property(d.Location?.File ?? result.File)},line={line},col={col},title={Property(d.Rule)}::{Data(message)}");
            }
        }
        if (includeSummary)
        {
            writer.WriteLine($"::notice title=okegitops validate::{summary.Documents} documents: {summary.Valid} valid, {summary.Invalid} invalid, {summary.Errors} errors, {summary.Skipped} skipped");
        }
    }

    // Escaping rules of workflow commands: data escapes % CR LF; properties also escape ':' and ','.
    private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
