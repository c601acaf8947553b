namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// A Go template failed to parse or to execute. The message reads like Go's own
/// (<c>template: :1:2: executing "" at &lt;.x&gt;: map has no entry for key "x"</c>).
/// </summary>
public sealed class GoTemplateException : Exception
{
    /// <summary>Creates the exception with Go's message and the position it names.</summary>
    /// <param name="message">The message, in Go's words.</param>
    /// <param name="line">The 1-based line in the template text.</param>
    /// <param name="column">The 0-based byte column on that line, as Go counts it.</param>
    public GoTemplateException(string message, int line, int column) : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line in the template text where the problem is.</summary>
    public int Line { get; }

    /// <summary>The 0-based column on <see cref="Line"/>, as Go reports it.</summary>
    public int Column { get; }
}
