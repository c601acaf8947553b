using System.Text;
using System.Text.RegularExpressions;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>
/// The path patterns of the Git generators. Directories use Go's <c>path.Match</c> (<c>*</c> stays within a segment).
/// Files use the default greedy globbing, where <c>*</c> also matches '/', or with the new globbing, doublestar rules.
/// </summary>
internal static class GitGlob
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>Go's <c>path.Match</c>: <c>*</c> and <c>?</c> never match '/', character classes as written.</summary>
    public static Regex PathMatch(string pattern) => Compile(pattern, star: "[^/]*", doubleStar: null);

    /// <summary>The file generator's pattern, greedy (default) or doublestar (new globbing).</summary>
    public static Regex FileMatch(string pattern, bool newGlobbing)
        => newGlobbing ? Compile(pattern, star: "[^/]*", doubleStar: true) : Compile(pattern, star: ".*", doubleStar: null);

    private static Regex Compile(string pattern, string star, bool? doubleStar)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    if (doubleStar == true && i + 1 < pattern.Length && pattern[i + 1] == '*'
                        && (i == 0 || pattern[i - 1] == '/') && (i + 2 == pattern.Length || pattern[i + 2] == '/'))
                    {
                        // '**' as a whole segment: any number of segments, including none.
                        if (i + 2 < pattern.Length)
                        {
                            sb.Append("(?:.*/)?");
                            i += 2; // also skip the '/'
                        }
                        else
                        {
                            sb.Append(".*");
                            i += 1;
                        }
                    }
                    else
                    {
                        sb.Append(star);
                        while (i + 1 < pattern.Length && pattern[i + 1] == '*' && doubleStar != true) i++;
                    }
                    break;
                case '?':
                    sb.Append(star == ".*" ? "." : "[^/]");
                    break;
                case '[':
                    {
                        var close = pattern.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            sb.Append(@"\[");
                            break;
                        }
                        var body = pattern[(i + 1)..close];
                        if (body.StartsWith('^') || body.StartsWith('!')) body = "^" + body[1..];
                        sb.Append('[').Append(body.Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                        i = close;
                        break;
                    }
                case '{' when doubleStar == true || star == ".*":
                    {
                        var close = pattern.IndexOf('}', i + 1);
                        if (close < 0)
                        {
                            sb.Append(@"\{");
                            break;
                        }
                        var options = pattern[(i + 1)..close].Split(',').Select(Regex.Escape);
                        sb.Append("(?:").Append(string.Join('|', options)).Append(')');
                        i = close;
                        break;
                    }
                case '\\' when i + 1 < pattern.Length:
                    sb.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant, Timeout);
    }
}
