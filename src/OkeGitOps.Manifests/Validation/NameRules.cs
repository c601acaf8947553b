using System.Text;

namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// The name grammars the Kubernetes API server applies to object names, label keys and values and data keys,
/// written as character loops (no regexes) because they run for every document.
/// </summary>
internal static class NameRules
{
    public const int Dns1123LabelMaxLength = 63;
    public const int Dns1123SubdomainMaxLength = 253;
    public const int Dns1035LabelMaxLength = 63;
    public const int QualifiedNameMaxLength = 63;
    public const int LabelValueMaxLength = 63;
    public const int ConfigMapKeyMaxLength = 253;
    public const int PortNameMaxLength = 15;

    private static bool IsLowerAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    /// <summary>RFC 1123 label: 1-63 of <c>[a-z0-9-]</c>, starting and ending with an alphanumeric.</summary>
    public static bool IsDns1123Label(string s)
    {
        if (s.Length is 0 or > Dns1123LabelMaxLength) return false;
        return IsLabelBody(s.AsSpan());
    }

    private static bool IsLabelBody(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !IsLowerAlnum(s[0]) || !IsLowerAlnum(s[^1])) return false;
        foreach (var c in s)
        {
            if (!IsLowerAlnum(c) && c != '-') return false;
        }
        return true;
    }

    /// <summary>RFC 1123 subdomain: at most 253 characters, dot-separated RFC 1123 labels (each label unbounded but the total).</summary>
    public static bool IsDns1123Subdomain(string s) => IsDns1123Subdomain(s.AsSpan());

    /// <summary>RFC 1123 subdomain check on a span.</summary>
    public static bool IsDns1123Subdomain(ReadOnlySpan<char> span)
    {
        if (span.Length is 0 or > Dns1123SubdomainMaxLength) return false;
        while (true)
        {
            var dot = span.IndexOf('.');
            var label = dot < 0 ? span : span[..dot];
            if (!IsLabelBody(label)) return false;
            if (dot < 0) return true;
            span = span[(dot + 1)..];
        }
    }

    /// <summary>RFC 1035 label: like an RFC 1123 label but must start with a letter.</summary>
    public static bool IsDns1035Label(string s)
        => s.Length is > 0 and <= Dns1035LabelMaxLength && s[0] is >= 'a' and <= 'z' && IsLabelBody(s.AsSpan());

    private static bool IsAlnum(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>The name part of a qualified name or a non-empty label value: <c>([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]</c>.</summary>
    private static bool IsQualifiedNamePart(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !IsAlnum(s[0]) || !IsAlnum(s[^1])) return false;
        foreach (var c in s)
        {
            if (!IsAlnum(c) && c is not ('-' or '_' or '.')) return false;
        }
        return true;
    }

    /// <summary>Why a label or annotation key is invalid, or <c>null</c> when it is valid.</summary>
    public static string? QualifiedNameProblem(string key)
    {
        if (key.Length == 0) return "the key is empty";
        var slash = key.IndexOf('/');
        var name = key.AsSpan();
        if (slash >= 0)
        {
            var prefix = key.AsSpan(0, slash);
            name = key.AsSpan(slash + 1);
            if (prefix.Length == 0) return "the prefix before '/' is empty";
            if (!IsDns1123Subdomain(prefix))
                return prefix.Length > Dns1123SubdomainMaxLength
                    ? $"the prefix is longer than {Dns1123SubdomainMaxLength} characters"
                    : "the prefix must be a lowercase DNS subdomain (a-z, 0-9, '-' and '.', starting and ending with a letter or digit)";
            if (name.IndexOf('/') >= 0) return "a key may contain at most one '/'";
        }
        if (name.Length == 0) return "the name part is empty";
        if (name.Length > QualifiedNameMaxLength) return $"the name part is longer than {QualifiedNameMaxLength} characters";
        if (!IsQualifiedNamePart(name))
            return "the name part may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
        return null;
    }

    /// <summary>Why a label value is invalid, or <c>null</c> when it is valid. The empty value is valid.</summary>
    public static string? LabelValueProblem(string value)
    {
        if (value.Length == 0) return null;
        if (value.Length > LabelValueMaxLength) return $"a label value may be at most {LabelValueMaxLength} characters long";
        if (!IsQualifiedNamePart(value.AsSpan()))
            return "a label value may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
        return null;
    }

    /// <summary>A ConfigMap or Secret data key: 1-253 of <c>[-._a-zA-Z0-9]</c>, not <c>.</c> or <c>..</c>, not starting with <c>..</c>.</summary>
    public static string? ConfigMapKeyProblem(string key)
    {
        if (key.Length == 0) return "the key is empty";
        if (key.Length > ConfigMapKeyMaxLength) return $"the key is longer than {ConfigMapKeyMaxLength} characters";
        foreach (var c in key)
        {
            if (!IsAlnum(c) && c is not ('-' or '_' or '.')) return "a key may hold only letters, digits, '-', '_' and '.'";
        }
        if (key is "." or "..") return "a key may not be '.' or '..'";
        if (key.StartsWith("..", StringComparison.Ordinal)) return "a key may not start with '..'";
        return null;
    }

    /// <summary>
    /// Why a port name (an IANA service name, as <c>targetPort</c> may use) is invalid, or <c>null</c>: at most 15
    /// characters of <c>[a-z0-9-]</c>, at least one letter, no '-' at either end and no '--'.
    /// </summary>
    public static string? PortNameProblem(string name)
    {
        if (name.Length == 0) return "the name is empty";
        if (name.Length > PortNameMaxLength) return $"a port name may be at most {PortNameMaxLength} characters long";
        var letter = false;
        foreach (var c in name)
        {
            if (c is >= 'a' and <= 'z') letter = true;
            else if (c is not ((>= '0' and <= '9') or '-')) return "a port name may hold only lowercase letters, digits and '-'";
        }
        if (!letter) return "a port name must contain at least one letter";
        if (name[0] == '-' || name[^1] == '-') return "a port name may not start or end with '-'";
        if (name.Contains("--", StringComparison.Ordinal)) return "a port name may not contain '--'";
        return null;
    }

    /// <summary>
    /// Turns text into the nearest RFC 1123 name (lowercase, other characters to '-', trimmed to the limit),
    /// for suggestions. Returns <c>null</c> when nothing usable is left.
    /// </summary>
    public static string? ToDnsName(string s, int maxLength, bool allowDots, bool startWithLetter = false)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.ToLowerInvariant())
        {
            if (IsLowerAlnum(c)) sb.Append(c);
            else if (c == '.' && allowDots) sb.Append('.');
            else if (sb.Length == 0 || sb[^1] != '-') sb.Append('-');
        }
        var text = sb.ToString();
        if (allowDots)
        {
            // Clean up each label's ends.
            var labels = text.Split('.', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < labels.Length; i++) labels[i] = labels[i].Trim('-');
            text = string.Join('.', labels.Where(l => l.Length > 0));
        }
        text = text.Trim('-', '.');
        if (startWithLetter)
        {
            var first = 0;
            while (first < text.Length && !(text[first] is >= 'a' and <= 'z')) first++;
            text = text[first..];
        }
        if (text.Length > maxLength) text = text[..maxLength].TrimEnd('-', '.');
        return text.Length == 0 ? null : text;
    }
}
