using System.Globalization;
using System.Text;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>Go's <c>fmt.Sprintf</c>, <c>Sprint</c> and <c>Sprintln</c> for the engine's values.</summary>
internal static class GoFormat
{
    public static string Sprint(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            // Go adds a space between operands when neither is a string.
            if (i > 0 && args[i] is not string && args[i - 1] is not string) sb.Append(' ');
            AppendBounded(sb, GoValues.Print(Nil(args[i])));
        }
        return sb.ToString();
    }

    public static string Sprintln(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            AppendBounded(sb, GoValues.Print(Nil(args[i])));
        }
        return sb.Append('\n').ToString();
    }

    /// <summary>Appends <paramref name="text"/> unless the result would pass the run's size bound (<see cref="TextBound"/>).</summary>
    private static void AppendBounded(StringBuilder sb, string text)
    {
        TextBound.Check((long)sb.Length + text.Length);
        sb.Append(text);
    }

    /// <summary>Go's fmt refuses a width or precision past a million (its <c>tooLarge</c>).</summary>
    private const int GoMaxWidth = 1_000_000;

    private static object? Nil(object? v) => GoValues.IsMissing(v) ? null : v;

    public static string Sprintf(string format, IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        var argIndex = 0;
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                i++;
                continue;
            }
            i++;
            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }
            // Flags.
            bool minus = false, plus = false, zero = false, space = false, sharp = false;
            for (; i < format.Length; i++)
            {
                var f = format[i];
                if (f == '-') minus = true;
                else if (f == '+') plus = true;
                else if (f == '0') zero = !minus;
                else if (f == ' ') space = true;
                else if (f == '#') sharp = true;
                else break;
            }
            int? width = null, precision = null;
            if (i < format.Length && format[i] == '*')
            {
                i++;
                if (argIndex < args.Count && args[argIndex] is long w)
                {
                    if (w is > GoMaxWidth or < -GoMaxWidth) sb.Append("%!(BADWIDTH)");
                    else if (w < 0)
                    {
                        minus = true;
                        zero = false;
                        width = (int)-w;
                    }
                    else width = (int)w;
                }
                else sb.Append("%!(BADWIDTH)");
                argIndex++;
            }
            else if (!ParseNumber(format, ref i, out width))
            {
                // A width Go finds too large: it gives up on the rest of the format, as Go's parsenum does.
                sb.Append("%!(NOVERB)");
                break;
            }
            if (i < format.Length && format[i] == '.')
            {
                i++;
                if (!ParseNumber(format, ref i, out precision))
                {
                    sb.Append("%!(NOVERB)");
                    break;
                }
                precision ??= 0;
            }
            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }
            var verb = format[i++];
            if (verb == '%')
            {
                sb.Append('%');
                continue;
            }
            if (argIndex >= args.Count)
            {
                sb.Append("%!").Append(verb).Append("(MISSING)");
                continue;
            }
            var arg = Nil(args[argIndex++]);
            // Padding and float digits are sized before anything is allocated.
            if (width is { } wb) TextBound.Check((long)sb.Length + wb);
            if (precision is { } pb && verb is 'f' or 'F' or 'e' or 'E' or 'g' or 'G') TextBound.Check((long)sb.Length + pb);
            var text = FormatOne(verb, arg, precision, plus, sharp, space);
            if (width is { } wd && text.Length < wd)
            {
                if (minus) text = text.PadRight(wd);
                else if (zero && verb is not ('s' or 'q' or 'v' or 't') && arg is long or double)
                {
                    var neg = text.StartsWith('-') || text.StartsWith('+');
                    text = neg ? text[0] + text[1..].PadLeft(wd - 1, '0') : text.PadLeft(wd, '0');
                }
                else text = text.PadLeft(wd);
            }
            AppendBounded(sb, text);
        }
        if (argIndex < args.Count)
        {
            sb.Append("%!(EXTRA ");
            sb.Append(string.Join(", ", args.Skip(argIndex).Select(a => $"{GoValues.TypeName(Nil(a))}={GoValues.Print(Nil(a))}")));
            sb.Append(')');
        }
        return sb.ToString();
    }

    /// <summary>
    /// Reads a width or precision at <paramref name="i"/> (null when there are no digits). False when the number grows
    /// past Go's limit: then, as Go does, the rest of the format is consumed.
    /// </summary>
    private static bool ParseNumber(string format, ref int i, out int? number)
    {
        number = null;
        var n = 0;
        for (; i < format.Length && char.IsAsciiDigit(format[i]); i++)
        {
            if (n > GoMaxWidth)
            {
                i = format.Length;
                number = null;
                return false;
            }
            n = n * 10 + (format[i] - '0');
            number = n;
        }
        return true;
    }

    private static string Bad(char verb, object? arg) => arg is null
        ? $"%!{verb}(<nil>)"
        : $"%!{verb}({GoValues.TypeName(arg)}={GoValues.Print(arg)})";

    private static string FormatOne(char verb, object? arg, int? precision, bool plus, bool sharp, bool space)
    {
        _ = space;
        switch (verb)
        {
            case 'T':
                // Go's type name; a nil (or missing) value prints as <nil>.
                return GoValues.TypeName(arg);
            case 'v':
                if (plus && arg is long l0) return (l0 >= 0 ? "+" : "") + l0.ToString(CultureInfo.InvariantCulture);
                if (arg is string s0 && sharp) return Quote(s0);
                return GoValues.Print(arg);
            case 's':
                if (arg is string s1) return precision is { } p1 && p1 < s1.Length ? s1[..p1] : s1;
                if (arg is long or double or bool or null) return Bad(verb, arg);
                return GoValues.Print(arg);
            case 'q':
                if (arg is string s2) return Quote(s2);
                if (arg is long r) return "'" + char.ConvertFromUtf32((int)r) + "'";
                return Bad(verb, arg);
            case 't':
                return arg is bool b ? (b ? "true" : "false") : Bad(verb, arg);
            case 'd':
                return arg is long d ? (plus && d >= 0 ? "+" : "") + d.ToString(CultureInfo.InvariantCulture) : Bad(verb, arg);
            case 'b':
                return arg is long b2 ? Convert.ToString(b2, 2) : Bad(verb, arg);
            case 'o':
                return arg is long o ? (sharp ? "0" : "") + Convert.ToString(o, 8) : Bad(verb, arg);
            case 'x':
            case 'X':
                {
                    string hex;
                    if (arg is long x) hex = (x < 0 ? "-" : "") + Math.Abs(x).ToString("x", CultureInfo.InvariantCulture);
                    else if (arg is string hs) hex = Convert.ToHexString(Encoding.UTF8.GetBytes(hs)).ToLowerInvariant();
                    else return Bad(verb, arg);
                    if (sharp && arg is long) hex = "0x" + hex;
                    return verb == 'X' ? hex.ToUpperInvariant() : hex;
                }
            case 'c':
                return arg is long ch ? char.ConvertFromUtf32((int)ch) : Bad(verb, arg);
            case 'U':
                return arg is long u ? "U+" + u.ToString("X4", CultureInfo.InvariantCulture) : Bad(verb, arg);
            case 'f':
            case 'F':
            case 'e':
            case 'E':
            case 'g':
            case 'G':
                {
                    if (arg is not double f) return Bad(verb, arg);
                    var lower = char.ToLowerInvariant(verb);
                    var text = GoValues.FormatFloat(f, lower, lower == 'g' ? precision ?? -1 : precision ?? 6);
                    if (plus && f >= 0) text = "+" + text;
                    return char.IsUpper(verb) ? text.ToUpperInvariant() : text;
                }
            default:
                return Bad(verb, arg);
        }
    }

    /// <summary>Go's <c>strconv.Quote</c>: double quotes with Go escapes.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
