using System.Globalization;
using System.Numerics;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// A Kubernetes resource quantity (<c>500m</c>, <c>1Gi</c>, <c>1.5</c>, <c>1e3</c>), read with the grammar the API
/// server's decoder applies: an optional sign, digits with at most one decimal point, then one suffix — a binary one
/// (<c>Ki Mi Gi Ti Pi Ei</c>), a decimal one (<c>n u m k M G T P E</c>) or a decimal exponent (<c>e3</c>, <c>E-2</c>).
/// </summary>
/// <remarks>
/// The value is kept exactly, in billionths (the server's smallest unit), rounded away from zero as the server rounds
/// and capped at the server's largest magnitude, so that two quantities compare as the server compares them.
/// Like the server, a lone sign or a lone point reads as zero and <c>1.G</c> is accepted.
/// </remarks>
internal readonly struct Quantity : IComparable<Quantity>
{
    private static readonly BigInteger Billion = 1_000_000_000;
    private static readonly BigInteger Cap = (BigInteger)long.MaxValue * Billion;

    private Quantity(BigInteger nanos, bool isBinary)
    {
        Nanos = nanos;
        IsBinary = isBinary;
    }

    /// <summary>The value in billionths of a unit.</summary>
    public BigInteger Nanos { get; }

    /// <summary>True when written with a binary suffix (<c>Ki</c> ... <c>Ei</c>).</summary>
    public bool IsBinary { get; }

    /// <summary>True when the value is below zero.</summary>
    public bool IsNegative => Nanos.Sign < 0;

    /// <summary>True when the value is a whole number of units.</summary>
    public bool IsWhole => BigInteger.Remainder(Nanos, Billion).IsZero;

    /// <inheritdoc />
    public int CompareTo(Quantity other) => Nanos.CompareTo(other.Nanos);

    /// <summary>Reads a quantity; returns what is wrong with the text, or <c>null</c> when it is a quantity.</summary>
    public static string? Problem(string text, out Quantity quantity)
    {
        quantity = default;
        if (text.Length == 0) return "a quantity may not be empty";
        var s = text.AsSpan();
        var pos = 0;
        var negative = false;
        if (s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            pos++;
        }
        var intStart = pos;
        while (pos < s.Length && char.IsAsciiDigit(s[pos])) pos++;
        var integer = s[intStart..pos];
        var fraction = ReadOnlySpan<char>.Empty;
        if (pos < s.Length && s[pos] == '.')
        {
            pos++;
            var fracStart = pos;
            while (pos < s.Length && char.IsAsciiDigit(s[pos])) pos++;
            fraction = s[fracStart..pos];
        }
        var suffix = s[pos..];
        if (suffix.Length > 0 && integer.Length == 0 && fraction.Length == 0 && suffix[0] is not ('+' or '-' or '.'))
            return "a quantity starts with a number, such as 500m or 1Gi";
        if (!TryReadSuffix(suffix, out var base2, out var base10, out var problem)) return problem;

        // digits × 10^(base10 - |fraction|) × 2^base2, kept in billionths.
        var digits = BigInteger.Zero;
        foreach (var c in integer) digits = digits * 10 + (c - '0');
        foreach (var c in fraction) digits = digits * 10 + (c - '0');
        var exponent10 = (long)base10 - fraction.Length + 9;
        var value = digits << base2;
        BigInteger nanos;
        if (value.IsZero) nanos = BigInteger.Zero;
        else if (exponent10 > 40) nanos = Cap;
        else if (exponent10 >= 0) nanos = value * BigInteger.Pow(10, (int)exponent10);
        else if (exponent10 < -60) nanos = BigInteger.One;
        else
        {
            var divisor = BigInteger.Pow(10, (int)-exponent10);
            nanos = BigInteger.DivRem(value, divisor, out var remainder);
            if (!remainder.IsZero) nanos += 1;
        }
        if (nanos > Cap) nanos = Cap;
        quantity = new Quantity(negative ? -nanos : nanos, base2 > 0);
        return null;
    }

    /// <summary>True when the text is a quantity.</summary>
    public static bool IsQuantity(string text) => Problem(text, out _) is null;

    private static bool TryReadSuffix(ReadOnlySpan<char> suffix, out int base2, out int base10, out string? problem)
    {
        base2 = 0;
        base10 = 0;
        problem = null;
        switch (suffix)
        {
            case "": return true;
            case "Ki": base2 = 10; return true;
            case "Mi": base2 = 20; return true;
            case "Gi": base2 = 30; return true;
            case "Ti": base2 = 40; return true;
            case "Pi": base2 = 50; return true;
            case "Ei": base2 = 60; return true;
            case "n": base10 = -9; return true;
            case "u": base10 = -6; return true;
            case "m": base10 = -3; return true;
            case "k": base10 = 3; return true;
            case "M": base10 = 6; return true;
            case "G": base10 = 9; return true;
            case "T": base10 = 12; return true;
            case "P": base10 = 15; return true;
            case "E": base10 = 18; return true;
        }
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E')
        {
            var digits = suffix[1..];
            if (digits[0] is '+' or '-') digits = digits[1..];
            var allDigits = digits.Length > 0;
            foreach (var c in digits) allDigits &= char.IsAsciiDigit(c);
            if (allDigits && long.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
            {
                base10 = (int)Math.Clamp(exponent, -1000, 1000);
                return true;
            }
        }
        problem = suffix.Contains(' ')
            ? "a quantity may not contain spaces"
            : suffix.Length > 0 && (suffix.Contains('.') || suffix[0] is '+' or '-')
            ? "a quantity has at most one sign and one decimal point"
            : suffix is "K" or "ki" or "KB" or "MB" or "GB" or "mi" or "gi" or "Kb" or "Mb" or "Gb"
                ? $"{suffix.ToString()} is not a unit: use Ki, Mi, Gi (powers of 1024) or k, M, G (powers of 1000)"
                : $"the unit {suffix.ToString()} is unknown: use Ki, Mi, Gi, Ti, Pi, Ei; n, u, m, k, M, G, T, P, E; or an exponent such as e3";
        return false;
    }

    /// <summary>The text a quantity node holds: a string as written, or a number as YAML wrote it.</summary>
    public override string ToString()
        => IsWhole ? BigInteger.Divide(Nanos, Billion).ToString(CultureInfo.InvariantCulture) : $"{Nanos.ToString(CultureInfo.InvariantCulture)}n";
}
