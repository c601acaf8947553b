using System.Text;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The manifest would be rejected or would not do what it says.</summary>
    Error,
    /// <summary>The manifest works but something about it is likely a mistake or deprecated.</summary>
    Warning,
}

/// <summary>
/// One finding about a manifest or about YAML text: what is wrong, where, which rule found it, and what to do instead.
/// </summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Rule">A stable identifier of the rule, e.g. <c>unknown-field</c> or <c>yaml-duplicate-key</c>.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
/// <param name="Path">The YAML path of the node concerned, or <c>null</c> when the finding is not about one node.</param>
/// <param name="Location">File, line and column when the input came from text.</param>
/// <param name="Suggestion">What to do instead, when there is something specific to say.</param>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Rule,
    string Message,
    NodePath? Path = null,
    SourceLocation? Location = null,
    string? Suggestion = null)
{
    /// <summary>Creates an error.</summary>
    public static Diagnostic Error(string rule, string message, NodePath? path = null, SourceLocation? location = null, string? suggestion = null)
        => new(DiagnosticSeverity.Error, rule, message, path, location, suggestion);

    /// <summary>Creates a warning.</summary>
    public static Diagnostic Warning(string rule, string message, NodePath? path = null, SourceLocation? location = null, string? suggestion = null)
        => new(DiagnosticSeverity.Warning, rule, message, path, location, suggestion);

    /// <summary>True for errors.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// Formats the diagnostic as one line: <c>file:line:col: error: path: message (suggestion)</c>.
    /// Parts that are unknown are left out.
    /// </summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Location is not null) sb.Append(Location).Append(": ");
        sb.Append(Severity == DiagnosticSeverity.Error ? "error" : "warning").Append(": ");
        if (Path is not null && !Path.IsRoot) sb.Append(Path).Append(": ");
        sb.Append(Message);
        if (Suggestion is not null) sb.Append(" (").Append(Suggestion).Append(')');
        return sb.ToString();
    }
}
