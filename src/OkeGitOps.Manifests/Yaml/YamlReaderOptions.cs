namespace OkeGitOps.Manifests.Yaml;

/// <summary>
/// Limits that keep <see cref="YamlReader"/> safe on hostile input. Each limit, when exceeded,
/// stops reading with a diagnostic that names it.
/// </summary>
public sealed record YamlReaderOptions
{
    /// <summary>The defaults: 16 MiB per document, 100 levels of nesting, 100,000 nodes reached through aliases.</summary>
    public static YamlReaderOptions Default { get; } = new();

    /// <summary>The largest document, in characters, that will be read.</summary>
    public int MaxDocumentChars { get; init; } = 16 * 1024 * 1024;

    /// <summary>The deepest nesting of mappings and lists that will be read (at most 1,000).</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>
    /// How many nodes, in total, aliases may copy into one document. This stops "billion laughs" inputs
    /// whose aliases expand to far more nodes than the text holds.
    /// </summary>
    public int MaxAliasExpansion { get; init; } = 100_000;
}
