using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace OkeGitOps.Manifests.Validation.Compiled;

/// <summary>
/// Compiled <c>pattern</c> regexes, shared by every schema and every thread. Kubernetes evaluates patterns with
/// Go's RE2; the closest .NET dialect is ECMAScript (ASCII-only <c>\w</c>, <c>\d</c>, <c>\s</c>), so that is tried
/// first, then the default dialect for patterns ECMAScript mode cannot parse (such as <c>\p{L}</c>).
/// A pattern neither dialect can parse is skipped, as an unknown format is. One known difference remains: .NET's
/// <c>$</c> also matches before a final newline, RE2's only at the very end, so <c>"abc
"</c> passes <c>^abc$</c> here.
/// </summary>
internal static class PatternCache
{
    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);

    /// <summary>How long one match may run before it is abandoned (RE2 cannot backtrack; .NET can).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    public static Regex? Get(string pattern) => Cache.GetOrAdd(pattern, Compile);

    private static Regex? Compile(string pattern)
    {
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
}
