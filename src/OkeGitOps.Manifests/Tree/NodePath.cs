using System.Collections.Immutable;
using System.Text;

namespace OkeGitOps.Manifests.Tree;

/// <summary>
/// The position of a node inside a document, printed the way people write YAML paths:
/// <c>spec.ports[0].port</c>, or <c>metadata.annotations["oci.oraclecloud.com/x"]</c> for keys that are not plain words.
/// </summary>
public sealed class NodePath : IEquatable<NodePath>
{
    private readonly ImmutableArray<object> _segments;

    private NodePath(ImmutableArray<object> segments) => _segments = segments;

    /// <summary>The path of a document's root node.</summary>
    public static NodePath Root { get; } = new(ImmutableArray<object>.Empty);

    /// <summary>The segments of the path: each is a <see cref="string"/> map key or an <see cref="int"/> list index.</summary>
    public IReadOnlyList<object> Segments => _segments;

    /// <summary>True for the root path.</summary>
    public bool IsRoot => _segments.IsEmpty;

    /// <summary>The last segment's key when it is a map key, otherwise <c>null</c>.</summary>
    public string? LastKey => _segments.IsEmpty ? null : _segments[^1] as string;

    /// <summary>The path one level up, or the root for the root.</summary>
    public NodePath Parent => _segments.IsEmpty ? this : new NodePath(_segments.RemoveAt(_segments.Length - 1));

    /// <summary>Returns this path extended by a map key.</summary>
    public NodePath Key(string key) => new(_segments.Add(key));

    /// <summary>Returns this path extended by a list index.</summary>
    public NodePath Index(int index) => new(_segments.Add(index));

    /// <summary>Parses a path written as <see cref="ToString"/> prints it.</summary>
    /// <exception cref="FormatException">The text is not a well-formed path.</exception>
    public static NodePath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = ImmutableArray.CreateBuilder<object>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '.') { i++; continue; }
            if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0) throw new FormatException($"Unclosed '[' in path '{text}'.");
                var inner = text[(i + 1)..close];
                if (inner.StartsWith('"'))
                {
                    var end = FindClosingQuote(text, i + 2);
                    builder.Add(Unescape(text[(i + 2)..end]));
                    i = end + 2;
                }
                else
                {
                    builder.Add(int.Parse(inner, System.Globalization.CultureInfo.InvariantCulture));
                    i = close + 1;
                }
                continue;
            }
            var start = i;
            while (i < text.Length && text[i] != '.' && text[i] != '[') i++;
            builder.Add(text[start..i]);
        }
        return new NodePath(builder.ToImmutable());
    }

    private static int FindClosingQuote(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '"') return i;
        }
        throw new FormatException($"Unclosed quote in path '{text}'.");
    }

    private static string Unescape(string s) => s.Replace("\\\"", "\"").Replace("\\\\", "\\");

    /// <inheritdoc />
    public override string ToString()
    {
        if (_segments.IsEmpty) return "$";
        var sb = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (segment is int index)
            {
                sb.Append('[').Append(index).Append(']');
            }
            else
            {
                var key = (string)segment;
                if (IsPlainWord(key))
                {
                    if (sb.Length > 0) sb.Append('.');
                    sb.Append(key);
                }
                else
                {
                    sb.Append("[\"").Append(key.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"]");
                }
            }
        }
        return sb.ToString();
    }

    private static bool IsPlainWord(string key)
    {
        if (key.Length == 0) return false;
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '$')) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public bool Equals(NodePath? other) => other is not null && _segments.SequenceEqual(other._segments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NodePath);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var s in _segments) hash.Add(s);
        return hash.ToHashCode();
    }
}
