namespace OkeGitOps.Manifests.Tree;

/// <summary>
/// Where a node came from in its source text: an optional file name plus a 1-based line and column.
/// Nodes built in code have no location.
/// </summary>
/// <param name="File">The file the text came from, or <c>null</c> for text that had no file (a string or stdin).</param>
/// <param name="Line">The 1-based line of the node's first character.</param>
/// <param name="Column">The 1-based column of the node's first character.</param>
public sealed record SourceLocation(string? File, int Line, int Column)
{
    /// <summary>
    /// Formats the location as <c>file:line:col</c>, leaving out the file when there is none, and line and column
    /// when they are unknown (0, for manifests built in code).
    /// </summary>
    public override string ToString() => (File, Line) switch
    {
        (null, _) => $"{Line}:{Column}",
        (_, <= 0) => File,
        _ => $"{File}:{Line}:{Column}",
    };
}
