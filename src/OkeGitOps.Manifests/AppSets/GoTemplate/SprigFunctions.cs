using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using static OkeGitOps.Manifests.AppSets.GoTemplate.TemplateFunctions;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// The Sprig functions this engine provides, with Sprig's argument order (the piped value last) and its lenient
/// conversions. Functions that read the clock, randomness, the environment or the network are not provided: Argo CD
/// removes <c>env</c>, <c>expandenv</c> and <c>getHostByName</c>, and an offline preview must be deterministic, so
/// <c>now</c>, <c>date</c>, <c>uuidv4</c>, <c>rand*</c> and friends fail at parse time as unknown functions.
/// </summary>
internal static class SprigFunctions
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static void Add(Dictionary<string, TemplateFunction> f)
    {
        // Strings.
        f["trim"] = new(1, 1, (_, a) => Str(a[0]).Trim());
        f["trimAll"] = new(2, 2, (_, a) => Str(a[1]).Trim(Str(a[0]).ToCharArray()));
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
        f["initials"] = new(1, 1, (_, a) => string.Concat(Str(a[0]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w[0])));
        f["contains"] = new(2, 2, (_, a) => Str(a[1]).Contains(Str(a[0]), StringComparison.Ordinal));
        f["hasPrefix"] = new(2, 2, (_, a) => Str(a[1]).StartsWith(Str(a[0]), StringComparison.Ordinal));
        f["hasSuffix"] = new(2, 2, (_, a) => Str(a[1]).EndsWith(Str(a[0]), StringComparison.Ordinal));
        f["quote"] = new(0, -1, (_, a) => string.Join(' ', a.Where(NotNil).Select(v => GoFormat.Quote(StrVal(v)))));
        f["squote"] = new(0, -1, (_, a) => string.Join(' ', a.Where(NotNil).Select(v => "'" + StrVal(v) + "'")));
        f["cat"] = new(0, -1, (_, a) => string.Join(' ', a.Where(NotNil).Select(StrVal)));
        f["indent"] = new(2, 2, (_, a) => Indent(Int(a[0]), Str(a[1])));
        f["nindent"] = new(2, 2, (_, a) => "\n" + Indent(Int(a[0]), Str(a[1])));
        f["replace"] = new(3, 3, (_, a) => Str(a[0]).Length == 0 ? Str(a[2]) : Str(a[2]).Replace(Str(a[0]), Str(a[1]), StringComparison.Ordinal));
        f["plural"] = new(3, 3, (_, a) => Int(a[2]) == 1 ? Str(a[0]) : Str(a[1]));
        f["snakecase"] = new(1, 1, (_, a) => Words(Str(a[0]), '_'));
        f["kebabcase"] = new(1, 1, (_, a) => Words(Str(a[0]), '-'));
        f["camelcase"] = new(1, 1, (_, a) => string.Concat(Str(a[0]).Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));
        f["swapcase"] = new(1, 1, (_, a) => new string(Str(a[0]).Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray()));
        f["toString"] = new(1, 1, (_, a) => StrVal(a[0]));
        f["toStrings"] = new(1, 1, (_, a) => StrSlice(a[0]).Cast<object?>().ToList());
        f["split"] = new(2, 2, (_, a) => Indexed(Str(a[1]).Split(Str(a[0]))));
        f["splitList"] = new(2, 2, (_, a) => Str(a[1]).Split(Str(a[0])).Cast<object?>().ToList());
        f["splitn"] = new(3, 3, (_, a) => Indexed(Str(a[2]).Split(Str(a[0]), Math.Max(1, Int(a[1])))));
        f["join"] = new(2, 2, (_, a) => string.Join(Str(a[0]), StrSlice(a[1])));
        f["sortAlpha"] = new(1, 1, (_, a) => StrSlice(a[0]).OrderBy(s => s, StringComparer.Ordinal).Cast<object?>().ToList());
        f["regexMatch"] = new(2, 2, (_, a) => Regex(Str(a[0])).IsMatch(Str(a[1])));
        f["regexFind"] = new(2, 2, (_, a) => Regex(Str(a[0])).Match(Str(a[1])) is { Success: true } m ? m.Value : "");
        f["regexFindAll"] = new(3, 3, (_, a) => Regex(Str(a[0])).Matches(Str(a[1])).Select(m => m.Value).Take(Int(a[2]) < 0 ? int.MaxValue : Int(a[2])).Cast<object?>().ToList());
        f["regexReplaceAll"] = new(3, 3, (_, a) => Regex(Str(a[0])).Replace(Str(a[1]), GoReplacement(Str(a[2]))));
        f["regexReplaceAllLiteral"] = new(3, 3, (_, a) => Regex(Str(a[0])).Replace(Str(a[1]), Str(a[2]).Replace("$", "$$", StringComparison.Ordinal)));
        f["regexSplit"] = new(3, 3, (_, a) => RegexSplit(Str(a[0]), Str(a[1]), Int(a[2])));
        f["regexQuoteMeta"] = new(1, 1, (_, a) => System.Text.RegularExpressions.Regex.Escape(Str(a[0])));

        // Encodings and checksums.
        f["b64enc"] = new(1, 1, (_, a) => Convert.ToBase64String(Encoding.UTF8.GetBytes(StrVal(a[0]))));
        f["b64dec"] = new(1, 1, (_, a) => B64Decode(StrVal(a[0])));
        f["b32enc"] = new(1, 1, (_, a) => Base32(Encoding.UTF8.GetBytes(StrVal(a[0]))));
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

        // Defaults and flow.
        f["default"] = new(1, -1, (_, a) => a.Count < 2 || GoValues.IsEmpty(a[1]) ? a[0] : a[1]);
        f["empty"] = new(1, 1, (_, a) => GoValues.IsEmpty(a[0]));
        f["coalesce"] = new(0, -1, (_, a) => a.FirstOrDefault(v => !GoValues.IsEmpty(v)));
        f["all"] = new(0, -1, (_, a) => a.All(v => !GoValues.IsEmpty(v)));
        f["any"] = new(0, -1, (_, a) => a.Any(v => !GoValues.IsEmpty(v)));
        f["ternary"] = new(3, 3, (_, a) => Bool(a[2]) ? a[0] : a[1]);
        f["fail"] = new(1, 1, (_, a) => throw new TemplateFunctionException(Str(a[0])));
        f["toJson"] = new(1, 1, (_, a) => TemplateData.ToJson(a[0], indent: false, escapeHtml: true));
        f["mustToJson"] = f["toJson"];
        f["toPrettyJson"] = new(1, 1, (_, a) => TemplateData.ToJson(a[0], indent: true, escapeHtml: true));
        f["toRawJson"] = new(1, 1, (_, a) => TemplateData.ToJson(a[0], indent: false, escapeHtml: false));

        // Lists.
        f["list"] = new(0, -1, (_, a) => a.ToList());
        f["tuple"] = f["list"];
        f["first"] = new(1, 1, (_, a) => List(a[0], "first") is { Count: > 0 } l ? l[0] : null);
        f["last"] = new(1, 1, (_, a) => List(a[0], "last") is { Count: > 0 } l ? l[^1] : null);
        f["rest"] = new(1, 1, (_, a) => List(a[0], "rest") is { Count: > 0 } l ? l.Skip(1).ToList() : null);
        f["initial"] = new(1, 1, (_, a) => List(a[0], "initial") is { Count: > 0 } l ? l.Take(l.Count - 1).ToList() : null);
        f["append"] = new(2, 2, (_, a) => List(a[0], "append").Append(a[1]).ToList());
        f["push"] = f["append"];
        f["prepend"] = new(2, 2, (_, a) => List(a[0], "prepend").Prepend(a[1]).ToList());
        f["concat"] = new(0, -1, (_, a) => a.SelectMany(l => List(l, "concat")).ToList());
        f["reverse"] = new(1, 1, (_, a) => List(a[0], "reverse").Reverse().ToList());
        f["uniq"] = new(1, 1, (_, a) => Uniq(List(a[0], "uniq")));
        f["without"] = new(1, -1, (_, a) => List(a[0], "without").Where(v => !a.Skip(1).Any(w => DeepEqual(v, w))).ToList());
        f["has"] = new(2, 2, (_, a) => a[1] is IList<object?> l && l.Any(v => DeepEqual(v, a[0])));
        f["compact"] = new(1, 1, (_, a) => List(a[0], "compact").Where(v => !GoValues.IsEmpty(v)).ToList());
        f["until"] = new(1, 1, (_, a) => UntilStep(0, Int(a[0]), Int(a[0]) >= 0 ? 1 : -1));
        f["untilStep"] = new(3, 3, (_, a) => UntilStep(Int(a[0]), Int(a[1]), Int(a[2])));
        f["seq"] = new(0, 3, (_, a) => Seq(a));

        // Maths (Sprig converts its arguments leniently to int64 or float64).
        f["add"] = new(0, -1, (_, a) => a.Aggregate(0L, (s, v) => s + ToInt64(v)));
        f["add1"] = new(1, 1, (_, a) => ToInt64(a[0]) + 1);
        f["sub"] = new(2, 2, (_, a) => ToInt64(a[0]) - ToInt64(a[1]));
        f["mul"] = new(1, -1, (_, a) => a.Aggregate(1L, (s, v) => s * ToInt64(v)));
        f["div"] = new(2, 2, (_, a) => ToInt64(a[1]) == 0 ? throw new TemplateFunctionException("runtime error: integer divide by zero") : ToInt64(a[0]) / ToInt64(a[1]));
        f["mod"] = new(2, 2, (_, a) => ToInt64(a[1]) == 0 ? throw new TemplateFunctionException("runtime error: integer divide by zero") : ToInt64(a[0]) % ToInt64(a[1]));
        f["max"] = new(1, -1, (_, a) => a.Max(ToInt64));
        f["min"] = new(1, -1, (_, a) => a.Min(ToInt64));
        f["floor"] = new(1, 1, (_, a) => Math.Floor(ToFloat64(a[0])));
        f["ceil"] = new(1, 1, (_, a) => Math.Ceiling(ToFloat64(a[0])));
        f["round"] = new(2, 3, (_, a) => Math.Round(ToFloat64(a[0]), Int(a[1]), MidpointRounding.AwayFromZero));
        f["int"] = new(1, 1, (_, a) => ToInt64(a[0]));
        f["int64"] = new(1, 1, (_, a) => ToInt64(a[0]));
        f["float64"] = new(1, 1, (_, a) => ToFloat64(a[0]));
        f["atoi"] = new(1, 1, (_, a) => long.TryParse(Str(a[0]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0L);

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
        f["deepCopy"] = new(1, 1, (_, a) => DeepCopy(a[0]));
        f["dig"] = new(3, -1, (_, a) => Dig(a));

        // Types.
        f["kindOf"] = new(1, 1, (_, a) => GoValues.KindName(a[0]));
        f["typeOf"] = new(1, 1, (_, a) => GoValues.TypeName(a[0]));
        f["kindIs"] = new(2, 2, (_, a) => Str(a[0]) == GoValues.KindName(a[1]));
        f["typeIs"] = new(2, 2, (_, a) => Str(a[0]) == GoValues.TypeName(a[1]));
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

    private static string Indent(int n, string s)
    {
        var pad = new string(' ', Math.Max(0, n));
        return pad + s.Replace("\n", "\n" + pad, StringComparison.Ordinal);
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

    public static long ToInt64(object? v) => v switch
    {
        long l => l,
        int i => i,
        double d => double.IsNaN(d) ? 0 : (long)Math.Truncate(d),
        bool b => b ? 1 : 0,
        string s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? l
            : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (long)d : 0,
        _ => 0,
    };

    public static double ToFloat64(object? v) => v switch
    {
        long l => l,
        int i => i,
        double d => d,
        bool b => b ? 1 : 0,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0,
        _ => 0,
    };

    private static List<object?> UntilStep(int start, int stop, int step)
    {
        var v = new List<object?>();
        if (step == 0) return v;
        if ((long)(stop - start) / step > 1_000_000) throw new TemplateFunctionException("until would produce more than 1000000 numbers");
        if (step > 0)
        {
            for (long i = start; i < stop; i += step) v.Add(i);
        }
        else
        {
            for (long i = start; i > stop; i += step) v.Add(i);
        }
        return v;
    }

    private static string Seq(IReadOnlyList<object?> a)
    {
        var n = a.Select(Int).ToArray();
        var (start, step, end) = n.Length switch
        {
            0 => (0, 0, 0),
            1 => (1, 1, n[0]),
            2 => (n[0], n[0] <= n[1] ? 1 : -1, n[1]),
            _ => (n[0], n[1], n[2]),
        };
        if (n.Length == 0) return "";
        if (n.Length == 1 && end < 1) start = 1;
        if (n.Length == 1 && end < 1) step = -1;
        var items = new List<string>();
        if (step == 0) return "";
        if (Math.Abs((long)end - start) / Math.Abs(step) > 1_000_000) throw new TemplateFunctionException("seq would produce more than 1000000 numbers");
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) items.Add(i.ToString(CultureInfo.InvariantCulture));
        return string.Join(' ', items);
    }

    private static List<object?> Uniq(IList<object?> list)
    {
        var res = new List<object?>();
        foreach (var v in list)
        {
            if (!res.Any(r => DeepEqual(r, v))) res.Add(v);
        }
        return res;
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
        foreach (var src in a.Skip(1)) MergeInto(dst, Map(src), overwrite);
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
        return (x, y) switch
        {
            (null, null) => true,
            (IList<object?> a, IList<object?> b) => a.Count == b.Count && a.Zip(b).All(p => DeepEqual(p.First, p.Second)),
            (IDictionary<string, object?> a, IDictionary<string, object?> b) => a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var o) && DeepEqual(e.Value, o)),
            (long a, long b) => a == b,
            _ => Equals(x, y),
        };
    }
}
