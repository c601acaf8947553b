using System.Text;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Yaml;

public static partial class YamlEmitter
{
    /// <summary>
    /// Writes the emitter's layout straight into a buffer, for the documents almost every manifest is made of: block
    /// collections, plain and simply quoted scalars. It gives the same bytes as the YamlDotNet emitter would, and gives
    /// up (returns false) on anything whose text it does not know for certain: block literals, escapes, characters
    /// outside ASCII in quotes, keys too long for a simple key, and any scalar YamlDotNet might quote differently.
    /// The whole stream then goes through YamlDotNet, so one text never mixes the two writers.
    /// </summary>
    private sealed class DirectWriter
    {
        private readonly StringBuilder _text = new(1024);

        public string Text => _text.ToString();

        public bool TryWriteAll(IReadOnlyList<ManifestNode> documents)
        {
            for (var d = 0; d < documents.Count; d++)
            {
                var root = documents[d];
                // YamlDotNet marks a first document that is only an empty string with "---"; leave that rare case to it.
                if (d == 0 && root is StringNode { Value.Length: 0 }) return false;
                if (d > 0) _text.Append("---");
                var ok = root switch
                {
                    MappingNode { Count: > 0 } mapping => NewLineAfterMarker(d) && TryMapping(mapping, 0, inline: false, KeyOrder.Resource),
                    SequenceNode { Count: > 0 } sequence => NewLineAfterMarker(d) && TrySequence(sequence, 0, inline: false),
                    _ => SpaceAfterMarker(d) && TryFlat(root) && NewLine(),
                };
                if (!ok) return false;
            }
            return true;
        }

        private bool NewLineAfterMarker(int document)
        {
            if (document > 0) _text.Append('\n');
            return true;
        }

        private bool SpaceAfterMarker(int document)
        {
            if (document > 0) _text.Append(' ');
            return true;
        }

        private bool NewLine()
        {
            _text.Append('\n');
            return true;
        }

        // A scalar, or an empty collection in flow style: anything that fits on the line it starts on.
        private bool TryFlat(ManifestNode node) => node switch
        {
            MappingNode => Append("{}"),
            SequenceNode => Append("[]"),
            StringNode text => TryString(text.Value, isKey: false),
            ScalarNode scalar => scalar.Text.Length > 0 && CanStayPlain(scalar.Text) && Append(scalar.Text),
            _ => false,
        };

        private bool Append(string text)
        {
            _text.Append(text);
            return true;
        }

        private bool TryMapping(MappingNode mapping, int indent, bool inline, KeyOrder order)
        {
            var entries = OrderedEntries(mapping, isDocumentRoot: order == KeyOrder.Resource, isMetadataValue: order == KeyOrder.Metadata);
            for (var i = 0; i < entries.Count; i++)
            {
                var (key, value) = (entries[i].Key, entries[i].Value);
                if (i > 0 || !inline) _text.Append(' ', indent);
                if (key.Length > MaxSimpleKeyLength || !TryString(key, isKey: true)) return false;
                _text.Append(':');
                var ok = value switch
                {
                    MappingNode { Count: > 0 } child => NewLine() && TryMapping(child, indent + 2, inline: false, key == "metadata" ? KeyOrder.Metadata : KeyOrder.Plain),
                    SequenceNode { Count: > 0 } child => NewLine() && TrySequence(child, indent, inline: false),
                    _ => Append(" ") && TryFlat(value) && NewLine(),
                };
                if (!ok) return false;
            }
            return true;
        }

        private bool TrySequence(SequenceNode sequence, int indent, bool inline)
        {
            for (var i = 0; i < sequence.Count; i++)
            {
                var item = sequence[i];
                if (i > 0 || !inline) _text.Append(' ', indent);
                _text.Append("- ");
                var ok = item switch
                {
                    MappingNode { Count: > 0 } child => TryMapping(child, indent + 2, inline: true, KeyOrder.Plain),
                    SequenceNode { Count: > 0 } child => TrySequence(child, indent + 2, inline: true),
                    _ => TryFlat(item) && NewLine(),
                };
                if (!ok) return false;
            }
            return true;
        }

        private bool TryString(string value, bool isKey)
        {
            // ChooseStyle classifies the characters once: Plain means printable one-line text; the double-quoted
            // branch below takes printable ASCII only; a block literal goes to YamlDotNet.
            switch (ChooseStyle(value, isKey))
            {
                case YamlDotNet.Core.ScalarStyle.Plain:
                    // Plain is what the emitter asks for; YamlDotNet writes single quotes where a plain scalar would
                    // read differently (an indicator at the start, ": ", " #", a trailing ':').
                    if (CanStayPlain(value)) return Append(value);
                    if (value.Contains('\'', StringComparison.Ordinal)) return false;
                    _text.Append('\'').Append(value).Append('\'');
                    return true;
                case YamlDotNet.Core.ScalarStyle.DoubleQuoted:
                    foreach (var c in value)
                    {
                        if (c is < ' ' or > '~') return false;
                    }
                    _text.Append('"');
                    foreach (var c in value)
                    {
                        if (c is '"' or '\\') _text.Append('\\');
                        _text.Append(c);
                    }
                    _text.Append('"');
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when YamlDotNet writes this printable, one-line, unpadded string plain: no indicator at its start
        /// (<c>- ? :</c> only count when a space or the end follows), no <c>---</c> or <c>...</c> start, no
        /// <c>": "</c>, <c>" #"</c> or trailing <c>:</c>.
        /// </summary>
        private static bool CanStayPlain(string value)
        {
            var first = value[0];
            var next = value.Length > 1 ? value[1] : ' ';
            if (first is '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
                return false;
            if (first is '-' or '?' or ':' && next == ' ') return false;
            if (value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal)) return false;
            if (value[^1] == ':') return false;
            for (var i = 0; i < value.Length - 1; i++)
            {
                if ((value[i] == ':' && value[i + 1] == ' ') || (value[i] == ' ' && value[i + 1] == '#')) return false;
            }
            return true;
        }
    }
}
