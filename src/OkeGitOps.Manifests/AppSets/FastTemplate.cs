namespace OkeGitOps.Manifests.AppSets;

/// <summary>
/// Argo CD's default template engine (valyala/fasttemplate with <c>{{</c> and <c>}}</c>): each tag, trimmed, is looked up
/// among the parameters; a tag with no string parameter is left as written.
/// </summary>
internal static class FastTemplate
{
    /// <summary>Renders <paramref name="template"/>; throws when a <c>{{</c> has no closing <c>}}</c>, as fasttemplate does.</summary>
    /// <param name="template">The text with <c>{{key}}</c> tags.</param>
    /// <param name="parameters">The parameter set; only string values replace a tag.</param>
    /// <param name="maxLength">The most characters the result may have; checked before each piece is appended.</param>
    /// <exception cref="InvalidOperationException">The result would exceed <paramref name="maxLength"/>.</exception>
    public static string Render(string template, IReadOnlyDictionary<string, object?> parameters, int maxLength = int.MaxValue)
    {
        var start = template.IndexOf("{{", StringComparison.Ordinal);
        if (start < 0) return template;
        var sb = new System.Text.StringBuilder(template.Length);
        var pos = 0;
        while (start >= 0)
        {
            sb.Append(template, pos, start - pos);
            var end = template.IndexOf("}}", start + 2, StringComparison.Ordinal);
            if (end < 0) throw new FormatException($"cannot find end tag=\"}}}}\" in the template=\"{template}\" starting from \"{template[start..]}\"");
            var tag = template[(start + 2)..end];
            var key = tag.Trim();
            if (key.Length > 0 && parameters.TryGetValue(key, out var value) && value is string s)
            {
                if ((long)sb.Length + s.Length > maxLength) throw new InvalidOperationException($"rendered value exceeds {maxLength} characters");
                sb.Append(s);
            }
            else sb.Append("{{").Append(tag).Append("}}");
            pos = end + 2;
            start = template.IndexOf("{{", pos, StringComparison.Ordinal);
        }
        sb.Append(template, pos, template.Length - pos);
        return sb.ToString();
    }
}
