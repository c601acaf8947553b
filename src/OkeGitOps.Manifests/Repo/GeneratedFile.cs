using System.Text;

namespace OkeGitOps.Manifests.Repo;

/// <summary>One file of rendered output: a path relative to the output folder and its full text.</summary>
/// <remarks>
/// The text is held as the UTF-8 bytes that will be written (half the memory of a string for manifests, which are
/// almost all ASCII), so a repository of a quarter of a million files fits in memory until it is written.
/// Two files are equal when their paths and texts are.
/// </remarks>
public sealed record GeneratedFile
{
    /// <summary>UTF-8 without a byte order mark, refusing text that is not valid UTF-16.</summary>
    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly byte[] _utf8 = [];

    /// <summary>Creates a file.</summary>
    /// <param name="relativePath">Forward-slash path inside the output folder, e.g. <c>clusters/eu-frankfurt-1/argocd.yaml</c>.</param>
    /// <param name="content">The complete file text.</param>
    /// <exception cref="ArgumentException"><paramref name="content"/> is not valid UTF-16 (it holds an unpaired surrogate).</exception>
    public GeneratedFile(string relativePath, string content)
    {
        RelativePath = relativePath;
        Content = content;
    }

    /// <summary>A file over bytes already encoded; they are shared, not copied, and must not change afterwards.</summary>
    internal GeneratedFile(string relativePath, byte[] utf8)
    {
        RelativePath = relativePath;
        _utf8 = utf8;
    }

    /// <summary>Forward-slash path inside the output folder.</summary>
    public string RelativePath { get; init; }

    /// <summary>The complete file text.</summary>
    /// <exception cref="ArgumentException">The text set is not valid UTF-16 (it holds an unpaired surrogate).</exception>
    public string Content
    {
        get => Utf8.GetString(_utf8);
        init => _utf8 = Utf8.GetBytes(value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>The text as the UTF-8 bytes written to disk (no byte order mark).</summary>
    public ReadOnlySpan<byte> Utf8Content => _utf8;

    /// <summary>The path and the text.</summary>
    public void Deconstruct(out string relativePath, out string content)
    {
        relativePath = RelativePath;
        content = Content;
    }

    /// <inheritdoc />
    public bool Equals(GeneratedFile? other)
        => other is not null && RelativePath == other.RelativePath && _utf8.AsSpan().SequenceEqual(other._utf8);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(RelativePath);
        hash.AddBytes(_utf8);
        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("RelativePath = ").Append(RelativePath).Append(", Content = ").Append(_utf8.Length).Append(" bytes");
        return true;
    }
}
