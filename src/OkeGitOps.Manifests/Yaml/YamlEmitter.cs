using System.Globalization;
using OkeGitOps.Manifests.Tree;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OkeGitOps.Manifests.Yaml;

/// <summary>
/// Writes manifest trees as YAML that Kubernetes tools read back exactly as meant, and that is byte-for-byte
/// the same every time for the same tree.
/// </summary>
/// <remarks>
/// <para>
/// Strings that a YAML 1.1 or 1.2 parser could take for a boolean, null, number or timestamp are double-quoted,
/// as are strings holding tabs, control characters or other text a plain scalar cannot carry safely.
/// Multi-line strings become block literals (<c>|</c>, <c>|-</c> or <c>|+</c>) when a literal carries them
/// exactly; otherwise they are double-quoted with escapes.
/// </para>
/// <para>
/// Keys are ordered: a document's root mapping, and any mapping holding both <c>apiVersion</c> and <c>kind</c>,
/// starts with <c>apiVersion</c>, <c>kind</c>, <c>metadata</c>, <c>spec</c>; a mapping under a <c>metadata</c>
/// key starts with <c>name</c>, <c>namespace</c>; every other key follows in ordinal order. Lists keep their order.
/// </para>
/// <para>
/// Layout: block style with a 2-space indent, sequence items written level with their parent key,
/// <c>{}</c> and <c>[]</c> for empty collections, no line folding, <c>---</c> only between documents,
/// and a single newline at the end.
/// </para>
/// </remarks>
public static partial class YamlEmitter
{
    // A simple (implicit) key must fit in 1024 characters of source text: libyaml, go-yaml and PyYAML all enforce it.
    // YamlDotNet's limit counts the unescaped characters, and an escaped character takes at most 6 (\uXXXX),
    // so keys longer than this are written as explicit "? key" entries, which have no length limit.
    private const int MaxSimpleKeyLength = 1024 / 6;

    private static readonly string[] ResourceKeyOrder = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly string[] MetadataKeyOrder = ["name", "namespace"];

    /// <summary>Writes one document as YAML text.</summary>
    /// <param name="root">The document's root node.</param>
    /// <returns>The YAML text, ending with a single newline.</returns>
    /// <exception cref="ArgumentException">A string in the tree is not valid UTF-16 (it holds an unpaired surrogate).</exception>
    public static string Emit(ManifestNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return EmitAll([root]);
    }

    /// <summary>Writes several documents as one YAML stream, with a <c>---</c> line between consecutive documents.</summary>
    /// <param name="documents">The root nodes of the documents, in order.</param>
    /// <returns>The YAML text; empty when there are no documents.</returns>
    /// <exception cref="ArgumentException">A string in the tree is not valid UTF-16 (it holds an unpaired surrogate).</exception>
    public static string EmitAll(IEnumerable<ManifestNode> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, documents);
        return writer.ToString();
    }

    /// <summary>
    /// Streams documents as YAML to a writer, one after another, with a <c>---</c> line between consecutive documents.
    /// The writer is neither flushed nor closed.
    /// </summary>
    /// <param name="writer">Where the text goes. Line breaks are always <c>\n</c>.</param>
    /// <param name="documents">The root nodes of the documents, in order.</param>
    /// <exception cref="ArgumentException">A string in the tree is not valid UTF-16 (it holds an unpaired surrogate).</exception>
    public static void Write(TextWriter writer, IEnumerable<ManifestNode> documents)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(documents);
        var all = documents as IReadOnlyList<ManifestNode> ?? [.. documents];
        foreach (var root in all) ArgumentNullException.ThrowIfNull(root, nameof(documents));
        if (TryWriteDirect(all) is { } text)
        {
            writer.Write(text);
            return;
        }
        WriteWithYamlDotNet(writer, all);
    }

    /// <summary>The text of the direct writer, or null when the documents need YamlDotNet's emitter.</summary>
    internal static string? TryWriteDirect(IReadOnlyList<ManifestNode> documents)
    {
        var direct = new DirectWriter();
        return direct.TryWriteAll(documents) ? direct.Text : null;
    }

    /// <summary>Writes the documents with YamlDotNet's emitter, which handles every tree (the reference for the direct writer).</summary>
    internal static void WriteWithYamlDotNet(TextWriter writer, IReadOnlyList<ManifestNode> all)
    {
        var settings = new EmitterSettings(
            bestIndent: 2,
            bestWidth: int.MaxValue,
            isCanonical: false,
            maxSimpleKeyLength: MaxSimpleKeyLength,
            skipAnchorName: false,
            indentSequences: false,
            newLine: "\n");
        var state = new DocumentState(new Emitter(writer, settings));

        state.Emitter.Emit(new StreamStart());
        foreach (var root in all)
        {
            state.EndsWithKeptBreaks = false;
            state.Emitter.Emit(new DocumentStart(null, null, isImplicit: true));
            WriteNode(state, root, KeyOrder.Resource);
            // A literal with kept trailing line breaks (|+) at the very end of a document would leave blank lines at
            // the end of the text, and they are part of the value. An explicit "..." marks where the document ends.
            state.Emitter.Emit(new DocumentEnd(isImplicit: !state.EndsWithKeptBreaks));
        }
        state.Emitter.Emit(new StreamEnd());
    }

    private sealed class DocumentState(IEmitter emitter)
    {
        public IEmitter Emitter { get; } = emitter;

        /// <summary>True when the last scalar written was a block literal whose value ends in two or more line breaks.</summary>
        public bool EndsWithKeptBreaks { get; set; }
    }

    private enum KeyOrder
    {
        /// <summary>A document's root: apiVersion, kind, metadata, spec first.</summary>
        Resource,
        /// <summary>The value of a metadata key: name, namespace first (unless it holds apiVersion and kind).</summary>
        Metadata,
        /// <summary>Anything else: ordinal order (unless it holds apiVersion and kind).</summary>
        Plain,
    }

    private static void WriteNode(DocumentState state, ManifestNode node, KeyOrder order)
    {
        if (node is MappingNode or SequenceNode) state.EndsWithKeptBreaks = false;
        switch (node)
        {
            case MappingNode mapping:
                WriteMapping(state, mapping, order);
                break;
            case SequenceNode sequence:
                state.Emitter.Emit(new SequenceStart(null, null, isImplicit: true,
                    sequence.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in sequence.Items) WriteNode(state, item, KeyOrder.Plain);
                state.Emitter.Emit(new SequenceEnd());
                break;
            case StringNode text:
                WriteString(state, text.Value, isKey: false);
                break;
            case ScalarNode scalar:
                // Integers, numbers, booleans and null: their canonical text resolves back to the same type.
                WritePlain(state, scalar.Text);
                break;
            default:
                throw new ArgumentException($"Unsupported node type '{node.GetType().Name}'.", nameof(node));
        }
    }

    private static void WriteMapping(DocumentState state, MappingNode mapping, KeyOrder order)
    {
        state.Emitter.Emit(new MappingStart(null, null, isImplicit: true,
            mapping.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));

        foreach (var entry in OrderedEntries(mapping, isDocumentRoot: order == KeyOrder.Resource, isMetadataValue: order == KeyOrder.Metadata))
        {
            WriteString(state, entry.Key, isKey: true);
            WriteNode(state, entry.Value, entry.Key == "metadata" ? KeyOrder.Metadata : KeyOrder.Plain);
        }
        state.Emitter.Emit(new MappingEnd());
    }

    /// <summary>
    /// The entries of <paramref name="mapping"/> in the order the emitter writes them: a document root (or any mapping
    /// holding apiVersion and kind) starts with apiVersion, kind, metadata, spec; the value of a <c>metadata</c> key
    /// starts with name, namespace; the rest follow in ordinal key order. Other writers of trees (the CLI's JSON
    /// output) use this so that every output of one tree has one key order.
    /// </summary>
    internal static IReadOnlyList<MappingEntry> OrderedEntries(MappingNode mapping, bool isDocumentRoot, bool isMetadataValue)
    {
        if (isDocumentRoot || (mapping.ContainsKey("apiVersion") && mapping.ContainsKey("kind")))
            return OrderEntries(mapping, ResourceKeyOrder);
        return OrderEntries(mapping, isMetadataValue ? MetadataKeyOrder : []);
    }

    private static MappingEntry[] OrderEntries(MappingNode mapping, string[] first)
    {
        var entries = mapping.Entries.ToArray();
        if (entries.Length < 2) return entries;
        // Each key's rank is looked up once, not once per comparison.
        var ranks = new int[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var rank = Array.IndexOf(first, entries[i].Key);
            ranks[i] = rank < 0 ? int.MaxValue : rank;
        }
        if (entries.Length > 32)
        {
            var order = new int[entries.Length];
            for (var i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (a, b) => ranks[a] != ranks[b] ? ranks[a].CompareTo(ranks[b]) : string.CompareOrdinal(entries[a].Key, entries[b].Key));
            var sorted = new MappingEntry[entries.Length];
            for (var i = 0; i < order.Length; i++) sorted[i] = entries[order[i]];
            return sorted;
        }
        // Most mappings are small, and built ones often come in order already: an insertion sort is cheapest then
        // (linear for sorted input, no delegate per comparison).
        for (var i = 1; i < entries.Length; i++)
        {
            var entry = entries[i];
            var rank = ranks[i];
            var j = i - 1;
            while (j >= 0 && (ranks[j] > rank || (ranks[j] == rank && string.CompareOrdinal(entries[j].Key, entry.Key) > 0)))
            {
                entries[j + 1] = entries[j];
                ranks[j + 1] = ranks[j];
                j--;
            }
            entries[j + 1] = entry;
            ranks[j + 1] = rank;
        }
        return entries;
    }

    private static void WritePlain(DocumentState state, string text)
    {
        state.EndsWithKeptBreaks = false;
        state.Emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
    }

    private static void WriteString(DocumentState state, string value, bool isKey)
    {
        var style = ChooseStyle(value, isKey);
        state.EndsWithKeptBreaks = style == ScalarStyle.Literal && value.EndsWith("\n\n", StringComparison.Ordinal);
        // Plain is a request: YamlDotNet switches to single or double quotes when its own analysis finds indicator
        // characters (": ", " #", a leading "-" or "&", ...) that a plain scalar cannot hold.
        state.Emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: style == ScalarStyle.Plain, isQuotedImplicit: true));
    }

    /// <summary>Picks the scalar style for a string value or key.</summary>
    private static ScalarStyle ChooseStyle(string value, bool isKey)
    {
        var chars = Classify(value);
        // A block literal is always a string, whatever its text looks like, so it needs no plain-scalar checks.
        if (!isKey && chars == CharClass.LiteralSafeMultiline && CanBeLiteral(value)) return ScalarStyle.Literal;
        if (chars != CharClass.PlainSafe || YamlScalars.NeedsQuoting(value)) return ScalarStyle.DoubleQuoted;
        // YamlDotNet's own parser (which YamlReader uses) fails to find the ':' after a plain key holding " *"
        // ("a *b: c" reads as one scalar or fails), although the text is valid YAML. Quote such keys.
        if (isKey && value.Contains(" *", StringComparison.Ordinal)) return ScalarStyle.DoubleQuoted;
        return ScalarStyle.Plain;
    }

    private enum CharClass
    {
        /// <summary>Only printable characters, no tabs, no line breaks.</summary>
        PlainSafe,
        /// <summary>Printable characters, tabs and <c>\n</c> line breaks, at least one of them.</summary>
        LiteralSafeMultiline,
        /// <summary>Anything else (CR, NEL, LS/PS, control characters, BOM, characters outside the BMP, tabs in one-line strings): escape it.</summary>
        NeedsEscapes,
    }

    private static CharClass Classify(string value)
    {
        var hasBreak = false;
        var hasTab = false;
        var escapes = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    // Characters outside the BMP are valid YAML, but YamlDotNet only writes them escaped.
                    escapes = true;
                    continue;
                }
                throw UnpairedSurrogate(value, i);
            }
            if (char.IsLowSurrogate(c)) throw UnpairedSurrogate(value, i);

            if (c == '\n') hasBreak = true;
            else if (c == '\t') hasTab = true;
            else if (!IsPrintable(c)) escapes = true;
        }
        if (escapes) return CharClass.NeedsEscapes;
        if (hasBreak) return CharClass.LiteralSafeMultiline;
        // PyYAML rejects tabs in plain scalars, and a tab is easy to mistake for spaces: quote it as \t.
        return hasTab ? CharClass.NeedsEscapes : CharClass.PlainSafe;
    }

    // YAML's printable set within the BMP, without the line breaks (\r, NEL, LS, PS) and the byte order mark,
    // which parsers treat specially.
    private static bool IsPrintable(char c)
        => c is >= '\x20' and <= '\x7E'
            || (c is >= '\xA0' and <= '\uD7FF' && c is not '\u2028' and not '\u2029')
            || (c is >= '\uE000' and <= '\uFFFD' && c != '\uFEFF');

    /// <summary>
    /// True when a block literal carries the string exactly and readably: no line ends with a space or tab
    /// (trailing blanks are invisible and editors strip them), and no line is blank but not empty.
    /// Leading spaces and leading empty lines are fine: YamlDotNet then writes an indentation indicator (<c>|2</c>).
    /// A string of line breaks only is not: with no content line, clip chomping would read <c>"\n"</c> back as <c>""</c>.
    /// </summary>
    private static bool CanBeLiteral(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept('\n')) return false;
        var start = 0;
        while (start <= value.Length)
        {
            var end = value.IndexOf('\n', start);
            if (end < 0) end = value.Length;
            if (end > start && value[end - 1] is ' ' or '\t') return false;
            start = end + 1;
        }
        return true;
    }

    private static ArgumentException UnpairedSurrogate(string value, int index)
        => new($"A string holds an unpaired UTF-16 surrogate at index {index} (after \"{value[..Math.Min(index, 40)]}\"); it cannot be written as UTF-8.");
}
