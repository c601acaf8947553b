namespace OkeGitOps.Manifests.Tests.Yaml;

/// <summary>
/// Random manifest-like YAML text in block style, at the edges of what the block-subset reader takes: odd indentation
/// widths, lists nested with and without indentation, comments at any indentation, quoted and tricky scalars and keys,
/// several documents; then, for some texts, a few random edits (a character inserted, a line shifted, doubled or dropped)
/// that push it outside the subset or make it invalid.
/// </summary>
internal static class BlockYamlText
{
    private static readonly string[] Keys =
    [
        "apiVersion", "kind", "name", "app.kubernetes.io/name", "a", "b", "c", "x-y", "1", "yes", "-k", "a b", "k ", "a#b",
        "<<", "'q'", "\"dq\"", "?k", "k:x", ":k", "&k", "k]",
    ];

    private static readonly string[] Scalars =
    [
        "a", "web", "nginx:1.27", "https://x.example/a?b=c#d", "a#b", "a #b", "8080", "0755", "0x1F", "1_000", "1.5", "-1",
        "+2", ".inf", "-.inf", ".nan", "1e3", "yes", "No", "on", "~", "null", "true", "2001-12-14", "--flag=x,y", "a,b", "a]b",
        "<none>", "=", "<<", "a b  c", "'q'", "'it''s'", "''", "\"dq\"", "\"\"", "\"e\\\"x\"", "\"unterminated", "'unterminated",
        "'a' # c", "\"a\"#c", "'a'x", "a: b", "a:", "- a", "? a", ": a", "%x", "@x", "`x", "[a]", "{a: 1}", "&x a", "*x",
        "!!str 1", "!x a", "|", ">", "é", "a\tb", "", " ", "x # comment", "a:b", "-", "--", "---", "...", "#x",
    ];

    private static readonly string[] Inserts = ["\t", "\r", " ", "  ", ":", ": ", "#", " #", "-", "- ", "'", "\"", "&a ", "*a", "!", "[", "{", "|", "é", "---", "\\"];

    public static string Generate(Random random)
    {
        var lines = new List<string>();
        var documents = random.Next(1, 4);
        if (random.Next(4) == 0) lines.Add("---");
        for (var d = 0; d < documents; d++)
        {
            if (d > 0) lines.Add("---");
            var indent = random.Next(6) == 0 ? 1 : 0;
            if (random.Next(4) == 0) Sequence(random, lines, indent, 0);
            else Mapping(random, lines, indent, 0);
        }
        Decorate(random, lines);
        if (random.Next(4) == 0) Mutate(random, lines);
        var text = string.Join("\n", lines);
        return random.Next(8) == 0 ? text : text + "\n";
    }

    private static void Mapping(Random random, List<string> lines, int indent, int depth)
    {
        var count = random.Next(1, 5);
        var first = random.Next(8);
        for (var i = 0; i < count; i++)
        {
            // Mostly distinct keys, so that a duplicate (which YamlDotNet's path reports) is one case among many.
            var key = random.Next(8) == 0 ? Pick(random, Keys) : Keys[(first + i) % 8];
            var head = Spaces(indent) + key + ":";
            switch (depth < 4 ? random.Next(12) : 0)
            {
                case < 6:
                    lines.Add(head + Spaces(random.Next(1, 3)) + Scalar(random));
                    break;
                case < 8:
                    lines.Add(head + Comment(random));
                    Mapping(random, lines, indent + random.Next(1, 5), depth + 1);
                    break;
                case < 11:
                    lines.Add(head + Comment(random));
                    Sequence(random, lines, random.Next(2) == 0 ? indent : indent + random.Next(1, 4), depth + 1);
                    break;
                default:
                    lines.Add(head); // an empty value
                    break;
            }
        }
    }

    private static void Sequence(Random random, List<string> lines, int indent, int depth)
    {
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var dash = Spaces(indent) + "-";
            switch (depth < 4 ? random.Next(5) : 0)
            {
                case 0 or 1:
                    lines.Add(dash + Spaces(random.Next(1, 3)) + Scalar(random));
                    break;
                case 2 or 3:
                {
                    // A mapping that starts on the dash's line.
                    var gap = random.Next(1, 4);
                    var first = lines.Count;
                    Mapping(random, lines, indent + 1 + gap, depth + 1);
                    lines[first] = dash + Spaces(gap) + lines[first].TrimStart(' ');
                    break;
                }
                default:
                    lines.Add(dash + Comment(random));
                    if (random.Next(2) == 0) Mapping(random, lines, indent + random.Next(1, 4), depth + 1);
                    else Sequence(random, lines, indent + random.Next(1, 4), depth + 1);
                    break;
            }
        }
    }

    private static string Scalar(Random random)
    {
        var value = random.Next(6) == 0 ? Pick(random, Scalars) : Pick(random, Scalars.AsSpan(0, 12).ToArray());
        return random.Next(8) == 0 ? value + Spaces(random.Next(0, 3)) + " # note" : value;
    }

    private static string Comment(Random random) => random.Next(6) == 0 ? "  # about this" : random.Next(8) == 0 ? " " : "";

    // Comment lines and blank lines anywhere, at any indentation.
    private static void Decorate(Random random, List<string> lines)
    {
        var extra = random.Next(0, 3);
        for (var i = 0; i < extra; i++)
        {
            var line = random.Next(3) == 0 ? Spaces(random.Next(0, 4)) : Spaces(random.Next(0, 8)) + "# comment";
            lines.Insert(random.Next(lines.Count + 1), line);
        }
    }

    private static void Mutate(Random random, List<string> lines)
    {
        var edits = random.Next(1, 3);
        for (var e = 0; e < edits && lines.Count > 0; e++)
        {
            var at = random.Next(lines.Count);
            var line = lines[at];
            switch (random.Next(5))
            {
                case 0:
                    var position = random.Next(line.Length + 1);
                    lines[at] = line[..position] + Pick(random, Inserts) + line[position..];
                    break;
                case 1:
                    lines[at] = " " + line;
                    break;
                case 2:
                    if (line.StartsWith(' ')) lines[at] = line[1..];
                    break;
                case 3:
                    lines.Insert(at, line);
                    break;
                default:
                    lines.RemoveAt(at);
                    break;
            }
        }
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static string Spaces(int count) => new(' ', count);
}
