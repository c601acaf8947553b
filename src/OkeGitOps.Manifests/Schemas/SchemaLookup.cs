namespace OkeGitOps.Manifests.Schemas;

/// <summary>What a <see cref="SchemaRegistry.Lookup"/> found.</summary>
public enum SchemaLookupStatus
{
    /// <summary>A served schema exists for the apiVersion and kind.</summary>
    Found,

    /// <summary>
    /// The kind exists in the group, but not as a served version under this apiVersion: the version is recorded as
    /// unserved (e.g. a removed beta) or not known at all. <see cref="SchemaLookup.ServedApiVersions"/> says what to use.
    /// </summary>
    UnservedVersion,

    /// <summary>The apiVersion is known but has no such kind. <see cref="SchemaLookup.Suggestions"/> holds near misses.</summary>
    UnknownKind,

    /// <summary>No schema at all is known for the apiVersion. <see cref="SchemaLookup.Suggestions"/> may name where the kind lives.</summary>
    UnknownGroupVersion,
}

/// <summary>
/// The outcome of looking up an apiVersion and kind: the schema when found, and otherwise an explanation of the
/// miss that a validator can turn into a diagnostic as it stands.
/// </summary>
public sealed class SchemaLookup
{
    internal SchemaLookup(
        SchemaLookupStatus status,
        string apiVersion,
        string kind,
        ResourceSchema? schema,
        IReadOnlyList<string> servedApiVersions,
        IReadOnlyList<string> suggestions,
        string message,
        string? suggestion)
    {
        Status = status;
        ApiVersion = apiVersion;
        Kind = kind;
        Schema = schema;
        ServedApiVersions = servedApiVersions;
        Suggestions = suggestions;
        Message = message;
        Suggestion = suggestion;
    }

    /// <summary>What was found.</summary>
    public SchemaLookupStatus Status { get; }

    /// <summary>True when a served schema was found.</summary>
    public bool IsFound => Status == SchemaLookupStatus.Found;

    /// <summary>The apiVersion that was looked up.</summary>
    public string ApiVersion { get; }

    /// <summary>The kind that was looked up.</summary>
    public string Kind { get; }

    /// <summary>
    /// The schema: the served one when <see cref="Status"/> is <see cref="SchemaLookupStatus.Found"/>, the recorded
    /// unserved one for <see cref="SchemaLookupStatus.UnservedVersion"/> when the version is recorded, otherwise <c>null</c>.
    /// </summary>
    public ResourceSchema? Schema { get; }

    /// <summary>For an unserved version: the apiVersions that serve the kind, preferred first (e.g. <c>external-secrets.io/v1</c>).</summary>
    public IReadOnlyList<string> ServedApiVersions { get; }

    /// <summary>
    /// Near misses: kind names for <see cref="SchemaLookupStatus.UnknownKind"/>; for
    /// <see cref="SchemaLookupStatus.UnknownGroupVersion"/>, apiVersions that do have the kind, or else similar apiVersions.
    /// </summary>
    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>One sentence saying what was found or why nothing was.</summary>
    public string Message { get; }

    /// <summary>What to write instead, when there is something specific to say.</summary>
    public string? Suggestion { get; }

    /// <inheritdoc />
    public override string ToString() => Suggestion is null ? Message : $"{Message} ({Suggestion})";
}
