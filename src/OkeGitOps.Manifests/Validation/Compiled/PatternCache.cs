using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace OkeGitOps.Manifests.Validation.Compiled;

/// <summary>
/// Compiled <c>pattern</c> regexes, shared by every schema and every thread. Kubernetes evaluates patterns with
/// Go's RE2; the closest .NET dialect is ECMAScript (ASCII-only <c>\w</c>, <c>\d</c>, <c>\s</c>), so that is tried
/// first, then the default dialect for patterns ECMAScript mode cannot parse (such as <c>\p{L}</c>).
/// A pattern neither dialect can parse is skipped, as an unknown format is. .NET's <c>$</c> also matches before a
/// final newline, where RE2's matches only at the very end, so each <c>$</c> outside a character class is rewritten
/// to "end of text" before compiling.
/// </summary>
internal static class PatternCache
{
    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);

    /// <summary>How long one match may run before it is abandoned (RE2 cannot backtrack; .NET can).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    public static Regex? Get(string pattern) => Cache.GetOrAdd(pattern, Compile);

    private static Regex? Compile(string source)
    {
        var pattern = EndOfTextAnchors(source);
        try
        {
            return new Regex(pattern, RegexOptions.ECMAScript, MatchTimeout);
        }
        catch (ArgumentException)
        {
        }
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Rewrites every <c>$</c> anchor (not escaped, not in a character class) as a look-ahead for the end of the text.</summary>
    internal static string EndOfTextAnchors(string pattern)
    {
        if (!pattern.Contains('$')) return pattern;
        var sb = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(c).Append(pattern[++i]);
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
            }
            else if (c == '[')
            {
                inClass = true;
                sb.Append('[');
                // A ']' right after '[' or '[^' is a literal member of the class.
                if (i + 1 < pattern.Length && pattern[i + 1] == '^') sb.Append(pattern[++i]);
                if (i + 1 < pattern.Length && pattern[i + 1] == ']') sb.Append(pattern[++i]);
                continue;
            }
            else if (c == '$')
            {
                sb.Append(@"(?![\s\S])");
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
