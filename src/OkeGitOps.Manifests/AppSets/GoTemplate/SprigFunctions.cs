using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using static OkeGitOps.Manifests.AppSets.GoTemplate.TemplateFunctions;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// Sprig's string, regular expression, encoding, path, default, JSON, maths, dictionary and type functions, with
/// Sprig's argument order (the piped value last) and its lenient conversions. The other families have files of their
/// own: <see cref="SprigLists"/>, <see cref="SprigDates"/>, <see cref="SprigRandom"/>, <see cref="SprigSemver"/>,
/// <see cref="SprigUrls"/> and the refused secret generators in <see cref="SprigRefused"/>. Argo CD removes
/// <c>env</c>, <c>expandenv</c> and <c>getHostByName</c>, so they are not defined here either.
/// </summary>
internal static class SprigFunctions
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static void Add(Dictionary<string, TemplateFunction> f)
    {
        // Strings.
        f["trim"] = new(1, 1, (_, a) => Str(a[0]).Trim());
        f["trimAll"] = new(2, 2, (_, a) => Str(a[1]).Trim(Str(a[0]).ToCharArray()));
        f["trimall"] = f["trimAll"];
        f["hello"] = new(0, 0, (_, _) => "Hello!");
        f["trimPrefix"] = new(2, 2, (_, a) => Str(a[1]).StartsWith(Str(a[0]), StringComparison.Ordinal) ? Str(a[1])[Str(a[0]).Length..] : Str(a[1]));
        f["trimSuffix"] = new(2, 2, (_, a) => Str(a[1]).EndsWith(Str(a[0]), StringComparison.Ordinal) ? Str(a[1])[..^Str(a[0]).Length] : Str(a[1]));
        f["upper"] = new(1, 1, (_, a) => Str(a[0]).ToUpperInvariant());
        f["lower"] = new(1, 1, (_, a) => Str(a[0]).ToLowerInvariant());
        f["title"] = new(1, 1, (_, a) => Title(Str(a[0])));
        f["untitle"] = new(1, 1, (_, a) => Untitle(Str(a[0])));
        f["repeat"] = new(2, 2, (_, a) => Repeat(Int(a[0]), Str(a[1])));
        f["substr"] = new(3, 3, (_, a) => Substr(Int(a[0]), Int(a[1]), Str(a[2])));
        f["nospace"] = new(1, 1, (_, a) => new string(Str(a[0]).Where(c => !char.IsWhiteSpace(c)).ToArray()));
        f["trunc"] = new(2, 2, (_, a) => Trunc(Int(a[0]), Str(a[1])));
        f["abbrev"] = new(2, 2, (_, a) => Abbrev(Int(a[0]), Str(a[1])));
        f["abbrevboth"] = new(3, 3, (_, a) => AbbrevBoth(Int(a[0]), Int(a[1]), Str(a[2])));
        f["wrap"] = new(2, 2, (_, a) => Wrap(Str(a[1]), Int(a[0]), "\n", wrapLongWords: false));
        f["wrapWith"] = new(3, 3, (_, a) => Wrap(Str(a[2]), Int(a[0]), Str(a[1]), wrapLongWords: true));
        f["initials"] = new(1, 1, (_, a) => string.Concat(Str(a[0]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w[0])));
        f["contains"] = new(2, 2, (_, a) => Str(a[1]).Contains(Str(a[0]), StringComparison.Ordinal));
        f["hasPrefix"] = new(2, 2, (_, a) => Str(a[1]).StartsWith(Str(a[0]), StringComparison.Ordinal));
        f["hasSuffix"] = new(2, 2, (_, a) => Str(a[1]).EndsWith(Str(a[0]), StringComparison.Ordinal));
        f["quote"] = new(0, -1, (_, a) => JoinBounded(" ", a.Where(NotNil).Select(v => GoFormat.Quote(StrVal(v)))));
        f["squote"] = new(0, -1, (_, a) => JoinBounded(" ", a.Where(NotNil).Select(v => "'" + StrVal(v) + "'")));
        f["cat"] = new(0, -1, (_, a) => JoinBounded(" ", a.Where(NotNil).Select(StrVal)));
        f["indent"] = new(2, 2, (_, a) => Indent(Int(a[0]), Str(a[1]), newlineFirst: false));
        f["nindent"] = new(2, 2, (_, a) => Indent(Int(a[0]), Str(a[1]), newlineFirst: true));
        f["replace"] = new(3, 3, (_, a) => Replace(Str(a[0]), Str(a[1]), Str(a[2])));
        f["plural"] = new(3, 3, (_, a) => Int(a[2]) == 1 ? Str(a[0]) : Str(a[1]));
        f["snakecase"] = new(1, 1, (_, a) => Words(Str(a[0]), '_'));
        f["kebabcase"] = new(1, 1, (_, a) => Words(Str(a[0]), '-'));
        f["camelcase"] = new(1, 1, (_, a) => string.Concat(Str(a[0]).Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));
        f["swapcase"] = new(1, 1, (_, a) => new string(Str(a[0]).Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray()));
        f["toString"] = new(1, 1, (_, a) => StrVal(a[0]));
        f["toStrings"] = new(1, 1, (_, a) => StrSlice(a[0]).Cast<object?>().ToList());
        f["split"] = new(2, 2, (_, a) => Indexed(GoSplit(Str(a[1]), Str(a[0]), -1)));
        f["splitList"] = new(2, 2, (_, a) => GoSplit(Str(a[1]), Str(a[0]), -1).Cast<object?>().ToList());
        f["splitn"] = new(3, 3, (_, a) => Indexed(GoSplit(Str(a[2]), Str(a[0]), Int(a[1]))));
        f["join"] = new(2, 2, (_, a) => JoinBounded(Str(a[0]), StrSlice(a[1])));
        f["sortAlpha"] = new(1, 1, (_, a) => StrSlice(a[0]).OrderBy(s => s, StringComparer.Ordinal).Cast<object?>().ToList());
        // regexMatch alone swallows a bad pattern (false); the others fail, and their must variants fail the same way.
        f["regexMatch"] = new(2, 2, (_, a) => TryRegex(Str(a[0]))?.IsMatch(Str(a[1])) ?? false);
        f["mustRegexMatch"] = new(2, 2, (_, a) => Regex(Str(a[0])).IsMatch(Str(a[1])));
        f["regexFind"] = new(2, 2, (_, a) => Regex(Str(a[0])).Match(Str(a[1])) is { Success: true } m ? m.Value : "");
        f["regexFindAll"] = new(3, 3, (_, a) => Regex(Str(a[0])).Matches(Str(a[1])).Select(m => m.Value).Take(Int(a[2]) < 0 ? int.MaxValue : Int(a[2])).Cast<object?>().ToList());
        f["regexReplaceAll"] = new(3, 3, (_, a) => RegexReplace(Regex(Str(a[0])), Str(a[1]), GoReplacement(Str(a[2]))));
        f["regexReplaceAllLiteral"] = new(3, 3, (_, a) => RegexReplace(Regex(Str(a[0])), Str(a[1]), Str(a[2]).Replace("$", "$$", StringComparison.Ordinal)));
        f["regexSplit"] = new(3, 3, (_, a) => RegexSplit(Str(a[0]), Str(a[1]), Int(a[2])));
        f["regexQuoteMeta"] = new(1, 1, (_, a) => QuoteMeta(Str(a[0])));
        foreach (var name in new[] { "regexFind", "regexFindAll", "regexReplaceAll", "regexReplaceAllLiteral", "regexSplit" })
            f["must" + char.ToUpperInvariant(name[0]) + name[1..]] = f[name];

        // Encodings and checksums.
        f["b64enc"] = new(1, 1, (_, a) => Convert.ToBase64String(Encoding.UTF8.GetBytes(StrVal(a[0]))));
        f["b64dec"] = new(1, 1, (_, a) => B64Decode(StrVal(a[0])));
        f["b32enc"] = new(1, 1, (_, a) => Base32(Encoding.UTF8.GetBytes(StrVal(a[0]))));
        f["b32dec"] = new(1, 1, (_, a) => Base32Decode(StrVal(a[0])));
        f["sha1sum"] = new(1, 1, (_, a) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(Str(a[0])))).ToLowerInvariant());
        f["sha256sum"] = new(1, 1, (_, a) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Str(a[0])))).ToLowerInvariant());
        f["sha512sum"] = new(1, 1, (_, a) => Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(Str(a[0])))).ToLowerInvariant());
        f["adler32sum"] = new(1, 1, (_, a) => Adler32(Encoding.UTF8.GetBytes(Str(a[0]))).ToString(CultureInfo.InvariantCulture));

        // Paths (slash-separated, like Go's path package).
        f["base"] = new(1, 1, (_, a) => PathBase(Str(a[0])));
        f["dir"] = new(1, 1, (_, a) => PathDir(Str(a[0])));
        f["ext"] = new(1, 1, (_, a) => PathExt(Str(a[0])));
        f["clean"] = new(1, 1, (_, a) => PathClean(Str(a[0])));
        f["isAbs"] = new(1, 1, (_, a) => Str(a[0]).StartsWith('/'));
        // filepath on Linux, where the controller runs, is the same as path.
        f["osBase"] = f["base"];
        f["osDir"] = f["dir"];
        f["osExt"] = f["ext"];
        f["osClean"] = f["clean"];
        f["osIsAbs"] = f["isAbs"];

        // Defaults and flow.
        f["default"] = new(1, -1, (_, a) => a.Count < 2 || GoValues.IsEmpty(a[1]) ? a[0] : a[1]);
        f["empty"] = new(1, 1, (_, a) => GoValues.IsEmpty(a[0]));
        f["coalesce"] = new(0, -1, (_, a) => a.FirstOrDefault(v => !GoValues.IsEmpty(v)));
        f["all"] = new(0, -1, (_, a) => a.All(v => !GoValues.IsEmpty(v)));
        f["any"] = new(0, -1, (_, a) => a.Any(v => !GoValues.IsEmpty(v)));
        f["ternary"] = new(3, 3, (_, a) => Bool(a[2]) ? a[0] : a[1]);
        f["fail"] = new(1, 1, (_, a) => throw new TemplateFunctionException(Str(a[0])));
        // The plain JSON writers give "" for values JSON cannot hold (NaN, infinities); the must variants fail.
        AddJson(f, "toJson", indent: false, escapeHtml: true);
        AddJson(f, "toPrettyJson", indent: true, escapeHtml: true);
        AddJson(f, "toRawJson", indent: false, escapeHtml: false);
        f["fromJson"] = new(1, 1, (_, a) =>
        {
            try
            {
                return FromJson(Str(a[0]));
            }
            catch (TemplateFunctionException)
            {
                return null;
            }
        });
        f["mustFromJson"] = new(1, 1, (_, a) => FromJson(Str(a[0])));

        // Maths (Sprig converts its arguments leniently to int64 or float64).
        f["add"] = new(0, -1, (_, a) => a.Aggregate(0L, (s, v) => s + ToInt64(v)));
        f["add1"] = new(1, 1, (_, a) => ToInt64(a[0]) + 1);
        f["sub"] = new(2, 2, (_, a) => ToInt64(a[0]) - ToInt64(a[1]));
        f["mul"] = new(1, -1, (_, a) => a.Aggregate(1L, (s, v) => s * ToInt64(v)));
        f["div"] = new(2, 2, (_, a) => ToInt64(a[1]) == 0 ? throw new TemplateFunctionException("runtime error: integer divide by zero") : ToInt64(a[0]) / ToInt64(a[1]));
        f["mod"] = new(2, 2, (_, a) => ToInt64(a[1]) == 0 ? throw new TemplateFunctionException("runtime error: integer divide by zero") : ToInt64(a[0]) % ToInt64(a[1]));
        f["max"] = new(1, -1, (_, a) => a.Max(ToInt64));
        f["biggest"] = f["max"];
        f["min"] = new(1, -1, (_, a) => a.Min(ToInt64));
        f["floor"] = new(1, 1, (_, a) => Math.Floor(ToFloat64(a[0])));
        f["ceil"] = new(1, 1, (_, a) => Math.Ceiling(ToFloat64(a[0])));
        f["round"] = new(2, 3, (_, a) => Math.Round(ToFloat64(a[0]), Int(a[1]), MidpointRounding.AwayFromZero));
        f["int"] = new(1, 1, (_, a) => ToInt64(a[0]));
        f["int64"] = new(1, 1, (_, a) => ToInt64(a[0]));
        f["float64"] = new(1, 1, (_, a) => ToFloat64(a[0]));
        f["maxf"] = new(1, -1, (_, a) => a.Select(ToFloat64).Aggregate(Math.Max));
        f["minf"] = new(1, -1, (_, a) => a.Select(ToFloat64).Aggregate(Math.Min));
        // The f variants compute in decimal, as Sprig does with shopspring/decimal, so 0.1 + 0.2 gives 0.3.
        f["addf"] = new(0, -1, (_, a) => DecimalOp(0.0, a, (x, y) => x + y));
        f["add1f"] = new(1, 1, (_, a) => DecimalOp(a[0], [1L], (x, y) => x + y));
        f["subf"] = new(1, -1, (_, a) => DecimalOp(a[0], a.Skip(1), (x, y) => x - y));
        f["mulf"] = new(1, -1, (_, a) => DecimalOp(a[0], a.Skip(1), (x, y) => x * y));
        f["divf"] = new(1, -1, (_, a) => DecimalOp(a[0], a.Skip(1), (x, y) => y == 0
            ? throw new TemplateFunctionException("decimal division by zero")
            : decimal.Round(x / y, 16, MidpointRounding.AwayFromZero)));
        f["toDecimal"] = new(1, 1, (_, a) => ToDecimalFromOctal(a[0]));
        f["atoi"] = new(1, 1, (_, a) => Atoi(Str(a[0])));

        // Dictionaries.
        f["dict"] = new(0, -1, (_, a) => Dict(a));
        f["get"] = new(2, 2, (_, a) => Map(a[0]).TryGetValue(Str(a[1]), out var v) ? v : "");
        f["set"] = new(3, 3, (_, a) => { Map(a[0])[Str(a[1])] = a[2]; return a[0]; });
        f["unset"] = new(2, 2, (_, a) => { Map(a[0]).Remove(Str(a[1])); return a[0]; });
        f["hasKey"] = new(2, 2, (_, a) => Map(a[0]).ContainsKey(Str(a[1])));
        f["keys"] = new(0, -1, (_, a) => a.SelectMany(d => Map(d).Keys).OrderBy(k => k, StringComparer.Ordinal).Cast<object?>().ToList());
        f["values"] = new(1, 1, (_, a) => Map(a[0]).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value).ToList());
        f["pluck"] = new(1, -1, (_, a) => a.Skip(1).Select(Map).Where(d => d.ContainsKey(Str(a[0]))).Select(d => d[Str(a[0])]).ToList());
        f["pick"] = new(1, -1, (_, a) => Map(a[0]).Where(e => a.Skip(1).Any(k => Str(k) == e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
        f["omit"] = new(1, -1, (_, a) => Map(a[0]).Where(e => !a.Skip(1).Any(k => Str(k) == e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
        f["merge"] = new(1, -1, (_, a) => Merge(a, overwrite: false));
        f["mergeOverwrite"] = new(1, -1, (_, a) => Merge(a, overwrite: true));
        f["deepCopy"] = new(1, 1, (_, a) =>
        {
            // A value that shares itself many times over would copy into exponentially many nodes.
            TextBound.CheckSize(a[0]);
            return DeepCopy(a[0]);
        });
        f["mustMerge"] = f["merge"];
        f["mustMergeOverwrite"] = f["mergeOverwrite"];
        f["mustDeepCopy"] = f["deepCopy"];
        f["dig"] = new(3, -1, (_, a) => Dig(a));

        // Types.
        f["kindOf"] = new(1, 1, (_, a) => GoValues.KindName(a[0]));
        f["typeOf"] = new(1, 1, (_, a) => GoValues.TypeName(a[0]));
        f["kindIs"] = new(2, 2, (_, a) => Str(a[0]) == GoValues.KindName(a[1]));
        f["typeIs"] = new(2, 2, (_, a) => Str(a[0]) == GoValues.TypeName(a[1]));
        f["typeIsLike"] = new(2, 2, (_, a) => Str(a[0]) == GoValues.TypeName(a[1]) || "*" + Str(a[0]) == GoValues.TypeName(a[1]));
        f["deepEqual"] = new(2, 2, (_, a) => DeepEqual(a[0], a[1]));
    }

    private static bool NotNil(object? v) => v is not null && !GoValues.IsMissing(v);

    /// <summary>Sprig's <c>strval</c>: strings as they are, everything else as Go's <c>%v</c>.</summary>
    public static string StrVal(object? v) => v is string s ? s : GoValues.Print(GoValues.IsMissing(v) ? null : v);

    private static List<string> StrSlice(object? v) => v switch
    {
        IList<object?> l => l.Where(NotNil).Select(StrVal).ToList(),
        null => [],
        _ => [StrVal(v)],
    };

    /// <summary>Go's strings.SplitN: an empty separator splits into characters; n &lt; 0 means no limit, 0 gives nothing.</summary>
    private static string[] GoSplit(string s, string sep, int n)
    {
        if (n == 0) return [];
        if (sep.Length > 0) return n < 0 ? s.Split(sep) : s.Split(sep, n);
        var chars = s.EnumerateRunes().Select(r => r.ToString()).ToList();
        if (n > 0 && chars.Count > n) chars = [.. chars.Take(n - 1), string.Concat(chars.Skip(n - 1))];
        return [.. chars];
    }

    private static Dictionary<string, object?> Indexed(string[] parts)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++) d["_" + i.ToString(CultureInfo.InvariantCulture)] = parts[i];
        return d;
    }

    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var prev = ' ';
        foreach (var c in s)
        {
            sb.Append(!char.IsLetterOrDigit(prev) && prev != '_' && prev != '\'' ? char.ToUpperInvariant(c) : c);
            prev = c;
        }
        return sb.ToString();
    }

    private static string Untitle(string s)
    {
        var sb = new StringBuilder(s.Length);
        var prev = ' ';
        foreach (var c in s)
        {
            sb.Append(char.IsWhiteSpace(prev) ? char.ToLowerInvariant(c) : c);
            prev = c;
        }
        return sb.ToString();
    }

    private static string Repeat(int count, string s)
    {
        if (count < 0) throw new TemplateFunctionException("strings: negative Repeat count");
        if ((long)count * s.Length > 1_000_000) throw new TemplateFunctionException("repeat would produce more than 1000000 characters");
        TextBound.Check((long)count * s.Length);
        return string.Concat(Enumerable.Repeat(s, count));
    }

    private static string Substr(int start, int end, string s)
    {
        if (start < 0) return s[..Math.Clamp(end, 0, s.Length)];
        if (end < 0 || end > s.Length) return start <= s.Length ? s[start..] : "";
        return start <= end ? s[start..end] : throw new TemplateFunctionException($"slice bounds out of range [{start}:{end}]");
    }

    private static string Trunc(int c, string s)
    {
        if (c < 0 && s.Length + c > 0) return s[(s.Length + c)..];
        if (c >= 0 && s.Length > c) return s[..c];
        return s;
    }

    private static string Abbrev(int width, string s)
    {
        if (width < 4 || s.Length <= width) return s;
        return s[..(width - 3)] + "...";
    }

    /// <summary>goutils' AbbreviateFull as Sprig's abbrevboth calls it: "..." on the left after an offset, and on the right past the width.</summary>
    private static string AbbrevBoth(int left, int right, string s)
    {
        if (right < 4 || (left > 0 && right < 7)) return s;
        return AbbreviateFull(s, left, right);
    }

    private static string AbbreviateFull(string s, int offset, int maxWidth)
    {
        if (s.Length == 0 || s.Length <= maxWidth) return s;
        if (offset > s.Length) offset = s.Length;
        if (s.Length - offset < maxWidth - 3) offset = s.Length - (maxWidth - 3);
        if (offset <= 4) return s[..(maxWidth - 3)] + "...";
        if (offset + maxWidth - 3 < s.Length) return "..." + AbbreviateFull(s[offset..], 0, maxWidth - 3);
        return "..." + s[(s.Length - (maxWidth - 3))..];
    }

    /// <summary>
    /// goutils' WrapCustom: breaks at the last space that keeps a line within <paramref name="width"/>; a word longer
    /// than the width is cut (when <paramref name="wrapLongWords"/>) or left whole up to the next space.
    /// </summary>
    private static string Wrap(string s, int width, string newline, bool wrapLongWords)
    {
        if (s.Length == 0) return "";
        if (newline.Length == 0) newline = "\n";
        if (width < 1) width = 1;
        var sb = new StringBuilder();
        var offset = 0;
        while (s.Length - offset > width)
        {
            TextBound.Check(sb);
            if (s[offset] == ' ')
            {
                offset++;
                continue;
            }
            var space = s.LastIndexOf(' ', offset + width, width + 1);
            if (space >= offset)
            {
                sb.Append(s, offset, space - offset).Append(newline);
                offset = space + 1;
            }
            else if (wrapLongWords)
            {
                sb.Append(s, offset, width).Append(newline);
                offset += width;
            }
            else
            {
                var next = s.IndexOf(' ', offset + width);
                if (next < 0)
                {
                    sb.Append(s, offset, s.Length - offset);
                    offset = s.Length;
                }
                else
                {
                    sb.Append(s, offset, next - offset).Append(newline);
                    offset = next + 1;
                }
            }
        }
        sb.Append(s, offset, s.Length - offset);
        return sb.ToString();
    }

    /// <summary>Sprig's indent (and nindent, with a newline first): the pad before every line, sized before it is built.</summary>
    private static string Indent(int n, string s, bool newlineFirst)
    {
        n = Math.Max(0, n);
        var lines = 1L + s.AsSpan().Count('\n');
        TextBound.Check(s.Length + lines * n + (newlineFirst ? 1 : 0));
        var pad = new string(' ', n);
        return (newlineFirst ? "\n" : "") + pad + s.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    /// <summary>Go's strings.Replace with n = -1; the result's length is counted from the occurrences before it is built.</summary>
    private static string Replace(string old, string @new, string s)
    {
        if (old.Length == 0)
        {
            // Go inserts the replacement before every rune and at the end; Sprig's replace keeps that.
            var runes = s.EnumerateRunes().Count();
            TextBound.Check(s.Length + (runes + 1L) * @new.Length);
            if (@new.Length == 0) return s;
            var sb = new StringBuilder(s.Length + (runes + 1) * @new.Length);
            foreach (var r in s.EnumerateRunes()) sb.Append(@new).Append(r.ToString());
            return sb.Append(@new).ToString();
        }
        long count = 0;
        for (var at = s.IndexOf(old, StringComparison.Ordinal); at >= 0; at = s.IndexOf(old, at + old.Length, StringComparison.Ordinal)) count++;
        TextBound.Check(s.Length + count * (@new.Length - old.Length));
        return count == 0 ? s : s.Replace(old, @new, StringComparison.Ordinal);
    }

    /// <summary>string.Join held to the run's size bound as it grows.</summary>
    private static string JoinBounded(string separator, IEnumerable<string> parts)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var part in parts)
        {
            TextBound.Check((long)sb.Length + separator.Length + part.Length);
            if (!first) sb.Append(separator);
            first = false;
            sb.Append(part);
        }
        return sb.ToString();
    }

    /// <summary>A regex replacement held to the run's size bound, checked after each match's replacement is made.</summary>
    private static string RegexReplace(Regex regex, string input, string replacement)
    {
        long length = input.Length;
        return regex.Replace(input, m =>
        {
            var r = m.Result(replacement);
            length += r.Length - m.Length;
            TextBound.Check(length);
            return r;
        });
    }

    private static string Words(string s, char sep)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '_' or '-' or ' ' or '.')
            {
                if (sb.Length > 0 && sb[^1] != sep) sb.Append(sep);
                continue;
            }
            if (char.IsUpper(c) && sb.Length > 0 && sb[^1] != sep &&
                (char.IsLower(s[i - 1]) || char.IsDigit(s[i - 1]) || (i + 1 < s.Length && char.IsLower(s[i + 1]))))
                sb.Append(sep);
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().Trim(sep);
    }

    private static Regex? TryRegex(string pattern)
    {
        try
        {
            return Regex(pattern);
        }
        catch (TemplateFunctionException)
        {
            return null;
        }
    }

    /// <summary>Go's regexp.QuoteMeta: a backslash before each of <c>\.+*?()|[]{}^$</c>, nothing else.</summary>
    private static string QuoteMeta(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (@"\.+*?()|[]{}^$".Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static void AddJson(Dictionary<string, TemplateFunction> f, string name, bool indent, bool escapeHtml)
    {
        f[name] = new(1, 1, (_, a) => SizeChecked(a[0]) is var v && Unsupported(v) is null ? TemplateData.ToJson(v, indent, escapeHtml) : "");
        f["must" + char.ToUpperInvariant(name[0]) + name[1..]] = new(1, 1, (_, a) => Unsupported(SizeChecked(a[0])) is { } bad
            ? throw new TemplateFunctionException($"json: unsupported value: {bad}")
            : TemplateData.ToJson(a[0], indent, escapeHtml));
    }

    /// <summary>The value, once its size is checked against the run's bound, so a self-sharing list is refused before any walk of it.</summary>
    private static object? SizeChecked(object? value)
    {
        TextBound.CheckSize(value);
        return value;
    }

    /// <summary>The first float JSON cannot hold (NaN or an infinity), as Go prints it, or null.</summary>
    private static string? Unsupported(object? v) => v switch
    {
        double d when !double.IsFinite(d) => GoValues.FormatFloat(d, 'g', -1),
        IDictionary<string, object?> m => m.Values.Select(Unsupported).FirstOrDefault(x => x is not null),
        IList<object?> l => l.Select(Unsupported).FirstOrDefault(x => x is not null),
        _ => null,
    };

    /// <summary>Go's json.Unmarshal into interface{}: objects become maps, numbers float64.</summary>
    private static object? FromJson(string text)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(text, new System.Text.Json.JsonDocumentOptions { MaxDepth = 1000 });
            return FromJsonElement(doc.RootElement);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new TemplateFunctionException(text.Trim().Length == 0 ? "unexpected end of JSON input" : $"invalid JSON: {e.Message}");
        }
    }

    private static object? FromJsonElement(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => e.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => FromJsonElement(g.Last().Value), StringComparer.Ordinal),
        System.Text.Json.JsonValueKind.Array => e.EnumerateArray().Select(FromJsonElement).ToList(),
        System.Text.Json.JsonValueKind.String => e.GetString(),
        System.Text.Json.JsonValueKind.Number => e.GetDouble() is var d && double.IsFinite(d)
            ? d
            : throw new TemplateFunctionException($"json: cannot unmarshal number {e.GetRawText()} into Go value of type float64"),
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        _ => null,
    };

    private static Regex Regex(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new TemplateFunctionException($"error parsing regexp: {e.Message}");
        }
    }

    /// <summary>Go expands <c>$1</c> and <c>${name}</c> in replacements; .NET's syntax is close enough once <c>$name</c> is braced.</summary>
    private static string GoReplacement(string repl)
        => System.Text.RegularExpressions.Regex.Replace(repl, @"\$([A-Za-z_][A-Za-z0-9_]*)", "${$1}", RegexOptions.None, RegexTimeout);

    private static List<object?> RegexSplit(string pattern, string s, int n)
    {
        if (n == 0) return [];
        var parts = Regex(pattern).Split(s);
        if (n > 0 && parts.Length > n) parts = [.. parts.Take(n - 1), string.Join("", parts.Skip(n - 1))];
        return parts.Cast<object?>().ToList();
    }

    private static string B64Decode(string s)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(s));
        }
        catch (FormatException)
        {
            return "illegal base64 data at input byte 0";
        }
    }

    private static string Base32(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var sb = new StringBuilder();
        for (var i = 0; i < data.Length; i += 5)
        {
            var chunk = new byte[5];
            var n = Math.Min(5, data.Length - i);
            Array.Copy(data, i, chunk, 0, n);
            ulong bits = 0;
            foreach (var b in chunk) bits = (bits << 8) | b;
            var chars = (n * 8 + 4) / 5;
            for (var j = 0; j < 8; j++) sb.Append(j < chars ? alphabet[(int)((bits >> (35 - j * 5)) & 31)] : '=');
        }
        return sb.ToString();
    }

    /// <summary>Standard base32 with padding; a bad input gives Go's error text as the result, as Sprig does.</summary>
    private static string Base32Decode(string s)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        ulong buffer = 0;
        var bits = 0;
        var end = s.Length;
        while (end > 0 && s[end - 1] == '=') end--;
        var padding = s.Length - end;
        if (s.Length % 8 != 0 || padding is not (0 or 1 or 3 or 4 or 6))
            return $"illegal base32 data at input byte {Math.Max(0, (s.Length % 8 != 0 ? s.Length - s.Length % 8 : end))}";
        for (var i = 0; i < end; i++)
        {
            var v = alphabet.IndexOf(s[i]);
            if (v < 0) return $"illegal base32 data at input byte {i}";
            buffer = (buffer << 5) | (uint)v;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }

    public static string PathClean(string p)
    {
        if (p.Length == 0) return ".";
        var rooted = p.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in p.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
                else if (!rooted) parts.Add("..");
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    public static string PathBase(string p)
    {
        if (p.Length == 0) return ".";
        p = p.TrimEnd('/');
        if (p.Length == 0) return "/";
        var i = p.LastIndexOf('/');
        return i >= 0 ? p[(i + 1)..] : p;
    }

    public static string PathDir(string p)
    {
        var i = p.LastIndexOf('/');
        return PathClean(i >= 0 ? p[..(i + 1)] : "");
    }

    private static string PathExt(string p)
    {
        for (var i = p.Length - 1; i >= 0 && p[i] != '/'; i--)
        {
            if (p[i] == '.') return p[i..];
        }
        return "";
    }

    private static double DecimalOp(object? first, IEnumerable<object?> rest, Func<decimal, decimal, decimal> op)
    {
        var values = rest.Select(ToFloat64).ToList();
        var start = ToFloat64(first);
        try
        {
            var acc = Dec(start);
            foreach (var v in values) acc = op(acc, Dec(v));
            return double.Parse(acc.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw new TemplateFunctionException("value out of the range this engine computes exactly (about 7.9e28)");
        }
    }

    /// <summary>The shortest decimal that reads back as <paramref name="d"/>, as shopspring's NewFromFloat takes it.</summary>
    private static decimal Dec(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) throw new TemplateFunctionException($"Cannot create a Decimal from {GoValues.FormatFloat(d, 'g', -1)}");
        return decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Sprig's toDecimal: the value's text read as an octal number; 0 when it is not one.</summary>
    private static long ToDecimalFromOctal(object? v)
    {
        var text = StrVal(v);
        var neg = text.StartsWith('-');
        var digits = text.TrimStart('+', '-');
        if (digits.Length == 0 || text.Length - digits.Length > 1 || !digits.All(c => c is >= '0' and <= '7')) return 0;
        try
        {
            var n = Convert.ToInt64(digits, 8);
            return n < 0 ? 0 : neg ? -n : n;
        }
        catch (Exception e) when (e is OverflowException or FormatException or ArgumentException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Sprig's int, int64 and the maths functions' conversion (spf13/cast): a string loses a trailing all-zero decimal
    /// part ("1.0" is "1") and is then read as a Go integer literal with its base prefix (0x, 0o, 0b, or a leading 0 for
    /// octal; underscores between digits); anything else, "1.9" and "1e3" included, gives 0.
    /// </summary>
    public static long ToInt64(object? v) => v switch
    {
        long l => l,
        int i => i,
        double d => double.IsNaN(d) ? 0 : (long)Math.Truncate(d),
        bool b => b ? 1 : 0,
        string s => ParseGoInt(TrimZeroDecimal(s), baseZero: true, out var l) == IntParse.Ok ? l : 0,
        _ => 0,
    };

    /// <summary>spf13/cast's float conversion: a string read as Go's ParseFloat reads it (no spaces), else 0.</summary>
    public static double ToFloat64(object? v) => v switch
    {
        long l => l,
        int i => i,
        double d => d,
        bool b => b ? 1 : 0,
        string s => ParseGoFloat(s),
        _ => 0,
    };

    /// <summary>Sprig's atoi: Go's strconv.Atoi (base 10, optional sign) with its error ignored: bad text gives 0, a number out of range the nearest int64.</summary>
    private static long Atoi(string s) => ParseGoInt(s, baseZero: false, out var v) switch
    {
        IntParse.Ok or IntParse.OutOfRange => v,
        _ => 0,
    };

    /// <summary>The outcome of reading an integer the way Go's strconv.ParseInt does.</summary>
    private enum IntParse { Ok, OutOfRange, Invalid }

    /// <summary>
    /// Go's strconv.ParseInt(s, base, 64) for base 10 or base 0 (prefixes and underscores). Out of range gives the
    /// nearest int64, as Go returns it alongside the error.
    /// </summary>
    private static IntParse ParseGoInt(string s, bool baseZero, out long value)
    {
        value = 0;
        var span = s.AsSpan();
        var negative = false;
        if (span.Length > 0 && (span[0] == '+' || span[0] == '-'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }
        if (span.Length == 0) return IntParse.Invalid;
        var body = span;
        var radix = 10;
        if (baseZero && span[0] == '0' && span.Length > 1)
        {
            var p = char.ToLowerInvariant(span[1]);
            if (span.Length >= 3 && p is 'x' or 'o' or 'b')
            {
                radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                span = span[2..];
            }
            else
            {
                radix = 8;
                span = span[1..];
            }
        }
        if (baseZero && span.Contains('_') && !UnderscoresOk(body)) return IntParse.Invalid;
        ulong magnitude = 0;
        var overflow = false;
        var digits = 0;
        foreach (var c in span)
        {
            if (c == '_' && baseZero) continue;
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= radix) return IntParse.Invalid;
            digits++;
            if (magnitude > (ulong.MaxValue - (ulong)d) / (ulong)radix) overflow = true;
            else magnitude = magnitude * (ulong)radix + (ulong)d;
        }
        if (digits == 0 && radix != 8) return IntParse.Invalid;
        var limit = negative ? (ulong)long.MaxValue + 1 : long.MaxValue;
        if (overflow || magnitude > limit)
        {
            value = negative ? long.MinValue : long.MaxValue;
            return IntParse.OutOfRange;
        }
        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return IntParse.Ok;
    }

    /// <summary>Go's rule for underscores in a base-0 literal: only between digits, or between a base prefix and a digit.</summary>
    private static bool UnderscoresOk(ReadOnlySpan<char> s)
    {
        var saw = '^';
        var i = 0;
        var hex = false;
        if (s.Length >= 2 && s[0] == '0' && char.ToLowerInvariant(s[1]) is 'x' or 'o' or 'b')
        {
            hex = char.ToLowerInvariant(s[1]) == 'x';
            i = 2;
            saw = '0';
        }
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c) || (hex && char.IsAsciiHexDigit(c)))
            {
                saw = '0';
                continue;
            }
            if (c == '_')
            {
                if (saw != '0') return false;
                saw = '_';
                continue;
            }
            if (saw == '_') return false;
            saw = '!';
        }
        return saw != '_';
    }

    /// <summary>spf13/cast's trimZeroDecimal: "12.000" becomes "12"; any other text is left alone.</summary>
    private static string TrimZeroDecimal(string s)
    {
        var foundZero = false;
        for (var i = s.Length; i > 0; i--)
        {
            switch (s[i - 1])
            {
                case '.':
                    if (foundZero) return s[..(i - 1)];
                    break;
                case '0':
                    foundZero = true;
                    break;
                default:
                    return s;
            }
        }
        return s;
    }

    /// <summary>Go's strconv.ParseFloat for decimal text (no spaces; inf and nan spelled as Go accepts them); 0 on error.</summary>
    private static double ParseGoFloat(string s)
    {
        var unsigned = s.TrimStart('+', '-');
        if (unsigned.Length != s.Length - (s.Length > 0 && s[0] is '+' or '-' ? 1 : 0)) return 0;
        var negative = s.StartsWith('-');
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        if (unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase)) return s.Length == 3 ? double.NaN : 0;
        return double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : 0; // out of range is an error in Go: 0
    }

    private static Dictionary<string, object?> Dict(IReadOnlyList<object?> a)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < a.Count; i += 2)
        {
            var key = StrVal(a[i]);
            d[key] = i + 1 < a.Count ? a[i + 1] : "";
        }
        return d;
    }

    private static object? Merge(IReadOnlyList<object?> a, bool overwrite)
    {
        var dst = Map(a[0]);
        foreach (var src in a.Skip(1))
        {
            // Merging deep-copies the source's values; one that shares itself many times over is refused first.
            TextBound.CheckSize(src);
            MergeInto(dst, Map(src), overwrite);
        }
        return dst;
    }

    /// <summary>
    /// mergo's deep merge of maps: nested maps merge key by key; otherwise, when overwriting, the source value replaces
    /// the destination's (even an empty one, such as <c>false</c>); without overwriting it only fills keys that are
    /// missing or empty. A nil source value is only written when overwriting.
    /// </summary>
    public static void MergeInto(IDictionary<string, object?> dst, IDictionary<string, object?> src, bool overwrite)
    {
        foreach (var (key, value) in src)
        {
            var has = dst.TryGetValue(key, out var existing);
            if (has && existing is IDictionary<string, object?> dm && value is IDictionary<string, object?> sm)
            {
                MergeInto(dm, sm, overwrite);
                continue;
            }
            if (value is null)
            {
                if (overwrite) dst[key] = null;
                continue;
            }
            if (overwrite || !has || GoValues.IsEmpty(existing)) dst[key] = DeepCopy(value);
        }
    }

    public static object? DeepCopy(object? v) => v switch
    {
        IDictionary<string, object?> m => m.ToDictionary(e => e.Key, e => DeepCopy(e.Value), StringComparer.Ordinal),
        IList<object?> l => l.Select(DeepCopy).ToList(),
        _ => v,
    };

    private static object? Dig(IReadOnlyList<object?> a)
    {
        var dict = Map(a[^1]);
        var fallback = a[^2];
        var keys = a.Take(a.Count - 2).Select(Str).ToList();
        object? current = dict;
        foreach (var key in keys)
        {
            if (current is IDictionary<string, object?> m && m.TryGetValue(key, out var next)) current = next;
            else return fallback;
        }
        return current;
    }

    public static bool DeepEqual(object? x, object? y)
    {
        if (GoValues.IsMissing(x)) x = null;
        if (GoValues.IsMissing(y)) y = null;
        // The same list or map is equal to itself; this also keeps a list shared many times over from being walked in full.
        if (x is not null && ReferenceEquals(x, y)) return true;
        return (x, y) switch
        {
            (null, null) => true,
            (IList<object?> a, IList<object?> b) => a.Count == b.Count && a.Zip(b).All(p => DeepEqual(p.First, p.Second)),
            (IDictionary<string, object?> a, IDictionary<string, object?> b) => a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var o) && DeepEqual(e.Value, o)),
            (long a, long b) => a == b,
            // reflect.DeepEqual looks through the *semver.Version pointer and into time.Time's fields.
            (SemverVersion a, SemverVersion b) => a.ToString() == b.ToString() && a.Original == b.Original,
            (GoTime a, GoTime b) => a.UtcTicks == b.UtcTicks && a.ExtraNanos == b.ExtraNanos && ReferenceEquals(a.Zone, b.Zone),
            _ => Equals(x, y),
        };
    }
}
