using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OkeGitOps.Manifests.Generators;

/// <summary>The kinds of JSON value.</summary>
internal enum JsonKind { Object, Array, String, Number, True, False, Null }

/// <summary>
/// A parsed JSON value. Objects keep their key order; numbers keep their source text.
/// Every value carries a content hash (<see cref="Hash"/>) computed bottom-up over the canonical form
/// (object keys sorted, no whitespace), so structurally identical values have equal hashes.
/// </summary>
internal sealed class JsonValue
{
    private JsonValue(JsonKind kind) => Kind = kind;

    public JsonKind Kind { get; }
    public string? Text { get; private set; }
    public List<KeyValuePair<string, JsonValue>>? Members { get; private set; }
    public List<JsonValue>? Items { get; private set; }
    public string Hash { get; private set; } = "";

    public JsonValue? this[string key]
    {
        get
        {
            if (Members is null) return null;
            foreach (var m in Members)
            {
                if (string.Equals(m.Key, key, StringComparison.Ordinal)) return m.Value;
            }
            return null;
        }
    }

    /// <summary>For an object, the hash it would have without the members named in <paramref name="keys"/>; otherwise <see cref="Hash"/>.</summary>
    public string HashWithout(params string[] keys)
    {
        if (Kind != JsonKind.Object || !Array.Exists(keys, k => this[k] is not null)) return Hash;
        var sorted = new List<KeyValuePair<string, JsonValue>>(Members!);
        sorted.RemoveAll(m => Array.IndexOf(keys, m.Key) >= 0);
        using var sha = SHA256.Create();
        return ObjectDigest(sha, sorted);
    }

    private static string ObjectDigest(SHA256 sha, List<KeyValuePair<string, JsonValue>> sorted)
    {
        sorted.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var sb = new StringBuilder("{");
        foreach (var m in sorted) sb.Append(Digest(sha, "k" + m.Key)).Append(':').Append(m.Value.Hash).Append(',');
        return Digest(sha, sb.Append('}').ToString());
    }

    private static string Digest(SHA256 sha, string text)
    {
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var sb = new StringBuilder(32);
        for (var i = 0; i < 16; i++) sb.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    public string? GetString(string key) => this[key] is { Kind: JsonKind.String } v ? v.Text : null;

    public bool? GetBool(string key) => this[key] switch
    {
        { Kind: JsonKind.True } => true,
        { Kind: JsonKind.False } => false,
        _ => null,
    };

    /// <summary>Parses a whole JSON text.</summary>
    /// <exception cref="FormatException">The text is not well-formed JSON.</exception>
    public static JsonValue Parse(string text)
    {
        var parser = new Parser(text);
        var value = parser.ParseValue(0);
        parser.SkipWhitespace();
        if (parser.Position != text.Length) throw parser.Error("unexpected text after the JSON value");
        return value;
    }

    private sealed class Parser
    {
        private const int MaxDepth = 256;
        private readonly string _s;
        private readonly SHA256 _sha = SHA256.Create();
        private readonly StringBuilder _sb = new();
        public int Position;

        public Parser(string s) => _s = s;

        public FormatException Error(string what)
        {
            int line = 1, col = 1;
            for (var i = 0; i < Position && i < _s.Length; i++)
            {
                if (_s[i] == '\n') { line++; col = 1; } else col++;
            }
            return new FormatException($"Invalid JSON at line {line}, column {col}: {what}.");
        }

        public void SkipWhitespace()
        {
            while (Position < _s.Length && (_s[Position] == ' ' || _s[Position] == '\t' || _s[Position] == '\n' || _s[Position] == '\r')) Position++;
        }

        public JsonValue ParseValue(int depth)
        {
            if (depth > MaxDepth) throw Error("nesting too deep");
            SkipWhitespace();
            if (Position >= _s.Length) throw Error("unexpected end of text");
            var c = _s[Position];
            switch (c)
            {
                case '{': return ParseObject(depth);
                case '[': return ParseArray(depth);
                case '"':
                {
                    var text = ParseString();
                    return new JsonValue(JsonKind.String) { Text = text, Hash = Digest("s" + text) };
                }
                case 't': Expect("true"); return new JsonValue(JsonKind.True) { Hash = "true" };
                case 'f': Expect("false"); return new JsonValue(JsonKind.False) { Hash = "false" };
                case 'n': Expect("null"); return new JsonValue(JsonKind.Null) { Hash = "null" };
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
                    throw Error($"unexpected character '{c}'");
            }
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_s, Position, word, 0, word.Length) != 0) throw Error($"expected '{word}'");
            Position += word.Length;
        }

        private JsonValue ParseNumber()
        {
            var start = Position;
            if (_s[Position] == '-') Position++;
            if (Position >= _s.Length || !char.IsDigit(_s[Position])) throw Error("bad number");
            if (_s[Position] == '0') Position++;
            else while (Position < _s.Length && IsDigit(_s[Position])) Position++;
            if (Position < _s.Length && _s[Position] == '.')
            {
                Position++;
                if (Position >= _s.Length || !IsDigit(_s[Position])) throw Error("bad number");
                while (Position < _s.Length && IsDigit(_s[Position])) Position++;
            }
            if (Position < _s.Length && (_s[Position] == 'e' || _s[Position] == 'E'))
            {
                Position++;
                if (Position < _s.Length && (_s[Position] == '+' || _s[Position] == '-')) Position++;
                if (Position >= _s.Length || !IsDigit(_s[Position])) throw Error("bad number");
                while (Position < _s.Length && IsDigit(_s[Position])) Position++;
            }
            var text = _s.Substring(start, Position - start);
            return new JsonValue(JsonKind.Number) { Text = text, Hash = "n" + text };
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private string ParseString()
        {
            Position++; // opening quote
            _sb.Clear();
            while (true)
            {
                if (Position >= _s.Length) throw Error("unterminated string");
                var c = _s[Position++];
                if (c == '"') return _sb.ToString();
                if (c < 0x20) throw Error("control character in string");
                if (c != '\\') { _sb.Append(c); continue; }
                if (Position >= _s.Length) throw Error("unterminated escape");
                var e = _s[Position++];
                switch (e)
                {
                    case '"': _sb.Append('"'); break;
                    case '\\': _sb.Append('\\'); break;
                    case '/': _sb.Append('/'); break;
                    case 'b': _sb.Append('\b'); break;
                    case 'f': _sb.Append('\f'); break;
                    case 'n': _sb.Append('\n'); break;
                    case 'r': _sb.Append('\r'); break;
                    case 't': _sb.Append('\t'); break;
                    case 'u':
                        if (Position + 4 > _s.Length
                            || !int.TryParse(_s.Substring(Position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                            throw Error("bad \\u escape");
                        _sb.Append((char)code);
                        Position += 4;
                        break;
                    default: throw Error($"bad escape '\\{e}'");
                }
            }
        }

        private JsonValue ParseObject(int depth)
        {
            Position++;
            var members = new List<KeyValuePair<string, JsonValue>>();
            SkipWhitespace();
            if (Position < _s.Length && _s[Position] == '}') { Position++; return Object(members); }
            while (true)
            {
                SkipWhitespace();
                if (Position >= _s.Length || _s[Position] != '"') throw Error("expected a string key");
                var key = ParseString();
                foreach (var m in members)
                {
                    if (string.Equals(m.Key, key, StringComparison.Ordinal)) throw Error($"duplicate key '{key}'");
                }
                SkipWhitespace();
                if (Position >= _s.Length || _s[Position] != ':') throw Error("expected ':'");
                Position++;
                members.Add(new KeyValuePair<string, JsonValue>(key, ParseValue(depth + 1)));
                SkipWhitespace();
                if (Position >= _s.Length) throw Error("unterminated object");
                if (_s[Position] == ',') { Position++; continue; }
                if (_s[Position] == '}') { Position++; return Object(members); }
                throw Error("expected ',' or '}'");
            }
        }

        private JsonValue ParseArray(int depth)
        {
            Position++;
            var items = new List<JsonValue>();
            SkipWhitespace();
            if (Position < _s.Length && _s[Position] == ']') { Position++; return Array(items); }
            while (true)
            {
                items.Add(ParseValue(depth + 1));
                SkipWhitespace();
                if (Position >= _s.Length) throw Error("unterminated array");
                if (_s[Position] == ',') { Position++; continue; }
                if (_s[Position] == ']') { Position++; return Array(items); }
                throw Error("expected ',' or ']'");
            }
        }

        private JsonValue Object(List<KeyValuePair<string, JsonValue>> members)
            => new JsonValue(JsonKind.Object) { Members = members, Hash = ObjectDigest(_sha, new List<KeyValuePair<string, JsonValue>>(members)) };

        private JsonValue Array(List<JsonValue> items)
        {
            var sb = new StringBuilder("[");
            foreach (var i in items) sb.Append(i.Hash).Append(',');
            return new JsonValue(JsonKind.Array) { Items = items, Hash = Digest(sb.Append(']').ToString()) };
        }

        private string Digest(string text) => JsonValue.Digest(_sha, text);
    }
}
