using System.Text.RegularExpressions;

namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>Everything <c>okegitops validate</c> was asked to do, parsed from the command line.</summary>
internal sealed record ValidateSettings
{
    public required IReadOnlyList<string> Paths { get; init; }
    public IReadOnlyList<Regex> IgnorePatterns { get; init; } = [];
    public bool Strict { get; init; } = true;
    public IReadOnlyList<string> SchemaDirectories { get; init; } = [];

    /// <summary>
    /// The files to load schemas from, one list per entry of <see cref="SchemaDirectories"/> in the same order: the
    /// command resolves them once, leaving out (with a warning) any pipe, socket or device met in a folder.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> SchemaFiles { get; init; } = [];
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

    /// <summary>The Kubernetes minor version to validate for (e.g. <c>1.35</c>); <c>null</c> for the newest known.</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>Every unresolved reference is an error, even to a kind of which the input holds none.</summary>
    public bool StrictReferences { get; init; }

    /// <summary>
    /// Cluster scopes from a config file: a file whose full path is one of <c>Paths</c> (exact) or lies under one
    /// (entries ending in a separator) is checked for duplicates and references only with the files of that cluster.
    /// </summary>
    public IReadOnlyList<ClusterScope> ClusterScopes { get; init; } = [];

    /// <summary>The config file these settings were read from, if any.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Expand the ApplicationSets of the input and validate the Applications they generate (<c>--expand-appsets</c>).</summary>
    public bool ExpandAppSets { get; init; }

    /// <summary>The instant Go templates see as now while expanding (<c>--now</c>); null for the real clock.</summary>
    public DateTimeOffset? AppSetNow { get; init; }

    /// <summary>The seed of the random template functions while expanding (<c>--seed</c>); null for the default seed.</summary>
    public int? AppSetSeed { get; init; }

    /// <summary>True when a kind filter (<c>Kind</c> or <c>group/version/Kind</c>) names this document.</summary>
    public static bool Names(IReadOnlyList<string> filters, string? apiVersion, string? kind)
        => kind is not null && filters.Any(f => f == kind || f == $"{apiVersion}/{kind}" || (apiVersion == "v1" && f == $"core/v1/{kind}"));
}
