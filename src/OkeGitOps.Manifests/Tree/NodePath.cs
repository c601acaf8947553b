using System.Text;

namespace OkeGitOps.Manifests.Tree;

/// <summary>
/// The position of a node inside a document, printed the way people write YAML paths:
/// <c>spec.ports[0].port</c>, or <c>metadata.annotations["oci.oraclecloud.com/x"]</c> for keys that are not plain words.
/// </summary>
public sealed class NodePath : IEquatable<NodePath>
{
    // A path is its parent plus one segment, so extending a path costs one small object whatever its depth; the
    // segment list is built on first use only (most paths made while walking a document are never read).
    private readonly NodePath? _parent;
    private readonly object? _segment;
    private readonly int _depth;
    private object[]? _segments;

    private NodePath(NodePath? parent, object? segment)
    {
        _parent = parent;
        _segment = segment;
        _depth = parent is null ? 0 : parent._depth + 1;
    }

    /// <summary>The path of a document's root node.</summary>
    public static NodePath Root { get; } = new(null, null);

    /// <summary>The segments of the path: each is a <see cref="string"/> map key or an <see cref="int"/> list index.</summary>
    public IReadOnlyList<object> Segments => _segments ??= BuildSegments();

    /// <summary>True for the root path.</summary>
    public bool IsRoot => _depth == 0;

    /// <summary>The last segment's key when it is a map key, otherwise <c>null</c>.</summary>
    public string? LastKey => _segment as string;

    /// <summary>The path one level up, or the root for the root.</summary>
    public NodePath Parent => _parent ?? this;

    /// <summary>Returns this path extended by a map key.</summary>
    public NodePath Key(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(this, key);
    }

    /// <summary>Returns this path extended by a list index.</summary>
    public NodePath Index(int index) => new(this, index);

    private object[] BuildSegments()
    {
        var segments = new object[_depth];
        for (var p = this; p._parent is not null; p = p._parent) segments[p._depth - 1] = p._segment!;
        return segments;
    }

    /// <summary>Parses a path written as <see cref="ToString"/> prints it.</summary>
    /// <exception cref="FormatException">The text is not a well-formed path.</exception>
    public static NodePath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var path = Root;
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
                    path = path.Key(Unescape(text[(i + 2)..end]));
                    i = end + 2;
                }
                else
                {
                    path = path.Index(int.Parse(inner, System.Globalization.CultureInfo.InvariantCulture));
                    i = close + 1;
                }
                continue;
            }
            var start = i;
            while (i < text.Length && text[i] != '.' && text[i] != '[') i++;
            path = path.Key(text[start..i]);
        }
        return path;
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
        if (IsRoot) return "$";
        var sb = new StringBuilder();
        foreach (var segment in Segments)
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
    public bool Equals(NodePath? other)
    {
        if (other is null || other._depth != _depth) return false;
        for (NodePath? a = this, b = other; a is not null && !ReferenceEquals(a, b); a = a._parent, b = b!._parent)
        {
            if (!Equals(a._segment, b!._segment)) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NodePath);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var s in Segments) hash.Add(s);
        return hash.ToHashCode();
    }
}
