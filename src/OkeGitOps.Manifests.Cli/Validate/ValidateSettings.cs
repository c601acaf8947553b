using System.Text.RegularExpressions;

namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>Everything <c>okegitops validate</c> was asked to do, parsed from the command line.</summary>
internal sealed record ValidateSettings
{
    public required IReadOnlyList<string> Paths { get; init; }
    public IReadOnlyList<Regex> IgnorePatterns { get; init; } = [];
    public bool Strict { get; init; } = true;
    public IReadOnlyList<string> SchemaDirectories { get; init; } = [];
    public bool IgnoreMissingSchemas { get; init; }
    public IReadOnlyList<string> Skip { get; init; } = [];
    public IReadOnlyList<string> Reject { get; init; } = [];
    public bool Summary { get; init; }
    public int Parallelism { get; init; } = Environment.ProcessorCount;
    public bool ExitOnError { get; init; }
    public string Output { get; init; } = "text";
    public bool CheckDuplicates { get; init; } = true;
    public bool CheckSecrets { get; init; } = true;
    public bool CheckReferences { get; init; } = true;
    public bool OciLint { get; init; } = true;
    public Regex? GroupByPath { get; init; }
    public IReadOnlySet<string> AllowedSecrets { get; init; } = new HashSet<string>();

    /// <summary>The Kubernetes version whose built-in APIs are checked (<c>--kubernetes-version</c>); <c>null</c> means the newest.</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>True when a kind filter (<c>Kind</c> or <c>group/version/Kind</c>) names this document.</summary>
    public static bool Names(IReadOnlyList<string> filters, string? apiVersion, string? kind)
        => kind is not null && filters.Any(f => f == kind || f == $"{apiVersion}/{kind}" || (apiVersion == "v1" && f == $"core/v1/{kind}"));
}
