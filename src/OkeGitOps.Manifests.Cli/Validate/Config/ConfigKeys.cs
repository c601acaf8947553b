using System.Text.RegularExpressions;

namespace OkeGitOps.Manifests.Cli.Validate.Config;

/// <summary>
/// Every key of <c>.okegitops.yaml</c> and the <see cref="ValidateSettings"/> it sets: the one place that maps the
/// file to the settings. To add a key, add one line to <see cref="All"/> (and the same key to the published JSON schema,
/// <c>docs/okegitops-config.schema.json</c>; a test keeps the two in step). Keys under a section are written
/// <c>section.key</c> here and nested in the file (<c>checks: { duplicates: false }</c>).
/// </summary>
internal static class ConfigKeys
{
    /// <summary>The keys, in the order the schema lists them.</summary>
    public static IReadOnlyList<ConfigKey> All { get; } =
    [
        ConfigKey.String("kubernetesVersion", "--kubernetes-version", "Kubernetes minor version to validate for, e.g. \"1.35\".",
            (s, v) => s with { KubernetesVersion = v.KubernetesVersion() }),
        ConfigKey.StringList("schemas", "--schemas", "Extra schema folders or files (okegitops schema files or CRD YAML), relative to this file.",
            (s, v) => s with { SchemaDirectories = v.SchemaPaths() }),
        ConfigKey.Boolean("strict", "--strict", "Unknown fields are errors (true, the default) or warnings (false).",
            (s, v) => s with { Strict = v.Boolean() }),
        ConfigKey.Boolean("ignoreMissingSchemas", "--ignore-missing-schemas", "Skip documents whose kind has no schema instead of failing them.",
            (s, v) => s with { IgnoreMissingSchemas = v.Boolean() }),
        ConfigKey.StringList("skip", "--skip", "Kinds to skip, as KIND or GROUP/VERSION/KIND.",
            (s, v) => s with { Skip = v.Strings() }),
        ConfigKey.StringList("reject", "--reject", "Kinds to refuse, as KIND or GROUP/VERSION/KIND.",
            (s, v) => s with { Reject = v.Strings() }),
        ConfigKey.StringList("ignoreFilenamePatterns", "--ignore-filename-pattern", "Regular expressions of file paths to ignore.",
            (s, v) => s with { IgnorePatterns = v.Regexes() }),
        ConfigKey.StringList("allowSecrets", "--allow-secret", "Secrets (name or namespace/name) allowed to carry data.",
            (s, v) => s with { AllowedSecrets = new HashSet<string>(v.Strings(), StringComparer.Ordinal) }),
        ConfigKey.String("groupByPath", "--group-by-path", "Regular expression over file paths; duplicate and reference checks compare only files with the same match.",
            (s, v) => s with { GroupByPath = v.Regex() }),
        ConfigKey.ClusterMap("clusters", null, "Cluster name to the files and folders (ending in '/') bound for it, relative to this file; duplicate and reference checks compare only files of the same cluster.",
            (s, v) => s with { ClusterScopes = v.ClusterScopes() }),
        ConfigKey.Boolean("strictReferences", "--strict-references", "Every unresolved reference is an error, even to a kind the input holds none of.",
            (s, v) => s with { StrictReferences = v.Boolean() }),
        ConfigKey.Boolean("expandAppSets", "--expand-appsets", "Also validate the Applications the input's ApplicationSets generate, with the input's cluster Secrets.",
            (s, v) => s with { ExpandAppSets = v.Boolean() }),
        ConfigKey.String("appSets.now", "--now", "With expandAppSets: the RFC 3339 instant Go templates see as now (now, date, ago, ...); default: the real clock.",
            (s, v) => s with { AppSetNow = v.Instant() }),
        ConfigKey.Integer("appSets.seed", "--seed", "With expandAppSets: the seed of the random template functions (uuidv4, randAlphaNum, ...).",
            (s, v) => s with { AppSetSeed = v.Integer() }),
        ConfigKey.Boolean("checks.duplicates", "--no-duplicate-check", "Report two documents with the same group, kind, namespace and name (default true).",
            (s, v) => s with { CheckDuplicates = v.Boolean() }),
        ConfigKey.Boolean("checks.secrets", "--no-secret-check", "Refuse Secrets that carry data or stringData (default true).",
            (s, v) => s with { CheckSecrets = v.Boolean() }),
        ConfigKey.Boolean("checks.references", "--no-reference-check", "Check references between documents (default true).",
            (s, v) => s with { CheckReferences = v.Boolean() }),
        ConfigKey.Boolean("checks.ociLint", "--no-oci-lint", "Check OCI load-balancer annotations and Service rules (default true).",
            (s, v) => s with { OciLint = v.Boolean() }),
    ];

    /// <summary>The key with this dotted name, or <c>null</c>.</summary>
    public static ConfigKey? Find(string name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>The section names (the part before the dot of nested keys).</summary>
    public static IEnumerable<string> Sections => All.Where(k => k.Name.Contains('.')).Select(k => k.Name[..k.Name.IndexOf('.')]).Distinct();

    /// <summary>The top-level names: plain keys and sections.</summary>
    public static IEnumerable<string> TopLevel => All.Where(k => !k.Name.Contains('.')).Select(k => k.Name).Concat(Sections);

    internal static readonly Regex KubernetesVersionPattern = new(@"^1\.[0-9]{1,3}$", RegexOptions.CultureInvariant);
}
