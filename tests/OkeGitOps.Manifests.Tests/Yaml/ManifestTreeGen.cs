using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Tests.Yaml;

/// <summary>A generated tree, printed unambiguously when FsCheck reports it as a counterexample.</summary>
public sealed record TreeSample(ManifestNode Tree)
{
    public override string ToString() => ManifestTreeGen.Describe(Tree);
}

/// <summary>FsCheck generators for manifest trees full of text that YAML writers and readers get wrong.</summary>
internal static class ManifestTreeGen
{
    // Pieces that random strings are glued from; a surrogate pair stays one piece so strings stay valid UTF-16.
    private static readonly string[] Fragments =
    [
        "a", "b", "z", "Z", "0", "1", "9", "x", "foo", " ", " ", "  ", "\t", "\n", "\n", "\r", "\r\n", ":", ": ", "#", " #",
        "-", "- ", "?", "? ", "'", "\"", "\\", "&", "*", "!", "|", ">", "{", "}", "[", "]", ",", "%", "@", "`", ".", "..",
        "---", "...", "_", "~", "=", "<<", "+", "e", "E", "é", "日本", "😀", "\u0085", "\u2028", "\u2029", "\u00a0", "\uFEFF",
        "\u0001", "\u001b", "\u007f", "\u0000", "yes", "no", "on", "null", "true", "0x", "0o", "0b", "1e3", ".inf", ".nan",
    ];

    private static readonly string[] Extra =
    [
        "apiVersion", "kind", "metadata", "spec", "name", "namespace", "status", "data", "labels",
        "app.kubernetes.io/name", "nginx:1.27", "https://example.com/a?b=c#d", "-foo", "a#b", "?x", ":x", "._", "0.0.0.0/0",
        "1.2.3", "v1", "0", "00", "-0", "+0", "0.", "-.5", "1:2", "1_0", "0b1_0", "2001-1-1", "2001-12-14 21:59:43.10 -5",
        "Yes", "yES", "NULL", "nULL", "Inf", "NaN", "infinity", "\n\n", "\n ", " \n", "x\n", "x\n\n", "x\n\n\n", "\nx\n",
        "  x\n  y\n", "\tx\ny", "x\n\ty", "#!/bin/sh\necho hi\n", "a\n\nb\n", "key: value\nother: [1, 2]\n",
    ];

    private static readonly Gen<string> Fragment = Gen.Elements(Fragments);

    private static readonly Gen<string> Glued =
        from n in Gen.Choose(0, 8)
        from parts in Gen.ArrayOf(Fragment, n)
        select string.Concat(parts);

    private static readonly Gen<string> RandomUnicode =
        from n in Gen.Choose(1, 6)
        from codePoints in Gen.ArrayOf(
            Gen.Frequency(
                (3, Gen.Choose(0x20, 0x7E)),
                (1, Gen.Choose(0, 0x1F)),
                (1, Gen.Choose(0x7F, 0xD7FF)),
                (1, Gen.Choose(0xE000, 0xFFFF)),
                (1, Gen.Choose(0x10000, 0x10FFFF))), n)
        select string.Concat(codePoints.Select(char.ConvertFromUtf32));

    private static readonly Gen<string> Padded =
        from pad in Gen.Elements("", " ", "  ", "\n", "\t", "\r\n", " \n")
        from core in Gen.Elements(ClassicYamlValues.All.Concat(Extra).ToArray())
        from side in Gen.Choose(0, 2)
        select side switch { 0 => pad + core, 1 => core + pad, _ => pad + core + pad };

    private static readonly Gen<string> MultiLine =
        from n in Gen.Choose(1, 4)
        from lines in Gen.ArrayOf(Gen.OneOf(Glued, Gen.Elements(Extra), Gen.Constant("")), n)
        from lead in Gen.Elements("", "", " ", "  ", "\n")
        from trail in Gen.Elements("", "\n", "\n", "\n\n", "\n\n\n", " ", "\t")
        select lead + string.Join('\n', lines) + "\n" + trail;

    /// <summary>Strings of every troublesome sort: YAML look-alikes, indicators, breaks, tabs, padding, random Unicode.</summary>
    public static readonly Gen<string> NastyString = Gen.Frequency(
        (4, Gen.Elements(ClassicYamlValues.All.Concat(Extra).ToArray())),
        (4, Glued),
        (2, RandomUnicode),
        (2, Padded),
        (2, MultiLine));

    private static readonly Gen<long> Long = Gen.Frequency(
        (3, Gen.Choose(-1000, 1000).Select(i => (long)i)),
        (2, Gen.Choose(int.MinValue, int.MaxValue).Zip(Gen.Choose(int.MinValue, int.MaxValue), (hi, lo) => ((long)hi << 32) | (uint)lo)),
        (1, Gen.Elements(long.MinValue, long.MaxValue, 0L, -1L, 1L, 8L, 493L, int.MaxValue + 1L)));

    private static readonly Gen<double> Double = Gen.Frequency(
        (2, Gen.Elements(
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 1e20, 1e-20,
            1e300, double.Epsilon, double.MaxValue, double.MinValue, 1.5e-5, 123456789.125)),
        (2, Gen.Choose(-100000, 100000).Select(i => i / 64.0)),
        (1, Long.Select(BitConverter.Int64BitsToDouble)));

    public static readonly Gen<ManifestNode> Scalar = Gen.Frequency(
        (6, NastyString.Select(s => (ManifestNode)ManifestNode.String(s))),
        (2, Long.Select(i => (ManifestNode)ManifestNode.Integer(i))),
        (2, Double.Select(d => (ManifestNode)ManifestNode.Number(d))),
        (1, Gen.Elements(true, false).Select(b => (ManifestNode)ManifestNode.Boolean(b))),
        (1, Gen.Constant((ManifestNode)ManifestNode.Null)));

    private static readonly Gen<string> Key = Gen.Frequency(
        (3, NastyString),
        (1, Gen.Elements("apiVersion", "kind", "metadata", "spec", "name", "namespace", "a", "b", "B", "_", "é")));

    /// <summary>Any node: scalars, and mappings and lists nested at most <paramref name="depth"/> levels.</summary>
    public static Gen<ManifestNode> Node(int depth, int width)
    {
        if (depth <= 0) return Scalar;
        var child = Node(depth - 1, width);
        var mapping =
            from n in Gen.Choose(0, width)
            from keys in Gen.ArrayOf(Key, n)
            from values in Gen.ArrayOf(child, n)
            select (ManifestNode)MapOf(keys.Zip(values));
        var list =
            from n in Gen.Choose(0, width)
            from items in Gen.ArrayOf(child, n)
            select (ManifestNode)ManifestNode.List(items);
        return Gen.Frequency((3, Scalar), (3, mapping), (2, list));
    }

    /// <summary>Document roots: mostly mappings (as manifests are), sometimes lists or scalars.</summary>
    public static readonly Gen<ManifestNode> Tree = Gen.Sized(size =>
    {
        var depth = Math.Clamp(size / 20, 1, 4);
        var width = Math.Clamp(size / 10, 1, 6);
        var mapping =
            from n in Gen.Choose(0, width + 2)
            from keys in Gen.ArrayOf(Key, n)
            from values in Gen.ArrayOf(Node(depth, width), n)
            select (ManifestNode)MapOf(keys.Zip(values));
        return Gen.Frequency((6, mapping), (1, Node(depth, width)));
    });

    public static Arbitrary<TreeSample> TreeArbitrary => Arb.From(Tree.Select(t => new TreeSample(t)), Shrink);

    /// <summary>A tree with the same content whose mapping entries are in another order, everywhere.</summary>
    public static ManifestNode Shuffle(ManifestNode node, Random random) => node switch
    {
        MappingNode m => new MappingNode(m.Entries
            .Select(e => e with { Value = Shuffle(e.Value, random) })
            .OrderBy(_ => random.Next())
            .ToImmutableArray()),
        SequenceNode s => ManifestNode.List(s.Items.Select(i => Shuffle(i, random))),
        _ => node,
    };

    private static MappingNode MapOf(IEnumerable<(string Key, ManifestNode Value)> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return MappingNode.Create(entries.Where(e => seen.Add(e.Key)));
    }

    private static IEnumerable<TreeSample> Shrink(TreeSample sample) => ShrinkNode(sample.Tree).Select(t => new TreeSample(t));

    private static IEnumerable<ManifestNode> ShrinkNode(ManifestNode node)
    {
        switch (node)
        {
            case MappingNode m:
                foreach (var e in m.Entries) yield return e.Value;
                for (var i = 0; i < m.Count; i++) yield return new MappingNode(m.Entries.RemoveAt(i));
                for (var i = 0; i < m.Count; i++)
                {
                    foreach (var smaller in ShrinkNode(m.Entries[i].Value))
                        yield return new MappingNode(m.Entries.SetItem(i, m.Entries[i] with { Value = smaller }));
                }
                break;
            case SequenceNode s:
                foreach (var item in s.Items) yield return item;
                for (var i = 0; i < s.Count; i++) yield return new SequenceNode(s.Items.RemoveAt(i));
                for (var i = 0; i < s.Count; i++)
                {
                    foreach (var smaller in ShrinkNode(s.Items[i])) yield return s.SetItem(i, smaller);
                }
                break;
            case StringNode { Value.Length: > 0 }:
                yield return ManifestNode.String("");
                break;
        }
    }

    /// <summary>Prints a tree on one line with every string escaped, so that invisible characters show.</summary>
    public static string Describe(ManifestNode node)
    {
        var sb = new StringBuilder();
        Append(sb, node);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, ManifestNode node)
    {
        switch (node)
        {
            case MappingNode m:
                sb.Append('{');
                for (var i = 0; i < m.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    AppendString(sb, m[i].Key);
                    sb.Append(": ");
                    Append(sb, m[i].Value);
                }
                sb.Append('}');
                break;
            case SequenceNode s:
                sb.Append('[');
                for (var i = 0; i < s.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, s[i]);
                }
                sb.Append(']');
                break;
            case StringNode str:
                AppendString(sb, str.Value);
                break;
            case NumberNode n:
                sb.Append("float(").Append(n.Value.ToString("R", CultureInfo.InvariantCulture)).Append(')');
                break;
            case ScalarNode scalar:
                sb.Append(scalar.Text);
                break;
        }
    }

    private static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\') sb.Append(c);
            else sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
        sb.Append('"');
    }
}
