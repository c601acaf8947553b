using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Intent.Argo;

/// <summary>
/// Values that an ApplicationSet fills in per generated Application: <c>{{name}}</c> (fasttemplate) or
/// <c>{{ .path.basename }}</c> (goTemplate). Name rules apply to the rendered value, so a templated value is checked
/// with every template standing in for a valid word: <c>payments-{{.path.basename}}</c> passes, <c>Payments_{{.x}}</c> does not.
/// </summary>
internal static partial class ArgoTemplates
{
    /// <summary>True when the value holds a <c>{{ ... }}</c> template.</summary>
    public static bool IsTemplated(string? value) => value is not null && value.Contains("{{", StringComparison.Ordinal);

    /// <summary>The value with every template replaced by a stand-in that passes any name rule.</summary>
    /// <exception cref="Diagnostics.ManifestValidationException">A <c>{{</c> is never closed.</exception>
    public static string Sample(string value, string path)
    {
        var sample = Template().Replace(value, "a");
        if (sample.Contains("{{", StringComparison.Ordinal) || sample.Contains("}}", StringComparison.Ordinal))
            throw IntentRules.Fail(IntentRules.Name, $"'{value}' has a '{{{{' without its '}}}}' (or the other way round)", path,
                "write templates as {{.name}} (goTemplate) or {{name}} (fasttemplate)");
        return sample;
    }

    /// <summary>A DNS name, or a template whose rendered value will be one.</summary>
    public static string RequireName(string? value, string path, string what, bool label = false)
    {
        if (!IsTemplated(value)) return IntentRules.RequireName(value, path, what, label);
        var sample = Sample(value!, path);
        var ok = label ? NameRules.IsDns1123Label(sample) : NameRules.IsDns1123Subdomain(sample);
        if (!ok)
            throw IntentRules.Fail(IntentRules.Name, $"'{value}' cannot render to a valid {what}: the text around the templates must be lowercase letters, digits and '-'"
                + (label ? "" : " or '.'"), path, "e.g. 'payments-{{.path.basename}}'");
        return value!;
    }

    /// <summary>True when <paramref name="value"/> has white space outside its templates.</summary>
    public static bool HasSpaceOutsideTemplates(string value) => Template().Replace(value, "a").Any(char.IsWhiteSpace);

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Template();
}
