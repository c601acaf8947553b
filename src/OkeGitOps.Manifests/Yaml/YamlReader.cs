using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OkeGitOps.Manifests.Yaml;

/// <summary>
/// Reads YAML text (one or many documents) into manifest trees whose nodes carry file, line and column.
/// Plain scalars are resolved as Kubernetes' YAML 1.1 parser resolves them. Duplicate keys, hostile
/// nesting, alias bombs, oversized documents and bad encodings stop reading with a <see cref="YamlReadException"/>
/// that says what is wrong and where. Whatever the underlying parser throws is turned into that exception too,
/// so for bad text no other exception type ever leaves the reader.
/// </summary>
public static partial class YamlReader
{
    /// <summary>Reads every document of a YAML stream held in a string.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The file name to put in locations and diagnostics, if any.</param>
    /// <param name="options">Limits; <see cref="YamlReaderOptions.Default"/> when null.</param>
    /// <exception cref="YamlReadException">The text is not valid YAML or breaks a limit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> sets <c>MaxDepth</c> outside 1..1000.</exception>
    public static IReadOnlyList<ManifestDocument> ReadAll(string text, string? file = null, YamlReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('\uFEFF')) text = text[1..];
        return Read(new StringReader(text), file, options, text).ToList();
    }

    /// <summary>Reads every document of UTF-8 encoded YAML, reporting invalid UTF-8 with its line and column.</summary>
    /// <exception cref="YamlReadException">The bytes are not UTF-8, not valid YAML, or break a limit.</exception>
    public static IReadOnlyList<ManifestDocument> ReadAll(ReadOnlySpan<byte> utf8, string? file = null, YamlReaderOptions? options = null)
        => ReadAll(DecodeUtf8(utf8, file), file, options);

    /// <summary>Reads every document of a YAML file.</summary>
    /// <exception cref="YamlReadException">The file is not UTF-8, not valid YAML, or breaks a limit.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<ManifestDocument> ReadFile(string path, YamlReaderOptions? options = null)
        => ReadAll(File.ReadAllBytes(path), path, options);

    /// <summary>
    /// Reads the documents of a YAML file one at a time, without holding the file or all its trees in memory.
    /// Invalid UTF-8 is reported with its line and column.
    /// </summary>
    /// <exception cref="YamlReadException">Thrown while enumerating, at the first problem.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IEnumerable<ManifestDocument> EnumerateFile(string path, YamlReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Small files (nearly all manifests) are read whole: one read, and UTF-8 errors located directly.
        if (new FileInfo(path).Length <= WholeFileLimit) return EnumerateUtf8(File.ReadAllBytes(path), path, options);
        return EnumerateLargeFile(path, options);
    }

    /// <summary>The size up to which <see cref="EnumerateFile"/> reads a file whole.</summary>
    internal const long WholeFileLimit = 1024 * 1024;

    /// <summary>
    /// Reads the documents of UTF-8 encoded YAML one at a time, as <see cref="EnumerateFile"/> does for a file it reads
    /// whole; invalid UTF-8 is reported at once, with its line and column.
    /// </summary>
    internal static IEnumerable<ManifestDocument> EnumerateUtf8(ReadOnlySpan<byte> utf8, string? file, YamlReaderOptions? options = null)
    {
        var text = DecodeUtf8(utf8, file);
        return Read(new StringReader(text), file, options, text);
    }

    private static IEnumerable<ManifestDocument> EnumerateLargeFile(string path, YamlReaderOptions? options)
    {
        // Buffers stay below the large-object-heap threshold, so streaming many files does not churn the GC.
        using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024);
        using var documents = Read(reader, path, options).GetEnumerator();
        while (true)
        {
            try
            {
                if (!documents.MoveNext()) yield break;
            }
            catch (DecoderFallbackException)
            {
                // Only on the error path: find the bad byte's line and column by scanning the file.
                DecodeUtf8(File.ReadAllBytes(path), path);
                throw new YamlReadException(Diagnostic.Error("yaml-invalid-utf8", "the file is not valid UTF-8",
                    location: new SourceLocation(path, 1, 1), suggestion: "save the file as UTF-8"));
            }
            yield return documents.Current;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the documents of a YAML stream one at a time, so that a long stream is never held in memory whole.
    /// </summary>
    /// <exception cref="YamlReadException">Thrown while enumerating, at the first document that is not valid YAML or breaks a limit.</exception>
    /// <exception cref="IOException">The reader fails.</exception>
    public static IEnumerable<ManifestDocument> Read(TextReader reader, string? file = null, YamlReaderOptions? options = null)
        => Read(reader, file, options, null);

    private static IEnumerable<ManifestDocument> Read(TextReader reader, string? file, YamlReaderOptions? options, string? text)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= YamlReaderOptions.Default;
        if (options.MaxDepth is < 1 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(options), "MaxDepth must lie in 1..1000.");
        // Text held whole in the plain block style of nearly every manifest is read without YamlDotNet.
        if (text is not null && BlockSubsetReader.TryRead(text, file, options) is { } documents) return documents;
        return ReadWithYamlDotNet(reader, file, options, text);
    }

    /// <summary>
    /// Reads with YamlDotNet's parser: every text that <see cref="BlockSubsetReader"/> does not take, and the reference
    /// that reader is tested against. <paramref name="text"/>, when given, is what <paramref name="reader"/> reads.
    /// </summary>
    internal static IEnumerable<ManifestDocument> ReadWithYamlDotNet(TextReader reader, string? file, YamlReaderOptions options, string? text)
    {
        if (text is not null)
        {
            if (text.IndexOf('\0') is var nul and >= 0) throw NulFound(file, text.AsSpan(0, nul));
            // YamlDotNet's scanner can loop for ever on a byte-order mark followed by a comment: never hand it one.
            if (text.StartsWith('\uFEFF')) reader = new StringReader(text[1..]);
        }
        else
        {
            reader = new NulGuardReader(reader, file);
        }
        var scanner = new Scanner(reader, skipComments: true);
        var state = new ReadState(new Parser(scanner), scanner, file, options, text);
        return state.Documents();
    }

    // The parser takes NUL for the end of the stream, so everything after one would be dropped without a word.
    private static YamlReadException NulFound(string? file, ReadOnlySpan<char> before)
    {
        var line = 1 + before.Count('\n');
        var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
        return new YamlReadException(Diagnostic.Error("yaml-nul", "the text contains a NUL character (byte 0x00), which YAML does not allow",
            location: new SourceLocation(file, line, column), suggestion: "remove it; a file with NUL bytes is usually binary, not YAML"));
    }

    /// <summary>Passes a streamed text through, failing at the first NUL with its line and column.</summary>
    private sealed class NulGuardReader(TextReader inner, string? file) : TextReader
    {
        private int _line = 1, _column = 1;
        private bool _started;

        public override int Peek()
        {
            Start();
            return inner.Peek();
        }

        // A leading byte-order mark is dropped, as for text read whole (the scanner can hang on one before a comment).
        private void Start()
        {
            if (_started) return;
            _started = true;
            if (inner.Peek() == '\uFEFF') inner.Read();
        }

        public override int Read()
        {
            Start();
            var c = inner.Read();
            if (c >= 0) Track((char)c);
            return c;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            Start();
            var n = inner.Read(buffer);
            foreach (var c in buffer[..n]) Track(c);
            return n;
        }

        private void Track(char c)
        {
            if (c == '\0')
            {
                throw new YamlReadException(Diagnostic.Error("yaml-nul", "the text contains a NUL character (byte 0x00), which YAML does not allow",
                    location: new SourceLocation(file, _line, _column), suggestion: "remove it; a file with NUL bytes is usually binary, not YAML"));
            }
            if (c == '\n') { _line++; _column = 1; }
            else _column++;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Decodes UTF-8, dropping a byte-order mark, and reports the first invalid byte by line and column.</summary>
    internal static string DecodeUtf8(ReadOnlySpan<byte> bytes, string? file)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        // Valid text (nearly always) is checked and decoded straight into the string, with no buffer between.
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        var (line, column) = LineAndColumn(bytes[..read]);
        throw new YamlReadException(Diagnostic.Error(
            "yaml-invalid-utf8",
            $"invalid UTF-8 byte 0x{bytes[read]:X2}",
            location: new SourceLocation(file, line, column),
            suggestion: "save the file as UTF-8"));
    }

    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> before)
    {
        var line = 1;
        var lastBreak = -1;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == (byte)'\n') { line++; lastBreak = i; }
        }
        var column = Encoding.UTF8.GetCharCount(before[(lastBreak + 1)..]) + 1;
        return (line, column);
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();

    private sealed class ReadState(IParser parser, Scanner scanner, string? file, YamlReaderOptions options, string? text)
    {
        private readonly Dictionary<string, (ManifestNode Node, int Size)> _anchors = new(StringComparer.Ordinal);
        private long _documentStart;
        private int _aliasExpansion;

        public IEnumerable<ManifestDocument> Documents()
        {
            Next();
            Expect<StreamStart>();
            Next();
            var index = 0;
            while (Current is DocumentStart start)
            {
                _anchors.Clear();
                _aliasExpansion = 0;
                _documentStart = start.Start.Index;
                Next();
                var root = Current is DocumentEnd ? new NullNode(Location(start.End)) : ReadNode(1).Node;
                Expect<DocumentEnd>();
                Next();
                yield return new ManifestDocument(root, file, index++, root.Location?.Line ?? (int)start.Start.Line);
            }
            Expect<StreamEnd>();
        }

        private ParsingEvent Current => parser.Current!;

        // Where the parser stood when it failed: the scanner's position, or the last event read.
        private Mark FailureMark()
        {
            try
            {
                return scanner.CurrentPosition;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return parser.Current?.Start ?? new Mark(0, 1, 1);
            }
        }

        // YamlDotNet marks the start of the enclosing block for a tab in indentation; find the tab itself.
        private Mark? FindIndentTab(Mark from)
        {
            if (text is null) return null;
            var line = (int)from.Line;
            var lineStart = (int)from.Index - ((int)from.Column - 1);
            while (lineStart >= 0 && lineStart < text.Length)
            {
                for (var i = lineStart; i < text.Length && text[i] is ' ' or '\t'; i++)
                {
                    if (text[i] == '\t') return new Mark(i, line, i - lineStart + 1);
                }
                var next = text.IndexOf('\n', lineStart);
                if (next < 0) break;
                lineStart = next + 1;
                line++;
            }
            return null;
        }

        private void Next()
        {
            try
            {
                if (!parser.MoveNext()) return;
            }
            catch (YamlException e)
            {
                var rule = SyntaxRule(e);
                if (rule == "yaml-tab-indent" && FindIndentTab(e.Start) is { } tab)
                    throw Fail(rule, "found a tab in indentation", tab, SyntaxSuggestion(e.Message));
                throw Fail(rule, Clean(e.Message), e.Start, SyntaxSuggestion(e.Message));
            }
            catch (Exception e) when (e is not (DecoderFallbackException or IOException or OutOfMemoryException or YamlReadException))
            {
                // The one place the parser is driven: whatever else YamlDotNet throws (it has thrown
                // InvalidOperationException for "..." before content and for unclosed brackets) becomes a diagnostic.
                throw Fail("yaml-syntax", "the YAML parser could not read on from here: " + Clean(e.Message), FailureMark(),
                    "check for an unclosed '[' or '{', or a '...' document end marker before the content");
            }
            var size = Current.End.Index - _documentStart;
            if (size > options.MaxDocumentChars)
            {
                throw Fail("yaml-document-too-large",
                    $"the document is larger than the limit of {options.MaxDocumentChars} characters",
                    Current.Start, "split it into several documents, or raise YamlReaderOptions.MaxDocumentChars");
            }
        }

        private void Expect<T>() where T : ParsingEvent
        {
            if (Current is not T)
                throw Fail("yaml-syntax", $"expected {typeof(T).Name} but found {Current.GetType().Name}", Current.Start, null);
        }

        private (ManifestNode Node, int Size) ReadNode(int depth)
        {
            switch (Current)
            {
                case Scalar scalar:
                {
                    Next();
                    var node = ReadScalar(scalar);
                    Remember(scalar.Anchor, node, 1);
                    return (node, 1);
                }
                case AnchorAlias alias:
                {
                    Next();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                        throw Fail("yaml-unknown-alias", $"alias '*{alias.Value}' refers to no anchor defined before it", alias.Start,
                            $"define '&{alias.Value}' earlier in the same document");
                    _aliasExpansion += target.Size;
                    if (_aliasExpansion > options.MaxAliasExpansion)
                        throw Fail("yaml-alias-expansion",
                            $"aliases expand to more than {options.MaxAliasExpansion} nodes (a 'billion laughs' pattern)",
                            alias.Start, "write the content out instead of nesting aliases, or raise YamlReaderOptions.MaxAliasExpansion");
                    return (target.Node.WithLocation(Location(alias.Start)), target.Size);
                }
                case SequenceStart sequence:
                {
                    CheckDepth(depth, sequence);
                    CheckTag(sequence.Tag, sequence.Start, "tag:yaml.org,2002:seq");
                    Next();
                    var items = ImmutableArray.CreateBuilder<ManifestNode>();
                    var size = 1;
                    while (Current is not SequenceEnd)
                    {
                        var (item, itemSize) = ReadNode(depth + 1);
                        items.Add(item);
                        size += itemSize;
                    }
                    Next();
                    var node = new SequenceNode(items.ToImmutable(), Location(sequence.Start));
                    Remember(sequence.Anchor, node, size);
                    return (node, size);
                }
                case MappingStart mapping:
                {
                    CheckDepth(depth, mapping);
                    CheckTag(mapping.Tag, mapping.Start, "tag:yaml.org,2002:map");
                    Next();
                    var result = ReadMappingEntries(depth, Location(mapping.Start));
                    Remember(mapping.Anchor, result.Node, result.Size);
                    return result;
                }
                default:
                    throw Fail("yaml-syntax", $"unexpected {Current.GetType().Name}", Current.Start, null);
            }
        }

        private (ManifestNode Node, int Size) ReadMappingEntries(int depth, SourceLocation location)
        {
            var entries = ImmutableArray.CreateBuilder<MappingEntry>();
            var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            var merged = new List<MappingEntry>();
            var size = 1;
            while (Current is not MappingEnd)
            {
                var keyEvent = Current;
                if (keyEvent is not Scalar keyScalar)
                {
                    throw Fail("yaml-complex-key", "a mapping key must be a plain value, not a mapping, list or alias",
                        keyEvent.Start, "use a string key");
                }
                Next();
                var keyLocation = Location(keyScalar.Start);
                var (value, valueSize) = ReadNode(depth + 1);
                size += valueSize + 1;
                if (keyScalar.Value == "<<" && keyScalar.Style == ScalarStyle.Plain)
                {
                    CollectMerge(value, merged, keyScalar.Start);
                    continue;
                }
                var key = keyScalar.Value;
                if (seen.TryGetValue(key, out var first))
                {
                    throw Fail("yaml-duplicate-key",
                        $"duplicate key '{key}': it is defined at line {first.Line}, column {first.Column} and again at line {keyLocation.Line}, column {keyLocation.Column}",
                        keyScalar.Start, "keep one of the two; Kubernetes would silently use the last");
                }
                seen.Add(key, keyLocation);
                entries.Add(new MappingEntry(key, value, keyLocation));
            }
            Next();
            foreach (var entry in merged)
            {
                if (seen.TryAdd(entry.Key, entry.KeyLocation ?? location)) entries.Add(entry);
            }
            return (new MappingNode(entries.ToImmutable(), location), size);
        }

        private void CollectMerge(ManifestNode value, List<MappingEntry> merged, Mark at)
        {
            var sources = value switch
            {
                MappingNode m => [m],
                SequenceNode s when s.All(i => i is MappingNode) => s.Cast<MappingNode>().ToList(),
                _ => throw Fail("yaml-merge", "a merge key '<<' takes a mapping or a list of mappings", at, null),
            };
            foreach (var source in sources)
            {
                foreach (var entry in source)
                {
                    if (!merged.Exists(e => e.Key == entry.Key)) merged.Add(entry);
                }
            }
        }

        private ScalarNode ReadScalar(Scalar scalar)
        {
            var location = Location(scalar.Start);
            var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
            if (tag is null || tag == "!")
            {
                return scalar.Style == ScalarStyle.Plain && tag is null
                    ? YamlScalars.ResolvePlain(scalar.Value, location)
                    : new StringNode(scalar.Value, location);
            }
            switch (tag)
            {
                case "tag:yaml.org,2002:str":
                case "tag:yaml.org,2002:binary":
                case "tag:yaml.org,2002:timestamp":
                    return new StringNode(scalar.Value, location);
                case "tag:yaml.org,2002:int":
                case "tag:yaml.org,2002:float":
                case "tag:yaml.org,2002:bool":
                case "tag:yaml.org,2002:null":
                {
                    var resolved = YamlScalars.ResolvePlain(scalar.Value, location);
                    var fits = tag switch
                    {
                        "tag:yaml.org,2002:int" => resolved is IntegerNode,
                        "tag:yaml.org,2002:float" => resolved is NumberNode or IntegerNode,
                        "tag:yaml.org,2002:bool" => resolved is BooleanNode,
                        _ => resolved is NullNode,
                    };
                    if (!fits) throw Fail("yaml-tag", $"'{scalar.Value}' is not a valid value for tag {tag}", scalar.Start, "remove the tag or fix the value");
                    return resolved is IntegerNode i && tag == "tag:yaml.org,2002:float" ? new NumberNode(i.Value, location) : resolved;
                }
                default:
                    throw Fail("yaml-tag", $"unsupported tag '{tag}'", scalar.Start, "Kubernetes manifests use no custom tags; remove it");
            }
        }

        private void CheckTag(TagName tag, Mark at, string allowed)
        {
            if (!tag.IsEmpty && tag.Value != allowed && tag.Value != "!")
                throw Fail("yaml-tag", $"unsupported tag '{tag.Value}'", at, "Kubernetes manifests use no custom tags; remove it");
        }

        private void CheckDepth(int depth, ParsingEvent at)
        {
            if (depth > options.MaxDepth)
            {
                throw Fail("yaml-too-deep", $"nesting is deeper than the limit of {options.MaxDepth} levels", at.Start,
                    "flatten the structure, or raise YamlReaderOptions.MaxDepth");
            }
        }

        private void Remember(AnchorName anchor, ManifestNode node, int size)
        {
            if (!anchor.IsEmpty) _anchors[anchor.Value] = (node, size);
        }

        private SourceLocation Location(Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

        private YamlReadException Fail(string rule, string message, Mark at, string? suggestion)
            => new(Diagnostic.Error(rule, message, location: Location(at), suggestion: suggestion));

        private static string Clean(string message)
        {
            var text = MarkPrefix().Replace(message, "");
            return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..].TrimEnd('.') : "invalid YAML";
        }

        private static string SyntaxRule(YamlException e)
            => e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? "yaml-tab-indent" : "yaml-syntax";

        private static string? SyntaxSuggestion(string message)
        {
            if (message.Contains("tab", StringComparison.OrdinalIgnoreCase)) return "indent with spaces; YAML does not allow tabs in indentation";
            if (message.Contains("did not find expected key", StringComparison.Ordinal)) return "check the indentation of this line and the one before it";
            if (message.Contains("mapping values are not allowed", StringComparison.Ordinal)) return "quote values that contain ': '";
            if (message.Contains("found character that cannot start any token", StringComparison.Ordinal)) return "quote the value";
            return null;
        }
    }
}
