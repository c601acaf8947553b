using System.Globalization;
using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Yaml;

/// <summary>
/// The one place that knows how YAML parsers turn plain (unquoted) text into values.
/// The reader resolves plain scalars the way Kubernetes' Go YAML parser does (YAML 1.1 rules),
/// and the emitter quotes every string that a YAML 1.1 or 1.2 parser would read as something else.
/// </summary>
internal static partial class YamlScalars
{
    private static readonly HashSet<string> NullWords = new(StringComparer.Ordinal) { "", "~", "null", "Null", "NULL" };

    private static readonly HashSet<string> TrueWords = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
    };

    private static readonly HashSet<string> FalseWords = new(StringComparer.Ordinal)
    {
        "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
    };

    // Words any YAML 1.1 or 1.2 parser, in any letter case, might read as bool, null or a special float.
    private static readonly HashSet<string> AmbiguousWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<", "=",
        ".inf", "+.inf", "-.inf", ".nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan",
    };

    [GeneratedRegex(@"^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex GoInteger();

    [GeneratedRegex(@"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GoFloat();

    // Anything that starts like a number (optional sign, then a digit or a dot and a digit) and holds only
    // characters that appear in YAML 1.1/1.2 ints, floats, sexagesimals and timestamps.
    [GeneratedRegex(@"^[-+]?\.?[0-9][0-9a-fA-F_.:xXoObBeE+\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    // YAML 1.1 timestamps: 2001-12-14, 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10 -5.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampLike();

    /// <summary>
    /// Resolves the text of a plain scalar to a node the way Kubernetes' YAML 1.1 parser would:
    /// <c>yes</c>/<c>on</c> are booleans, <c>0755</c> is octal, <c>~</c> is null, timestamps stay strings.
    /// </summary>
    public static ScalarNode ResolvePlain(string text, SourceLocation? location)
    {
        if (NullWords.Contains(text)) return new NullNode(location);
        if (TrueWords.Contains(text)) return new BooleanNode(true, location);
        if (FalseWords.Contains(text)) return new BooleanNode(false, location);
        if (text.Length == 0) return new StringNode(text, location);

        var first = text[0];
        if (first == '.')
        {
            switch (text)
            {
                case ".inf" or ".Inf" or ".INF": return new NumberNode(double.PositiveInfinity, location);
                case ".nan" or ".NaN" or ".NAN": return new NumberNode(double.NaN, location);
            }
        }
        if (first is '+' or '-')
        {
            switch (text[1..])
            {
                case ".inf" or ".Inf" or ".INF":
                    return new NumberNode(first == '-' ? double.NegativeInfinity : double.PositiveInfinity, location);
            }
        }
        if (char.IsAsciiDigit(first) || first is '+' or '-' or '.')
        {
            var plain = text.Contains('_') ? text.Replace("_", "", StringComparison.Ordinal) : text;
            if (GoInteger().IsMatch(plain) && TryParseGoInteger(plain, out var integer))
                return new IntegerNode(integer, location);
            if (GoFloat().IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return new NumberNode(number, location);
        }
        return new StringNode(text, location);
    }

    private static bool TryParseGoInteger(string text, out long value)
    {
        var negative = text[0] == '-';
        var digits = text[0] is '+' or '-' ? text[1..] : text;
        int radix = 10;
        if (digits.Length > 1 && digits[0] == '0')
        {
            switch (digits[1])
            {
                case 'x' or 'X': radix = 16; digits = digits[2..]; break;
                case 'o' or 'O': radix = 8; digits = digits[2..]; break;
                case 'b' or 'B': radix = 2; digits = digits[2..]; break;
                default: radix = 8; digits = digits[1..]; break;
            }
        }
        try
        {
            var magnitude = new System.Numerics.BigInteger(0);
            foreach (var c in digits)
            {
                magnitude = magnitude * radix + Convert.ToInt32(c.ToString(), 16);
            }
            if (negative) magnitude = -magnitude;
            if (magnitude < long.MinValue || magnitude > long.MaxValue)
            {
                value = 0;
                return false;
            }
            value = (long)magnitude;
            return true;
        }
        catch (FormatException)
        {
            value = 0;
            return false;
        }
    }

    /// <summary>
    /// True when a string must be quoted so that no YAML 1.1 or 1.2 parser reads it as a non-string:
    /// booleans and null in any case, numbers in every base and notation, timestamps, the empty string
    /// and text with leading or trailing whitespace.
    /// </summary>
    public static bool NeedsQuoting(string value)
    {
        if (value.Length == 0) return true;
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) return true;
        if (AmbiguousWords.Contains(value)) return true;
        var first = value[0];
        if (char.IsAsciiDigit(first) || first is '+' or '-' or '.')
        {
            if (NumberLike().IsMatch(value)) return true;
            if (TimestampLike().IsMatch(value)) return true;
        }
        return ResolvePlain(value, null) is not StringNode;
    }
}
