using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Oci;

/// <summary>A problem with one annotation value, before it is placed at a path and location.</summary>
internal readonly record struct OciFinding(DiagnosticSeverity Severity, string Rule, string Message, string? Suggestion = null)
{
    public static OciFinding Error(string rule, string message, string? suggestion = null) => new(DiagnosticSeverity.Error, rule, message, suggestion);

    public static OciFinding Warning(string rule, string message, string? suggestion = null) => new(DiagnosticSeverity.Warning, rule, message, suggestion);
}
