using System.Globalization;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// Small readers and reporters the built-in kind rules share: typed child lookups that treat an explicit <c>null</c>
/// as unset (as Go decoding does), reports at a child's path, and the server's "required" and "not negative" checks.
/// A value of the wrong JSON type is the schema walk's to report, so the readers simply return <c>null</c> for it.
/// </summary>
internal static class FieldChecks
{
    public static MappingNode? Map(MappingNode? parent, string key) => parent?.GetValueOrDefault(key) as MappingNode;

    public static SequenceNode? List(MappingNode? parent, string key) => parent?.GetValueOrDefault(key) as SequenceNode;

    public static StringNode? Text(MappingNode? parent, string key) => parent?.GetValueOrDefault(key) as StringNode;

    public static IntegerNode? Integer(MappingNode? parent, string key) => parent?.GetValueOrDefault(key) as IntegerNode;

    /// <summary>True when the key is present with a value other than null.</summary>
    public static bool IsSet(MappingNode? parent, string key) => parent?.GetValueOrDefault(key) is { } v && v is not NullNode;

    public static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    public static void ErrorAt(ValidationContext ctx, string key, string rule, string message, ManifestNode node, string? suggestion = null)
    {
        ctx.Push(key);
        ctx.Error(rule, message, node.Location, suggestion);
        ctx.Pop();
    }

    public static void WarningAt(ValidationContext ctx, string key, string rule, string message, ManifestNode node, string? suggestion = null)
    {
        ctx.Push(key);
        ctx.Warning(rule, message, node.Location, suggestion);
        ctx.Pop();
    }

    /// <summary>
    /// Reports a field the server requires when it is absent, null or empty, at the parent's path, unless the schema
    /// walk already reported it there. Returns true when the field is there.
    /// </summary>
    public static bool Require(MappingNode parent, string key, ValidationContext ctx, string what, string suggestion)
    {
        var value = parent.GetValueOrDefault(key);
        if (value is not (null or NullNode) && !(value is StringNode { Value.Length: 0 } or SequenceNode { Count: 0 } or MappingNode { Count: 0 }))
            return true;
        var schemaMessage = $"missing required field \"{key}\"";
        foreach (var d in ctx.Diagnostics)
        {
            if (d.Rule == ValidationRules.Required && d.Message == schemaMessage && ctx.CurrentPath().Equals(d.Path)) return false;
        }
        if (value is null or NullNode) ctx.Error(ValidationRules.Required, $"missing required field \"{key}\": {what}", parent.Location, suggestion);
        else ErrorAt(ctx, key, ValidationRules.Required, $"{key} may not be empty: {what}", value, suggestion);
        return false;
    }

    /// <summary>Reports an integer field below zero (or below one when <paramref name="positive"/>).</summary>
    public static void NonNegative(MappingNode? parent, string key, ValidationContext ctx, bool positive = false)
    {
        if (Integer(parent, key) is not { } n || n.Value >= (positive ? 1 : 0)) return;
        ErrorAt(ctx, key, ValidationRules.NegativeValue,
            positive ? $"{key} must be greater than 0, got {n.Text}" : $"{key} must not be negative, got {n.Text}", n,
            positive ? $"set {key} to 1 or more, or leave it unset" : $"set {key} to 0 or more, or leave it unset");
    }

    /// <summary>Reports a string field whose value is not one of the allowed ones; returns the value when it is allowed.</summary>
    public static string? Choice(MappingNode? parent, string key, string rule, string[] allowed, ValidationContext ctx, string? what = null)
    {
        if (Text(parent, key) is not { } node) return null;
        if (Array.IndexOf(allowed, node.Value) >= 0) return node.Value;
        var near = NearMatch.Find(node.Value, allowed);
        ErrorAt(ctx, key, rule,
            $"unsupported value {SchemaWalker.Quote(node.Value)}{(what is null ? "" : " for " + what)}: must be one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}",
            node, near is null ? null : $"did you mean \"{near}\"?");
        return null;
    }

    /// <summary>
    /// An environment variable name as Kubernetes 1.33 to 1.35 accept it (relaxed names are on by default): at
    /// least one printable ASCII character, and no '='. Returns what is wrong, or <c>null</c>.
    /// </summary>
    public static string? EnvVarNameProblem(string name)
    {
        if (name.Length == 0) return "the name is empty";
        foreach (var c in name)
        {
            if (c == '=') return "a name may not contain '='";
            if (c is < ' ' or > '~') return "a name may hold only printable ASCII characters (letters, digits, punctuation and spaces)";
        }
        return null;
    }
}
