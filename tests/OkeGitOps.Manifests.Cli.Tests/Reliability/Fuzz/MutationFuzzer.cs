using System.Text;

namespace OkeGitOps.Manifests.Cli.Tests.Reliability.Fuzz;

/// <summary>
/// Makes hostile variants of real manifests, deterministically from a seed: truncations, byte flips, bracket
/// damage, tabs, huge numbers, alias bombs, odd encodings, NUL bytes and more, one to three at a time.
/// </summary>
internal sealed class MutationFuzzer(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", "[{", "{[", ":", ": ", "- ", "-", "\t", "  ", "\n", "\r\n", "\r", "&a ", "*a", "*b", "!!binary ", "!!int ", "!!str ",
        "!custom ", "...\n", "---\n", "\0", "'", "\"", "? ", "|", "|-\n", "> ", "#", "<<: *a\n", "<<: ", "99999999999999999999999999999",
        "1e999", "-1e999", "0x", "0o8", "~", "null", ".nan", "\uFEFF", "\u2028", "\u0085", "%YAML 1.2\n", "%TAG ! tag:x:\n", "@", "`", "\\",
        "\"\\u", "\"\\x", "&", "*", "!", ",", ",,", "apiVersion: v1\n", "kind: [", "name: {[", "a: [\nb\n", "\u00e9", "\ud83d\ude00",
    ];

    private const string AliasBomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n";

    /// <summary>One mutant of <paramref name="original"/>, with a short description of what was done.</summary>
    public (byte[] Bytes, string What) Mutate(byte[] original)
    {
        var bytes = original.ToList();
        var steps = new List<string>();
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++) steps.Add(MutateOnce(bytes));
        return (bytes.ToArray(), string.Join(", ", steps));
    }

    private string MutateOnce(List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : _random.Next(bytes.Count + 1);
        switch (_random.Next(16))
        {
            case 0:
                bytes.RemoveRange(at, bytes.Count - at);
                return $"truncate at {at}";
            case 1 when bytes.Count > 0:
            {
                var i = Math.Min(at, bytes.Count - 1);
                var bit = _random.Next(8);
                bytes[i] ^= (byte)(1 << bit);
                return $"flip bit {bit} of byte {i}";
            }
            case 2 when bytes.Count > 0:
            {
                var i = Math.Min(at, bytes.Count - 1);
                bytes[i] = (byte)_random.Next(256);
                return $"set byte {i}";
            }
            case 3:
            case 4:
            case 5:
            {
                var token = Tokens[_random.Next(Tokens.Length)];
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(token));
                return $"insert {Escape(token)} at {at}";
            }
            case 6:
            {
                var length = Math.Min(bytes.Count - at, 1 + _random.Next(16));
                bytes.RemoveRange(at, length);
                return $"delete {length} at {at}";
            }
            case 7:
            {
                var length = Math.Min(bytes.Count - at, 1 + _random.Next(64));
                var slice = bytes.GetRange(at, length);
                bytes.InsertRange(at, slice);
                return $"duplicate {length} at {at}";
            }
            case 8:
            {
                // Indent a line with a tab instead of spaces.
                var lineStart = bytes.LastIndexOf((byte)'\n', Math.Max(0, at - 1)) + 1;
                if (lineStart < bytes.Count && bytes[lineStart] == (byte)' ') bytes[lineStart] = (byte)'\t';
                else bytes.Insert(lineStart, (byte)'\t');
                return $"tab at line start {lineStart}";
            }
            case 9:
            {
                var depth = 1 + _random.Next(200);
                var open = _random.Next(2) == 0 ? '[' : '{';
                bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string(open, depth)));
                return $"{depth} x '{open}' at {at}";
            }
            case 10:
                bytes.InsertRange(0, Encoding.UTF8.GetBytes(AliasBomb));
                return "alias bomb";
            case 11:
            {
                var text = Encoding.UTF8.GetString(bytes.ToArray());
                var encoded = _random.Next(3) switch
                {
                    0 => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
                    1 => Encoding.Latin1.GetBytes(text.Replace("a", "\u00e4", StringComparison.Ordinal)),
                    _ => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
                };
                bytes.Clear();
                bytes.AddRange(encoded);
                return "re-encode";
            }
            case 12:
            {
                // Swap two lines.
                var lines = Encoding.UTF8.GetString(bytes.ToArray()).Split('\n');
                if (lines.Length > 1)
                {
                    var a = _random.Next(lines.Length);
                    var b = _random.Next(lines.Length);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                }
                bytes.Clear();
                bytes.AddRange(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
                return "swap lines";
            }
            case 13:
            {
                // Replace a scalar-looking run with a huge or odd number.
                var numbers = new[] { "1e400", "99999999999999999999", "-0", "0x7FFFFFFFFFFFFFFFFF", "1_000_000_000_000_000_000", "0b", "+.inf", "12:30:45", "2001-13-45" };
                var value = numbers[_random.Next(numbers.Length)];
                bytes.InsertRange(at, Encoding.ASCII.GetBytes(value));
                return $"number {value} at {at}";
            }
            case 14:
            {
                var repeat = 1 + _random.Next(50);
                var copy = bytes.ToArray();
                for (var i = 0; i < repeat && bytes.Count < 200_000; i++) bytes.AddRange(Encoding.ASCII.GetBytes("---\n").Concat(copy));
                return $"repeat document {repeat} times";
            }
            default:
                bytes.InsertRange(at, [0]);
                return $"NUL at {at}";
        }
    }

    private static string Escape(string token)
        => "'" + string.Concat(token.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString())) + "'";
}
