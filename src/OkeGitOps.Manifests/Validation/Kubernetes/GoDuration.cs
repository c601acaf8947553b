namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// Go's duration syntax (<c>time.ParseDuration</c>): an optional sign, then one or more decimal numbers each with a
/// unit of <c>ns</c>, <c>us</c> (or <c>µs</c>), <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>, such as <c>1h30m</c>;
/// <c>0</c> alone is allowed.
/// </summary>
internal static class GoDuration
{
    private static readonly string[] Units = ["ns", "us", "µs", "μs", "ms", "s", "m", "h"];

    public static bool IsValid(string text)
    {
        var s = text.AsSpan();
        if (s.Length > 0 && s[0] is '+' or '-') s = s[1..];
        if (s is "0") return true;
        if (s.Length == 0) return false;
        while (s.Length > 0)
        {
            var i = 0;
            var digits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; digits++; }
            if (i < s.Length && s[i] == '.')
            {
                i++;
                while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; digits++; }
            }
            if (digits == 0) return false;
            s = s[i..];
            var unit = 0;
            while (unit < s.Length && !char.IsAsciiDigit(s[unit]) && s[unit] != '.') unit++;
            if (Array.IndexOf(Units, s[..unit].ToString()) < 0) return false;
            s = s[unit..];
        }
        return true;
    }
}
