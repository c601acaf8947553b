using System.Globalization;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// The two meanings the API server gives an int-or-string field, which the schema cannot tell apart: a port (a number
/// from 1 to 65535, or the IANA service name of a container port), and a count or percentage (<c>3</c> or <c>25%</c>,
/// as rolling updates and disruption budgets use).
/// </summary>
internal static class IntOrStringRules
{
    /// <summary>Checks a port given by number or by name at <paramref name="key"/>.</summary>
    public static void CheckPort(MappingNode parent, string key, string rule, ValidationContext ctx)
    {
        switch (parent.GetValueOrDefault(key))
        {
            case IntegerNode n when n.Value is < 1 or > 65535:
                FieldChecks.ErrorAt(ctx, key, rule, $"{key} must be between 1 and 65535, got {n.Text}", n);
                break;
            case StringNode s when NameRules.PortNameProblem(s.Value) is { } problem:
                var suggestion = long.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? $"write the number without quotes: {number.ToString(CultureInfo.InvariantCulture)}"
                    : "name a container port (such as \"http\") or give its number";
                FieldChecks.ErrorAt(ctx, key, rule, $"{SchemaWalker.Quote(s.Value)} is neither a port number nor a valid port name: {problem}", s, suggestion);
                break;
        }
    }

    /// <summary>
    /// Checks a count or percentage at <paramref name="key"/>: a whole number of at least 0, or digits followed by
    /// '%'; with <paramref name="atMostAll"/>, a percentage over 100% is refused too. Returns the value as a
    /// percentage (when written as one) or count, or <c>null</c> when unset or invalid.
    /// </summary>
    public static (long Value, bool Percent)? CheckCountOrPercent(MappingNode parent, string key, string rule, ValidationContext ctx, bool atMostAll)
    {
        switch (parent.GetValueOrDefault(key))
        {
            case IntegerNode n:
                if (n.Value >= 0) return (n.Value, false);
                FieldChecks.ErrorAt(ctx, key, rule, $"{key} must not be negative, got {n.Text}", n);
                return null;
            case StringNode s:
                var digits = s.Value.EndsWith('%') ? s.Value[..^1] : null;
                if (digits is { Length: > 0 } && digits.All(char.IsAsciiDigit) && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
                {
                    if (atMostAll && percent > 100)
                    {
                        FieldChecks.ErrorAt(ctx, key, rule, $"{key} must not be more than 100%, got {s.Value}", s, "use a percentage from 0% to 100%");
                        return null;
                    }
                    return (percent, true);
                }
                var asNumber = long.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count);
                FieldChecks.ErrorAt(ctx, key, rule, $"{key} must be a whole number or a percentage such as \"25%\", got {SchemaWalker.Quote(s.Value)}", s,
                    asNumber ? $"write {count.ToString(CultureInfo.InvariantCulture)} without quotes for a count, or \"{count.ToString(CultureInfo.InvariantCulture)}%\" for a percentage" : "e.g. 1 or \"25%\"");
                return null;
            default:
                return null;
        }
    }
}
