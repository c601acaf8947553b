using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>What became of one input document.</summary>
internal enum DocumentStatus
{
    /// <summary>Checked and found valid (warnings allowed).</summary>
    Valid,
    /// <summary>Checked and found invalid.</summary>
    Invalid,
    /// <summary>Not a Kubernetes manifest, or skipped by a flag.</summary>
    Skipped,
    /// <summary>Could not be read or checked at all (I/O or YAML error).</summary>
    Error,
}

/// <summary>The outcome for one document of one input file; small on purpose, so that no tree is kept.</summary>
internal sealed record DocumentResult(
    string File,
    int Index,
    int Line,
    string? ApiVersion,
    string? Kind,
    string? Name,
    string? Namespace,
    DocumentStatus Status,
    IReadOnlyList<Diagnostic> Diagnostics,
    string? SkipReason = null)
{
    /// <summary>The status as the lower-case word the machine-readable formats use.</summary>
    public string StatusText => Status switch
    {
        DocumentStatus.Valid => "valid",
        DocumentStatus.Invalid => "invalid",
        DocumentStatus.Skipped => "skipped",
        _ => "error",
    };
}

/// <summary>Counts over a whole run.</summary>
internal sealed record ValidationSummary(int Files, int Documents, int Valid, int Invalid, int Skipped, int Errors, int Warnings)
{
    /// <summary>Adds up the results (the same counting the streaming output does, through <see cref="ResultTally"/>).</summary>
    public static ValidationSummary Of(IReadOnlyList<DocumentResult> results, int files)
    {
        var tally = new ResultTally();
        foreach (var result in results) tally.Add(result);
        return tally.Summary(files);
    }
}
