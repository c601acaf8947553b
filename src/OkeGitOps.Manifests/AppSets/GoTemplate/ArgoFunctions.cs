using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.AppSets.GoTemplate.TemplateFunctions;

namespace OkeGitOps.Manifests.AppSets.GoTemplate;

/// <summary>Argo CD's own template functions: <c>normalize</c>, <c>slugify</c>, <c>toYaml</c>, <c>fromYaml</c>, <c>fromYamlArray</c>.</summary>
internal static partial class ArgoFunctions
{
    public static void Add(Dictionary<string, TemplateFunction> f)
    {
        f["normalize"] = new(1, 1, (_, a) => Normalize(Str(a[0])));
        f["slugify"] = new(0, -1, (_, a) => Slugify(a));
        f["toYaml"] = new(1, 1, (_, a) =>
        {
            TextBound.CheckSize(a[0]);
            return TemplateData.ToYaml(a[0]).TrimEnd('\n');
        });
        f["fromYaml"] = new(1, 1, (_, a) => FromYaml(Str(a[0]), array: false));
        f["fromYamlArray"] = new(1, 1, (_, a) => FromYaml(Str(a[0]), array: true));
    }

    [GeneratedRegex("[^-a-z0-9.]")]
    private static partial Regex InvalidDnsChars();

    /// <summary>
    /// Argo CD's name sanitizer: lower case, every character outside <c>[-a-z0-9.]</c> becomes '-', at most 253
    /// characters, then leading and trailing '-' and '.' trimmed.
    /// </summary>
    public static string Normalize(string name)
    {
        name = InvalidDnsChars().Replace(name.ToLowerInvariant(), "-");
        if (name.Length > 253) name = name[..253];
        return name.Trim('-', '.');
    }

    private static string Slugify(IReadOnlyList<object?> args)
    {
        var max = 50;
        var smart = true;
        var name = "";
        foreach (var arg in args)
        {
            switch (arg)
            {
                case long l: max = (int)l; break;
                case bool b: smart = b; break;
                case string s: name = s; break;
            }
        }
        var slug = Slug(name);
        if (max > 0 && slug.Length > max)
        {
            if (smart)
            {
                var cut = -1;
                for (var i = max; i >= 0; i--)
                {
                    if (slug[i] == '-')
                    {
                        cut = i;
                        break;
                    }
                }
                slug = cut >= 0 ? slug[..cut] : slug[..max];
            }
            else
            {
                slug = slug[..max];
            }
        }
        return slug;
    }

    /// <summary>gosimple/slug with default settings for ASCII text: lower case, runs of other characters become one '-'.</summary>
    private static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(lower);
            else if (lower == '&') sb.Append("-and-");
            else if (sb.Length == 0 || sb[^1] != '-') sb.Append('-');
        }
        var s = Regex.Replace(sb.ToString(), "-+", "-");
        return s.Trim('-');
    }

    private static object? FromYaml(string text, bool array)
    {
        try
        {
            var docs = YamlReader.ReadAll(text);
            var root = docs.Count == 0 ? ManifestNode.Null : docs[0].Root;
            var value = TemplateData.FromNode(root);
            if (array)
            {
                return value switch
                {
                    IList<object?> l => l,
                    null => new List<object?>(),
                    _ => throw new TemplateFunctionException($"error unmarshaling JSON: json: cannot unmarshal {GoValues.KindName(value)} into Go value of type []interface {{}}"),
                };
            }
            return value switch
            {
                IDictionary<string, object?> m => m,
                null => new Dictionary<string, object?>(StringComparer.Ordinal),
                _ => throw new TemplateFunctionException($"error unmarshaling JSON: json: cannot unmarshal {GoValues.KindName(value)} into Go value of type map[string]interface {{}}"),
            };
        }
        catch (ManifestException e)
        {
            throw new TemplateFunctionException(e.Diagnostics[0].Message);
        }
    }
}
