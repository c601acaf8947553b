namespace OkeGitOps.Manifests.Schemas;

/// <summary>One schema file produced by <see cref="CrdImporter"/>: where it goes, what it says, and its exact text.</summary>
/// <param name="RelativePath">
/// The file's path below a schemas folder, with <c>/</c> separators: <c>&lt;group or core&gt;/&lt;version&gt;/&lt;kind in lower case&gt;.json</c>.
/// </param>
/// <param name="Schema">The schema the file describes, read back from <paramref name="Json"/>.</param>
/// <param name="Json">The canonical file text (sorted keys, 2-space indent, final newline); the same input always gives the same text.</param>
public sealed record ImportedSchema(string RelativePath, ResourceSchema Schema, string Json)
{
    /// <summary>The input file the schema came from, for messages.</summary>
    internal string? SourceFile { get; init; }
}
