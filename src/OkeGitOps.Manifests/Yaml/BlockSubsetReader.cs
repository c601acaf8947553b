using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Yaml;

/// <summary>
/// Reads the plain block style nearly every manifest is written in, without YamlDotNet's scanner and parser:
/// ASCII text, block mappings and lists, one-line plain, single- and double-quoted (no escapes) scalars, comments,
/// and documents split by <c>---</c> lines. The first thing outside that subset (anchors, aliases, tags, flow
/// collections, block and multi-line scalars, quoted or merge keys, empty values, empty documents, directives, tabs,
/// carriage returns, non-ASCII text, duplicate keys, anything malformed) makes it give up, and
/// <see cref="YamlReader"/> reads the text with YamlDotNet instead. When it does not give up, its trees, scalar
/// values and locations are the ones the YamlDotNet path builds.
/// </summary>
internal sealed class BlockSubsetReader
{
    // Printable ASCII and the line feed; anything else (tabs, carriage returns, NUL, BOM, non-ASCII) is left to YamlDotNet.
    private static readonly SearchValues<char> Subset = SearchValues.Create(
        "\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    // Characters that start a flow collection, a block scalar, an anchor, an alias or a tag when they open a value.
    private static readonly SearchValues<char> ValueIndicators = SearchValues.Create("{[|>&*!");

    private readonly string _text;
    private readonly string? _file;
    private readonly int _maxDepth;
    private readonly List<List<MappingEntry>> _entryLists = [];
    private readonly List<List<ManifestNode>> _itemLists = [];

    // The current content line: its 1-based number, where it starts and ends, and where its content (or, after a
    // "- " that opens a mapping, the rest of it) starts. End of text and "---" lines are marked apart.
    private int _line;
    private int _lineStart;
    private int _lineEnd;
    private int _content;
    private bool _atEnd;
    private bool _atDocumentStart;

    private BlockSubsetReader(string text, string? file, int maxDepth)
    {
        _text = text;
        _file = file;
        _maxDepth = maxDepth;
    }

    /// <summary>The documents of <paramref name="text"/>, or null when the text is not all in the subset.</summary>
    public static IReadOnlyList<ManifestDocument>? TryRead(string text, string? file, YamlReaderOptions options)
    {
        if (text.Length > options.MaxDocumentChars || text.AsSpan().ContainsAnyExcept(Subset) || OpensValueOutsideSubset(text)) return null;
        try
        {
            return new BlockSubsetReader(text, file, options.MaxDepth).Documents();
        }
        catch (OutsideSubset)
        {
            return null;
        }
    }

    /// <summary>
    /// True when a value opens with a flow collection, block scalar, anchor, alias or tag (after ": " or "- "): one quick
    /// pass, so that text this reader would give up on late is not read twice. Elsewhere these characters are plain text.
    /// </summary>
    private static bool OpensValueOutsideSubset(string text)
    {
        for (var from = 0; ; )
        {
            var found = text.AsSpan(from).IndexOfAny(ValueIndicators);
            if (found < 0) return false;
            var at = from + found;
            if (at >= 2 && text[at - 1] == ' ' && text[at - 2] is ':' or '-') return true;
            from = at + 1;
        }
    }

    /// <summary>Thrown at the first construct outside the subset, to hand the text to YamlDotNet.</summary>
    private sealed class OutsideSubset : Exception;

    private List<ManifestDocument> Documents()
    {
        var documents = new List<ManifestDocument>();
        _line = 0;
        _lineEnd = -1;
        NextContentLine();
        if (_atEnd) throw new OutsideSubset();
        var index = 0;
        while (!_atEnd)
        {
            if (_atDocumentStart)
            {
                NextContentLine();
                if (_atEnd || _atDocumentStart) throw new OutsideSubset();
            }
            var root = Block(Indent, 1);
            if (!_atEnd && !_atDocumentStart) throw new OutsideSubset();
            documents.Add(new ManifestDocument(root, _file, index++, root.Location!.Line));
        }
        return documents;
    }

    private int Indent => _content - _lineStart;

    /// <summary>Moves to the next line that holds more than spaces and a comment.</summary>
    private void NextContentLine()
    {
        var text = _text;
        while (true)
        {
            _lineStart = _lineEnd + 1;
            _line++;
            if (_lineStart >= text.Length)
            {
                _atEnd = true;
                return;
            }
            var end = text.IndexOf('\n', _lineStart);
            _lineEnd = end < 0 ? text.Length : end;
            var content = _lineStart;
            while (content < _lineEnd && text[content] == ' ') content++;
            if (content == _lineEnd || text[content] == '#') continue;
            _content = content;
            _atDocumentStart = false;
            if (content == _lineStart && text[content] is '-' or '.' or '%')
            {
                if (text.AsSpan(_lineStart, _lineEnd - _lineStart) is "---")
                {
                    _atDocumentStart = true;
                    return;
                }
                if (text[content] != '-' || StartsWith("---") || StartsWith("...")) throw new OutsideSubset();
            }
            return;
        }
    }

    private bool StartsWith(string marker) => _text.AsSpan(_lineStart, _lineEnd - _lineStart).StartsWith(marker, StringComparison.Ordinal);

    private bool InBlock => !_atEnd && !_atDocumentStart;

    private bool AtSequenceEntry => _text[_content] == '-' && (_content + 1 == _lineEnd || _text[_content + 1] == ' ');

    private ManifestNode Block(int indent, int depth) => AtSequenceEntry ? Sequence(indent, depth) : Mapping(indent, depth);

    private MappingNode Mapping(int indent, int depth)
    {
        if (depth > _maxDepth) throw new OutsideSubset();
        var location = Location(_content);
        var entries = Scratch(_entryLists, depth);
        while (true)
        {
            if (AtSequenceEntry) throw new OutsideSubset();
            var keyStart = _content;
            // A key is a plain scalar right before ": " (or a colon ending the line), within YamlDotNet's 1024-character limit.
            var (keyEnd, stopAt, stop) = PlainScalarEnd(keyStart);
            if (stop != PlainStop.Colon || keyEnd == keyStart || keyEnd != stopAt || keyEnd - keyStart > 1000 || !CanStartPlain(keyStart))
                throw new OutsideSubset();
            var key = _text.Substring(keyStart, keyEnd - keyStart);
            if (key == "<<") throw new OutsideSubset();
            var keyLocation = Location(keyStart);
            var value = ValueAfter(keyEnd + 1, indent, depth, allowIndentlessSequence: true);
            entries.Add(new MappingEntry(key, value, keyLocation));
            if (!InBlock || Indent < indent) break;
            if (Indent > indent) throw new OutsideSubset();
        }
        var immutable = ImmutableArray.Create(CollectionsMarshal.AsSpan(entries));
        entries.Clear();
        try
        {
            return new MappingNode(immutable, location);
        }
        catch (ArgumentException)
        {
            // A duplicate key: YamlDotNet's path reports it with both locations.
            throw new OutsideSubset();
        }
    }

    private SequenceNode Sequence(int indent, int depth)
    {
        if (depth > _maxDepth) throw new OutsideSubset();
        var location = Location(_content);
        var items = Scratch(_itemLists, depth);
        while (true)
        {
            var itemStart = SkipSpaces(_content + 1);
            ManifestNode item;
            if (itemStart < _lineEnd && _text[itemStart] != '#' && IsKey(itemStart))
            {
                _content = itemStart;
                item = Mapping(Indent, depth + 1);
            }
            else
            {
                item = ValueAfter(_content + 1, indent, depth, allowIndentlessSequence: false);
            }
            items.Add(item);
            if (!InBlock || Indent < indent) break;
            if (Indent > indent) throw new OutsideSubset();
            if (!AtSequenceEntry) break;
        }
        var immutable = ImmutableArray.Create(CollectionsMarshal.AsSpan(items));
        items.Clear();
        return new SequenceNode(immutable, location);
    }

    /// <summary>
    /// Reads the value that starts at <paramref name="from"/> (after a key's colon or a list dash) on the current line,
    /// or on the lines below when the line ends there, and leaves the reader on the next content line.
    /// </summary>
    private ManifestNode ValueAfter(int from, int indent, int depth, bool allowIndentlessSequence)
    {
        if (from < _lineEnd && _text[from] != ' ') throw new OutsideSubset();
        var start = SkipSpaces(from);
        if (start == _lineEnd || _text[start] == '#')
        {
            NextContentLine();
            if (InBlock && Indent > indent) return Block(Indent, depth + 1);
            if (allowIndentlessSequence && InBlock && Indent == indent && AtSequenceEntry) return Sequence(indent, depth + 1);
            // An empty value: YamlDotNet places its null where the next token starts; leave that to it.
            throw new OutsideSubset();
        }
        var value = Scalar(start);
        NextContentLine();
        // A deeper line after a scalar continues it (a multi-line scalar) or is an error.
        if (InBlock && Indent > indent) throw new OutsideSubset();
        return value;
    }

    private ScalarNode Scalar(int start)
    {
        var location = Location(start);
        switch (_text[start])
        {
            case '"':
            {
                var close = _text.AsSpan(start + 1, _lineEnd - start - 1).IndexOfAny('"', '\\');
                if (close < 0 || _text[start + 1 + close] == '\\') throw new OutsideSubset();
                ExpectLineEnd(start + 2 + close);
                return new StringNode(_text.Substring(start + 1, close), location);
            }
            case '\'':
            {
                // '' stands for one quote.
                var at = start + 1;
                var doubled = false;
                while (true)
                {
                    var quote = _text.AsSpan(at, _lineEnd - at).IndexOf('\'');
                    if (quote < 0) throw new OutsideSubset();
                    at += quote + 1;
                    if (at < _lineEnd && _text[at] == '\'')
                    {
                        doubled = true;
                        at++;
                        continue;
                    }
                    break;
                }
                ExpectLineEnd(at);
                var value = _text.Substring(start + 1, at - start - 2);
                return new StringNode(doubled ? value.Replace("''", "'", StringComparison.Ordinal) : value, location);
            }
            default:
            {
                if (!CanStartPlain(start)) throw new OutsideSubset();
                var (end, _, stop) = PlainScalarEnd(start);
                if (stop == PlainStop.Colon) throw new OutsideSubset();
                return YamlScalars.ResolvePlain(_text.Substring(start, end - start), location);
            }
        }
    }

    // After a quoted scalar only spaces and a comment may follow on its line.
    private void ExpectLineEnd(int at)
    {
        var rest = SkipSpaces(at);
        if (rest < _lineEnd && (_text[rest] != '#' || rest == at)) throw new OutsideSubset();
    }

    private enum PlainStop { LineEnd, Comment, Colon }

    /// <summary>
    /// Where a one-line plain scalar starting at <paramref name="start"/> ends (trailing spaces dropped), and what ends
    /// it, and where: the line end, a comment (" #"), or a colon followed by a space or the line end (the scalar is a key).
    /// </summary>
    private (int End, int StopAt, PlainStop Stop) PlainScalarEnd(int start)
    {
        var text = _text;
        var i = start;
        var stop = PlainStop.LineEnd;
        for (; i < _lineEnd; i++)
        {
            var c = text[i];
            if (c == ':' && (i + 1 == _lineEnd || text[i + 1] == ' '))
            {
                stop = PlainStop.Colon;
                break;
            }
            if (c == '#' && i > start && text[i - 1] == ' ')
            {
                stop = PlainStop.Comment;
                break;
            }
        }
        var end = i;
        while (end > start && text[end - 1] == ' ') end--;
        return (end, i, stop);
    }

    // Indicators that start something other than a plain scalar (or might), and "-" before a space.
    private bool CanStartPlain(int at)
    {
        var c = _text[at];
        if (c is '-') return at + 1 < _lineEnd && _text[at + 1] != ' ';
        return c is not ('?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`');
    }

    private bool IsKey(int start) => CanStartPlain(start) && PlainScalarEnd(start).Stop == PlainStop.Colon;

    private int SkipSpaces(int at)
    {
        while (at < _lineEnd && _text[at] == ' ') at++;
        return at;
    }

    private SourceLocation Location(int at) => new(_file, _line, at - _lineStart + 1);

    // One list per nesting level, reused for every mapping or list at that level.
    private static List<T> Scratch<T>(List<List<T>> lists, int depth)
    {
        while (lists.Count <= depth) lists.Add([]);
        return lists[depth];
    }
}
