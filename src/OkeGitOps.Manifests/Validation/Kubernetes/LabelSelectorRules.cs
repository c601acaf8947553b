using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// Label selectors (<c>matchLabels</c> and <c>matchExpressions</c>) as the API server checks them: label syntax,
/// known operators, values present for <c>In</c>/<c>NotIn</c> and absent for <c>Exists</c>/<c>DoesNotExist</c>;
/// and whether a selector selects a given set of labels, for the workload rule that a selector must match its
/// pod template.
/// </summary>
internal static class LabelSelectorRules
{
    private static readonly string[] Operators = ["In", "NotIn", "Exists", "DoesNotExist"];

    /// <summary>Checks the selector at <paramref name="key"/> of <paramref name="parent"/>, if any; returns it when it is a mapping.</summary>
    public static MappingNode? Check(MappingNode parent, string key, ValidationContext ctx)
    {
        if (FieldChecks.Map(parent, key) is not { } selector) return null;
        ctx.Push(key);
        CheckSelector(selector, ctx);
        ctx.Pop();
        return selector;
    }

    /// <summary>Checks a selector at the current path.</summary>
    public static void CheckSelector(MappingNode selector, ValidationContext ctx)
    {
        if (FieldChecks.Map(selector, "matchLabels") is { } labels)
        {
            ctx.Push("matchLabels");
            foreach (var e in labels.Entries)
            {
                ctx.Push(e.Key);
                if (NameRules.QualifiedNameProblem(e.Key) is { } keyProblem)
                    ctx.Error(ValidationRules.SelectorInvalid, $"invalid label key {SchemaWalker.Quote(e.Key)}: {keyProblem}", e.KeyLocation ?? e.Value.Location);
                if (e.Value is StringNode s && NameRules.LabelValueProblem(s.Value) is { } valueProblem)
                    ctx.Error(ValidationRules.SelectorInvalid, $"invalid label value {SchemaWalker.Quote(s.Value)}: {valueProblem}", s.Location);
                ctx.Pop();
            }
            ctx.Pop();
        }
        if (FieldChecks.List(selector, "matchExpressions") is { } expressions)
        {
            ctx.Push("matchExpressions");
            for (var i = 0; i < expressions.Count; i++)
            {
                if (expressions[i] is not MappingNode expression) continue;
                ctx.Push(i);
                if (FieldChecks.Text(expression, "key") is { } k && NameRules.QualifiedNameProblem(k.Value) is { } keyProblem)
                    FieldChecks.ErrorAt(ctx, "key", ValidationRules.SelectorInvalid, $"invalid label key {SchemaWalker.Quote(k.Value)}: {keyProblem}", k);
                var op = FieldChecks.Choice(expression, "operator", ValidationRules.SelectorInvalid, Operators, ctx, "a selector operator");
                var values = FieldChecks.List(expression, "values");
                if (op is "In" or "NotIn" && values is not { Count: > 0 })
                    ctx.Error(ValidationRules.SelectorInvalid, $"the operator {op} needs at least one value", (values ?? (ManifestNode)expression).Location,
                        "add values: [...], or use Exists");
                else if (op is "Exists" or "DoesNotExist" && values is { Count: > 0 })
                    FieldChecks.ErrorAt(ctx, "values", ValidationRules.SelectorInvalid, $"the operator {op} takes no values", values, "remove values, or use In");
                ctx.Pop();
            }
            ctx.Pop();
        }
    }

    /// <summary>True when the selector has neither match labels nor expressions (it would select everything).</summary>
    public static bool IsEmpty(MappingNode selector)
        => FieldChecks.Map(selector, "matchLabels") is not { Count: > 0 } && FieldChecks.List(selector, "matchExpressions") is not { Count: > 0 };

    /// <summary>
    /// True when the selector selects an object with these labels. Requirements this code cannot read (wrong types,
    /// unknown operators, already reported) count as matching, so that one mistake is not reported twice.
    /// </summary>
    public static bool Matches(MappingNode selector, MappingNode? labels)
    {
        if (FieldChecks.Map(selector, "matchLabels") is { } matchLabels)
        {
            foreach (var e in matchLabels.Entries)
            {
                if (e.Value is not StringNode wanted) continue;
                if (FieldChecks.Text(labels, e.Key)?.Value != wanted.Value) return false;
            }
        }
        if (FieldChecks.List(selector, "matchExpressions") is { } expressions)
        {
            foreach (var item in expressions)
            {
                if (item is not MappingNode expression || FieldChecks.Text(expression, "key") is not { } key) continue;
                var actual = FieldChecks.Text(labels, key.Value)?.Value;
                var values = FieldChecks.List(expression, "values");
                var inValues = actual is not null && values is not null && values.Any(v => v is StringNode s && s.Value == actual);
                var ok = FieldChecks.Text(expression, "operator")?.Value switch
                {
                    "In" => inValues,
                    "NotIn" => !inValues,
                    "Exists" => actual is not null,
                    "DoesNotExist" => actual is null,
                    _ => true,
                };
                if (!ok) return false;
            }
        }
        return true;
    }

    /// <summary>The selector as <c>key=value</c> text, for messages.</summary>
    public static string Describe(MappingNode selector)
    {
        var parts = new List<string>();
        if (FieldChecks.Map(selector, "matchLabels") is { } matchLabels)
            parts.AddRange(matchLabels.Entries.Where(e => e.Value is StringNode).Select(e => $"{e.Key}={((StringNode)e.Value).Value}"));
        if (FieldChecks.List(selector, "matchExpressions") is { Count: > 0 } expressions)
            parts.Add($"{expressions.Count} expression{(expressions.Count == 1 ? "" : "s")}");
        return string.Join(", ", parts);
    }
}
