using System.Globalization;
using System.Text;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>
/// Converts between manifest trees and template values the way Argo CD's JSON round trip does: every number
/// becomes a float64 (<c>double</c>), maps become dictionaries, sequences lists.
/// </summary>
public static class TemplateData
{
    /// <summary>Converts a manifest node to a template value (numbers become <c>double</c>, as JSON decoding makes them).</summary>
    public static object? FromNode(ManifestNode node) => node switch
    {
        MappingNode m => m.Entries.ToDictionary(e => e.Key, e => FromNode(e.Value), StringComparer.Ordinal),
        SequenceNode s => s.Select(FromNode).ToList(),
        Tree.StringNode s => s.Value,
        IntegerNode i => (double)i.Value,
        Tree.NumberNode n => n.Value,
        BooleanNode b => b.Value,
        _ => null,
    };

    /// <summary>Converts a template value back to a manifest node (whole doubles become integers, as JSON would read them).</summary>
    public static ManifestNode ToNode(object? value) => value switch
    {
        null or GoValues.MissingValue => ManifestNode.Null,
        string s => ManifestNode.String(s),
        bool b => ManifestNode.Boolean(b),
        long l => ManifestNode.Integer(l),
        int i => ManifestNode.Integer(i),
        double d when Math.Abs(d) < 9e15 && d == Math.Floor(d) => ManifestNode.Integer((long)d),
        double d => ManifestNode.Number(d),
        IDictionary<string, object?> m => ManifestNode.Map(m.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, ToNode(e.Value))).ToArray()),
        IList<object?> l => ManifestNode.List(l.Select(ToNode)),
        _ => ManifestNode.String(GoValues.Print(value)),
    };

    /// <summary>Go's <c>encoding/json</c> output: keys sorted, HTML characters escaped unless asked not to.</summary>
    internal static string ToJson(object? value, bool indent, bool escapeHtml)
    {
        var sb = new StringBuilder();
        WriteJson(sb, value, indent, escapeHtml, 0);
        return sb.ToString();
    }

    private static void WriteJson(StringBuilder sb, object? value, bool indent, bool escapeHtml, int level)
    {
        switch (value)
        {
            case null or GoValues.MissingValue:
                sb.Append("null");
                break;
            case string s:
                JsonString(sb, s, escapeHtml);
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
                sb.Append(JsonFloat(d));
                break;
            case GoTime t:
                // time.Time marshals as RFC 3339 with nanoseconds.
                JsonString(sb, GoLayout.Format(t, "2006-01-02T15:04:05.999999999Z07:00"), escapeHtml);
                break;
            case IDictionary<string, object?> m:
                {
                    if (m.Count == 0) { sb.Append("{}"); break; }
                    sb.Append('{');
                    var first = true;
                    foreach (var key in m.Keys.OrderBy(k => k, StringComparer.Ordinal))
                    {
                        if (!first) sb.Append(',');
                        first = false;
                        if (indent) sb.Append('\n').Append(' ', (level + 1) * 2);
                        JsonString(sb, key, escapeHtml);
                        sb.Append(indent ? ": " : ":");
                        WriteJson(sb, m[key], indent, escapeHtml, level + 1);
                    }
                    if (indent) sb.Append('\n').Append(' ', level * 2);
                    sb.Append('}');
                    break;
                }
            case IList<object?> list:
                {
                    if (list.Count == 0) { sb.Append("[]"); break; }
                    sb.Append('[');
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (i > 0) sb.Append(',');
                        if (indent) sb.Append('\n').Append(' ', (level + 1) * 2);
                        WriteJson(sb, list[i], indent, escapeHtml, level + 1);
                    }
                    if (indent) sb.Append('\n').Append(' ', level * 2);
                    sb.Append(']');
                    break;
                }
            default:
                JsonString(sb, GoValues.Print(value), escapeHtml);
                break;
        }
    }

    /// <summary>Go's JSON float format: plain decimal, or exponent form below 1e-6 and from 1e21.</summary>
    private static string JsonFloat(double d)
    {
        var abs = Math.Abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            var text = GoValues.FormatFloat(d, 'e', -1);
            // Go writes e-07 as e-7.
            var e = text.IndexOf('e');
            if (e >= 0 && text.Length >= e + 4 && text[e + 2] == '0') text = text[..(e + 2)] + text[(e + 3)..];
            return text;
        }
        return GoValues.FormatFloat(d, 'f', -1);
    }

    private static void JsonString(StringBuilder sb, string s, bool escapeHtml)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' when escapeHtml:
                    sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20) sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>
    /// YAML as Argo CD's <c>toYaml</c> writes it (sigs.k8s.io/yaml): keys sorted, two-space indentation,
    /// list items at their key's indentation, strings quoted when they would read back as something else.
    /// </summary>
    internal static string ToYaml(object? value)
    {
        var sb = new StringBuilder();
        WriteYaml(sb, value, 0, inList: false);
        if (sb.Length == 0 || sb[^1] != '\n') sb.Append('\n');
        return sb.ToString();
    }

    private static void WriteYaml(StringBuilder sb, object? value, int indent, bool inList)
    {
        switch (value)
        {
            case IDictionary<string, object?> m when m.Count > 0:
                {
                    var first = true;
                    foreach (var key in m.Keys.OrderBy(k => k, StringComparer.Ordinal))
                    {
                        if (!(first && inList)) sb.Append(' ', indent);
                        first = false;
                        sb.Append(YamlScalar(key)).Append(':');
                        var v = m[key];
                        if (v is IDictionary<string, object?> { Count: > 0 })
                        {
                            sb.Append('\n');
                            WriteYaml(sb, v, indent + 2, false);
                        }
                        else if (v is IList<object?> { Count: > 0 })
                        {
                            sb.Append('\n');
                            WriteYaml(sb, v, indent, false);
                        }
                        else
                        {
                            sb.Append(' ');
                            WriteYaml(sb, v, indent + 2, false);
                        }
                    }
                    break;
                }
            case IList<object?> l when l.Count > 0:
                foreach (var item in l)
                {
                    sb.Append(' ', indent).Append("- ");
                    if (item is IList<object?> { Count: > 0 })
                    {
                        sb.Append('\n');
                        WriteYaml(sb, item, indent + 2, false);
                    }
                    else
                    {
                        WriteYaml(sb, item, indent + 2, inList: true);
                    }
                }
                break;
            case IDictionary<string, object?>:
                sb.Append("{}\n");
                break;
            case IList<object?>:
                sb.Append("[]\n");
                break;
            case string s when s.Contains('\n'):
                {
                    sb.Append(s.EndsWith('\n') ? "|\n" : "|-\n");
                    foreach (var line in s.TrimEnd('\n').Split('\n')) sb.Append(' ', indent).Append(line).Append('\n');
                    break;
                }
            case string s:
                sb.Append(YamlScalar(s)).Append('\n');
                break;
            case null or GoValues.MissingValue:
                sb.Append("null\n");
                break;
            case double d:
                sb.Append(GoValues.FormatFloat(d, 'g', -1)).Append('\n');
                break;
            case GoTime t:
                sb.Append(YamlScalar(GoLayout.Format(t, "2006-01-02T15:04:05.999999999Z07:00"))).Append('\n');
                break;
            default:
                sb.Append(GoValues.Print(value)).Append('\n');
                break;
        }
    }

    private static string YamlScalar(string s)
        => YamlScalars.NeedsQuoting(s) ? GoFormat.Quote(s) : s;
}
