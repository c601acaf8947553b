using System.Net;
using System.Net.Sockets;

namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// The OpenAPI <c>format</c> values the validator checks, each cheaply and without regexes. Formats not listed here
/// (<c>uri</c>, <c>email</c>, <c>password</c>, <c>duration</c>, ...) are not checked: the API server's own checks
/// for them are either permissive or not worth imitating.
/// </summary>
internal static class Formats
{
    /// <summary>Checks a string against a string format; returns what is wrong, or <c>null</c> when it is fine or the format is not checked.</summary>
    public static string? StringProblem(string format, string value) => format switch
    {
        "byte" => IsBase64(value) ? null : "is not valid base64",
        "date-time" or "datetime" => IsDateTime(value) ? null : "is not an RFC 3339 date-time such as 2025-01-31T12:00:00Z",
        "date" => IsDate(value.AsSpan()) ? null : "is not a date such as 2025-01-31",
        "uuid" => IsUuid(value) ? null : "is not a UUID",
        "ipv4" => IsIp(value, AddressFamily.InterNetwork) ? null : "is not an IPv4 address",
        "ipv6" => IsIp(value, AddressFamily.InterNetworkV6) ? null : "is not an IPv6 address",
        "cidr" => IsCidr(value) ? null : "is not a CIDR such as 10.0.0.0/16",
        "hostname" => IsHostname(value) ? null : "is not a hostname",
        "mac" => IsMac(value) ? null : "is not a MAC address",
        _ => null,
    };

    /// <summary>Checks an integer against <c>int32</c> (the only integer format with a narrower range than the tree's 64 bits).</summary>
    public static string? IntegerProblem(string format, long value)
        => format == "int32" && value is < int.MinValue or > int.MaxValue
            ? $"is out of range for int32 ({int.MinValue}..{int.MaxValue})"
            : null;

    /// <summary>Standard base64 with padding, as Go's <c>encoding/json</c> decodes <c>[]byte</c>.</summary>
    public static bool IsBase64(string s)
    {
        if (s.Length % 4 != 0) return false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiLetterOrDigit(c) || c == '+' || c == '/') continue;
            if (c == '=' && i >= s.Length - 2 && (i == s.Length - 1 || s[i + 1] == '=')) continue;
            return false;
        }
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    private static int Number(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s) n = n * 10 + (c - '0');
        return n;
    }

    /// <summary><c>YYYY-MM-DD</c> with a real day of the month.</summary>
    public static bool IsDate(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-' || !Digits(s[..4]) || !Digits(s[5..7]) || !Digits(s[8..10])) return false;
        var year = Number(s[..4]);
        var month = Number(s[5..7]);
        var day = Number(s[8..10]);
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    /// <summary>RFC 3339: <c>date</c> 'T' <c>hh:mm:ss</c> [<c>.fraction</c>] then 'Z' or <c>±hh:mm</c> (either case of 'T' and 'Z').</summary>
    public static bool IsDateTime(string value)
    {
        var s = value.AsSpan();
        if (s.Length < 20 || !IsDate(s[..10]) || (s[10] != 'T' && s[10] != 't')) return false;
        var t = s[11..];
        if (t.Length < 9 || t[2] != ':' || t[5] != ':' || !Digits(t[..2]) || !Digits(t[3..5]) || !Digits(t[6..8])) return false;
        if (Number(t[..2]) > 23 || Number(t[3..5]) > 59 || Number(t[6..8]) > 60) return false;
        var rest = t[8..];
        if (rest.Length > 0 && rest[0] == '.')
        {
            var i = 1;
            while (i < rest.Length && char.IsAsciiDigit(rest[i])) i++;
            if (i == 1) return false;
            rest = rest[i..];
        }
        if (rest.Length == 1) return rest[0] is 'Z' or 'z';
        if (rest.Length != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':' || !Digits(rest[1..3]) || !Digits(rest[4..6])) return false;
        return Number(rest[1..3]) <= 23 && Number(rest[4..6]) <= 59;
    }

    private static bool IsUuid(string s)
    {
        if (s.Length != 36) return false;
        for (var i = 0; i < s.Length; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? s[i] != '-' : !char.IsAsciiHexDigit(s[i])) return false;
        }
        return true;
    }

    private static bool IsIp(string s, AddressFamily family)
    {
        if (family == AddressFamily.InterNetwork) return IsIpv4(s.AsSpan());
        return s.Contains(':') && !s.Contains('%') && IPAddress.TryParse(s, out var ip) && ip.AddressFamily == family;
    }

    /// <summary>Four decimal octets without leading zeros, as Go's <c>net.ParseIP</c> reads them.</summary>
    private static bool IsIpv4(ReadOnlySpan<char> s)
    {
        for (var octet = 0; octet < 4; octet++)
        {
            var end = octet < 3 ? s.IndexOf('.') : s.Length;
            if (end <= 0 || end > 3) return false;
            var part = s[..end];
            if (!Digits(part) || (part.Length > 1 && part[0] == '0') || Number(part) > 255) return false;
            s = octet < 3 ? s[(end + 1)..] : s[end..];
        }
        return s.Length == 0;
    }

    /// <summary>An address, '/', and a prefix length that fits it; host bits may be set, as Go's <c>net.ParseCIDR</c> allows.</summary>
    public static bool IsCidr(string s)
    {
        var slash = s.IndexOf('/');
        if (slash <= 0 || slash == s.Length - 1 || s.Length - slash > 4) return false;
        var address = s[..slash];
        var prefix = s.AsSpan(slash + 1);
        if (!Digits(prefix) || (prefix.Length > 1 && prefix[0] == '0')) return false;
        var bits = Number(prefix);
        if (IsIp(address, AddressFamily.InterNetwork)) return bits <= 32;
        return IsIp(address, AddressFamily.InterNetworkV6) && bits <= 128;
    }

    /// <summary>An IPv4 or IPv6 address.</summary>
    public static bool IsIpAddress(string s) => IsIp(s, AddressFamily.InterNetwork) || IsIp(s, AddressFamily.InterNetworkV6);

    private static bool IsHostname(string s)
    {
        if (s.Length is 0 or > 255) return false;
        foreach (var label in s.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
            }
        }
        return true;
    }

    private static bool IsMac(string s)
    {
        // 6 or 8 groups of two hex digits, separated by ':' or '-'.
        if (s.Length != 17 && s.Length != 23) return false;
        var sep = s[2];
        if (sep != ':' && sep != '-') return false;
        for (var i = 0; i < s.Length; i++)
        {
            if (i % 3 == 2 ? s[i] != sep : !char.IsAsciiHexDigit(s[i])) return false;
        }
        return true;
    }
}
