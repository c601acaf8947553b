using System.Text;
using static OkeGitOps.Manifests.AppSets.GoTemplate.TemplateFunctions;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// Sprig's <c>urlParse</c> (a URL into a dict of <c>scheme host hostname path query opaque fragment userinfo</c>) and
/// <c>urlJoin</c> (such a dict back into a URL), reading and writing URLs as Go's net/url does.
/// </summary>
internal static class SprigUrls
{
    public static void Add(Dictionary<string, TemplateFunction> f)
    {
        f["urlParse"] = new(1, 1, (_, a) => Parse(Str(a[0])));
        f["urlJoin"] = new(1, 1, (_, a) => Join(Map(a[0])));
    }

    private static Dictionary<string, object?> Parse(string text)
    {
        var rest = text;
        var fragment = "";
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = Unescape(rest[(hash + 1)..], text);
            rest = rest[..hash];
        }
        if (rest.Any(c => c < 0x20 || c == 0x7f)) throw Fail(text, "net/url: invalid control character in URL");
        var scheme = "";
        var colon = rest.IndexOf(':');
        if (colon > 0 && char.IsAsciiLetter(rest[0]) && rest[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            scheme = rest[..colon].ToLowerInvariant();
            rest = rest[(colon + 1)..];
        }
        else if (colon == 0)
        {
            throw Fail(text, "missing protocol scheme");
        }
        var query = "";
        var q = rest.IndexOf('?');
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }
        string opaque = "", user = "", host = "", path;
        if (scheme.Length > 0 && !rest.StartsWith('/'))
        {
            opaque = rest;
            path = "";
        }
        else
        {
            if ((scheme.Length > 0 || !rest.StartsWith("///", StringComparison.Ordinal)) && rest.StartsWith("//", StringComparison.Ordinal))
            {
                var authority = rest[2..];
                var slash = authority.IndexOf('/');
                rest = slash >= 0 ? authority[slash..] : "";
                authority = slash >= 0 ? authority[..slash] : authority;
                var at = authority.LastIndexOf('@');
                if (at >= 0)
                {
                    user = authority[..at];
                    authority = authority[(at + 1)..];
                }
                host = Unescape(authority, text);
            }
            path = Unescape(rest, text);
        }
        var hostname = host;
        if (hostname.StartsWith('['))
        {
            var close = hostname.IndexOf(']');
            hostname = close > 0 ? hostname[1..close] : hostname;
        }
        else
        {
            var portColon = hostname.LastIndexOf(':');
            if (portColon >= 0) hostname = hostname[..portColon];
        }
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["scheme"] = scheme,
            ["host"] = host,
            ["hostname"] = hostname,
            ["path"] = path,
            ["query"] = query,
            ["opaque"] = opaque,
            ["fragment"] = fragment,
            ["userinfo"] = user.Length == 0 ? "" : UserInfo(user, text),
        };
    }

    /// <summary>The user information as Go prints it back (user and password escaped again).</summary>
    private static string UserInfo(string raw, string text)
    {
        var colon = raw.IndexOf(':');
        var name = Unescape(colon >= 0 ? raw[..colon] : raw, text);
        var result = Escape(name, UserChar);
        if (colon >= 0) result += ":" + Escape(Unescape(raw[(colon + 1)..], text), UserChar);
        return result;
    }

    private static TemplateFunctionException Fail(string text, string why) => new($"unable to parse url: parse {GoFormat.Quote(text)}: {why}");

    private static string Unescape(string s, string text)
    {
        if (!s.Contains('%')) return s;
        var bytes = new List<byte>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%')
            {
                if (i + 2 >= s.Length || !Uri.IsHexDigit(s[i + 1]) || !Uri.IsHexDigit(s[i + 2]))
                    throw Fail(text, $"invalid URL escape {GoFormat.Quote(s[i..Math.Min(s.Length, i + 3)])}");
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(s[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool Unreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';

    private static bool UserChar(char c) => Unreserved(c) || c is '$' or '&' or '+' or ',' or ';' or '=';

    private static bool PathChar(char c) => Unreserved(c) || c is '$' or '&' or '+' or ',' or '/' or ':' or ';' or '=' or '@' or '!' or '\'' or '(' or ')' or '*';

    private static bool FragmentChar(char c) => PathChar(c) || c is '?';

    private static bool HostChar(char c) => Unreserved(c) || c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '[' or ']' or '<' or '>' or '"';

    private static string Escape(string s, Func<char, bool> keep)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (b < 0x80 && keep(c)) sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Go's URL.String over the dict's fields; missing fields count as empty.</summary>
    private static string Join(IDictionary<string, object?> d)
    {
        string Field(string key) => d.TryGetValue(key, out var v) && v is not null ? SprigFunctions.StrVal(v) : "";
        var scheme = Field("scheme");
        var opaque = Field("opaque");
        var host = Field("host");
        var path = Field("path");
        var query = Field("query");
        var fragment = Field("fragment");
        var userinfo = Field("userinfo");
        var sb = new StringBuilder();
        if (scheme.Length > 0) sb.Append(scheme).Append(':');
        if (opaque.Length > 0)
        {
            sb.Append(opaque);
        }
        else
        {
            if (scheme.Length > 0 || host.Length > 0 || userinfo.Length > 0)
            {
                if (host.Length > 0 || path.Length > 0 || userinfo.Length > 0) sb.Append("//");
                if (userinfo.Length > 0)
                {
                    var colon = userinfo.IndexOf(':');
                    sb.Append(Escape(colon >= 0 ? userinfo[..colon] : userinfo, UserChar));
                    if (colon >= 0) sb.Append(':').Append(Escape(userinfo[(colon + 1)..], UserChar));
                    sb.Append('@');
                }
                sb.Append(Escape(host, HostChar));
            }
            if (path.Length > 0 && path[0] != '/' && host.Length > 0) sb.Append('/');
            if (sb.Length == 0)
            {
                // A relative path whose first segment has a colon would read as a scheme: Go prefixes "./".
                var seg = path.IndexOf('/');
                if ((seg < 0 ? path : path[..seg]).Contains(':')) sb.Append("./");
            }
            sb.Append(Escape(path, PathChar));
        }
        if (query.Length > 0) sb.Append('?').Append(query);
        if (fragment.Length > 0) sb.Append('#').Append(Escape(fragment, FragmentChar));
        return sb.ToString();
    }
}
