using System.Globalization;
using System.Text;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// The value model of the engine, mirroring Go's dynamic values: <c>null</c> is a nil interface, <see cref="Missing"/>
/// is Go's invalid value (a map key that is not there), strings, <c>bool</c>, <c>long</c> (Go int), <c>double</c>
/// (float64, which is what numbers from JSON and YAML become), <see cref="List{T}"/> of objects (a slice) and
/// <see cref="Dictionary{TKey,TValue}"/> from string (a map, iterated in key order).
/// </summary>
internal static class GoValues
{
    /// <summary>Go's invalid reflect value: what a missing map key yields.</summary>
    public sealed class MissingValue
    {
        private MissingValue() { }

        public static readonly MissingValue Instance = new();

        public override string ToString() => "<no value>";
    }

    public static readonly MissingValue Missing = MissingValue.Instance;

    public static bool IsMissing(object? v) => ReferenceEquals(v, Missing);

    /// <summary>Go's type name for a value, as error messages and <c>typeOf</c> print it.</summary>
    public static string TypeName(object? v) => v switch
    {
        null => "<nil>",
        MissingValue => "<invalid>",
        string => "string",
        bool => "bool",
        long => "int",
        int => "int",
        double => "float64",
        IList<object?> => "[]interface {}",
        IDictionary<string, object?> => "map[string]interface {}",
        IGoObject o => o.GoTypeName,
        _ => v.GetType().Name,
    };

    /// <summary>Go's <c>reflect.Kind</c> name, as <c>kindOf</c> prints it.</summary>
    public static string KindName(object? v) => v switch
    {
        null => "invalid",
        MissingValue => "invalid",
        string => "string",
        bool => "bool",
        long or int => "int",
        double => "float64",
        IList<object?> => "slice",
        IDictionary<string, object?> => "map",
        IGoObject o => o.GoKindName,
        _ => "struct",
    };

    /// <summary>Go's truthiness: false, 0, nil, and empty strings, slices and maps are false.</summary>
    public static bool IsTrue(object? v) => v switch
    {
        null or MissingValue => false,
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary>Sprig's <c>empty</c>: the same as not <see cref="IsTrue"/>.</summary>
    public static bool IsEmpty(object? v) => !IsTrue(v);

    /// <summary>Formats a value as Go's <c>%v</c> does.</summary>
    public static string Print(object? v)
    {
        var sb = new StringBuilder();
        Print(sb, v, top: true);
        return sb.ToString();
    }

    private static void Print(StringBuilder sb, object? v, bool top)
    {
        switch (v)
        {
            case MissingValue:
                sb.Append(top ? "<no value>" : "<nil>");
                break;
            case null:
                sb.Append("<nil>");
                break;
            case string s:
                // Held to the run's size bound as it grows: a list holding one long string many times stops early.
                TextBound.Check((long)sb.Length + s.Length);
                sb.Append(s);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case int i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(FormatFloat(d, 'g', -1));
                break;
            case IList<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(' ');
                    Print(sb, list[i], false);
                    TextBound.Check(sb);
                }
                sb.Append(']');
                break;
            case IDictionary<string, object?> map:
                sb.Append("map[");
                var first = true;
                foreach (var key in map.Keys.OrderBy(k => k, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(' ');
                    first = false;
                    sb.Append(key).Append(':');
                    Print(sb, map[key], false);
                    TextBound.Check(sb);
                }
                sb.Append(']');
                break;
            default:
                sb.Append(Convert.ToString(v, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>
    /// Formats a float64 as Go's strconv does: <paramref name="format"/> is 'g', 'e' or 'f'; precision -1 means the
    /// shortest text that reads back exactly. With 'g' and the shortest precision Go switches to exponent form for
    /// exponents below -4 or from 6 up, so 1000000 prints as <c>1e+06</c> (a known surprise of Argo CD templates).
    /// </summary>
    public static string FormatFloat(double d, char format, int precision)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "+Inf";
        if (double.IsNegativeInfinity(d)) return "-Inf";
        switch (format)
        {
            case 'f':
                if (precision < 0)
                {
                    var r = d.ToString("R", CultureInfo.InvariantCulture);
                    return r.Contains('E') ? decimal.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m.ToString(CultureInfo.InvariantCulture) : d.ToString("F", CultureInfo.InvariantCulture) : r;
                }
                return d.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            case 'e':
                {
                    var (digits, exp) = Digits(d, precision < 0 ? -1 : precision + 1);
                    if (precision >= 0) digits = digits.PadRight(precision + 1, '0');
                    return ExpForm(d < 0, digits, exp);
                }
            default:
                {
                    var shortest = precision < 0;
                    var (digits, exp) = Digits(d, shortest ? -1 : (precision == 0 ? 1 : precision));
                    if (!shortest) digits = digits.TrimEnd('0') is { Length: > 0 } t ? t : "0";
                    var eprec = shortest ? 6 : (precision == 0 ? 1 : precision);
                    if (!shortest && eprec > digits.Length && digits.Length >= exp + 1) eprec = digits.Length;
                    var x = exp;
                    if (x < -4 || x >= eprec) return ExpForm(d < 0, digits, exp);
                    // Plain form.
                    var sb = new StringBuilder();
                    if (d < 0) sb.Append('-');
                    var dp = exp + 1;
                    if (dp <= 0)
                    {
                        sb.Append("0.").Append('0', -dp).Append(digits);
                    }
                    else if (dp >= digits.Length)
                    {
                        sb.Append(digits).Append('0', dp - digits.Length);
                    }
                    else
                    {
                        sb.Append(digits, 0, dp).Append('.').Append(digits, dp, digits.Length - dp);
                    }
                    return sb.ToString();
                }
        }
    }

    private static string ExpForm(bool negative, string digits, int exp)
    {
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        sb.Append(digits[0]);
        if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
        sb.Append('e').Append(exp < 0 ? '-' : '+');
        var e = Math.Abs(exp);
        if (e < 10) sb.Append('0');
        sb.Append(e.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>The significant decimal digits of |d| (no trailing zeros) and the decimal exponent of the first one.</summary>
    private static (string Digits, int Exp) Digits(double d, int significant)
    {
        d = Math.Abs(d);
        if (d == 0) return ("0", 0);
        var text = significant < 0
            ? d.ToString("E16", CultureInfo.InvariantCulture)
            : d.ToString("E" + (significant - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (significant < 0)
        {
            // Shortest round-trip digits.
            var r = d.ToString("R", CultureInfo.InvariantCulture);
            var e = 0;
            var ei = r.IndexOfAny(['E', 'e']);
            if (ei >= 0)
            {
                e = int.Parse(r[(ei + 1)..], CultureInfo.InvariantCulture);
                r = r[..ei];
            }
            var dot = r.IndexOf('.');
            var intPart = dot < 0 ? r : r[..dot];
            var frac = dot < 0 ? "" : r[(dot + 1)..];
            var all = (intPart + frac).TrimStart('0');
            var lead = (intPart + frac).Length - all.Length;
            var exp = intPart.Length - 1 - lead + e;
            all = all.TrimEnd('0');
            return (all.Length == 0 ? "0" : all, exp);
        }
        var mant = text[..text.IndexOf('E')].Replace(".", "", StringComparison.Ordinal);
        var exponent = int.Parse(text[(text.IndexOf('E') + 1)..], CultureInfo.InvariantCulture);
        return (significant >= 0 ? mant : mant.TrimEnd('0'), exponent);
    }
}
