using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>A Kubernetes label selector (<c>matchLabels</c> and <c>matchExpressions</c>) as Argo CD applies it.</summary>
internal sealed class LabelSelector
{
    private readonly List<(string Key, string Operator, List<string> Values)> _requirements = [];

    private LabelSelector() { }

    /// <summary>True when the selector has no requirements and so matches everything.</summary>
    public bool IsEmpty => _requirements.Count == 0;

    /// <summary>Reads a selector; <c>null</c> or an empty mapping selects everything.</summary>
    public static LabelSelector Read(ManifestNode? node, NodePath path)
    {
        var selector = new LabelSelector();
        if (node is not MappingNode m) return selector;
        if (m.GetValueOrDefault("matchLabels") is MappingNode labels)
        {
            foreach (var e in labels.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                selector._requirements.Add((e.Key, "In", [e.Value is ScalarNode s ? s.Text : ""]));
        }
        if (m.GetValueOrDefault("matchExpressions") is SequenceNode expressions)
        {
            for (var i = 0; i < expressions.Count; i++)
            {
                if (expressions[i] is not MappingNode expr) continue;
                var key = expr.GetString("key") ?? "";
                var op = expr.GetString("operator") ?? "";
                var values = expr.GetValueOrDefault("values") is SequenceNode vs
                    ? vs.Select(v => v is ScalarNode s ? s.Text : "").ToList()
                    : [];
                var at = path.Key("matchExpressions").Index(i);
                switch (op)
                {
                    case "In" or "NotIn" when values.Count == 0:
                        throw new AppSetException(Diagnostic.Error(AppSetRules.GeneratorError,
                            $"values: Invalid value: for 'in', 'notin' operators, values set can't be empty", at, expr.Location));
                    case "Exists" or "DoesNotExist" when values.Count > 0:
                        throw new AppSetException(Diagnostic.Error(AppSetRules.GeneratorError,
                            $"values: Invalid value: values set must be empty for exists and does not exist", at, expr.Location));
                    case "In" or "NotIn" or "Exists" or "DoesNotExist":
                        selector._requirements.Add((key, op, values));
                        break;
                    default:
                        throw new AppSetException(Diagnostic.Error(AppSetRules.GeneratorError,
                            $"\"{op}\" is not a valid label selector operator", at.Key("operator"), expr.Location,
                            "use In, NotIn, Exists or DoesNotExist"));
                }
            }
        }
        return selector;
    }

    /// <summary>True when the labels satisfy every requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, op, values) in _requirements)
        {
            var has = labels.TryGetValue(key, out var value);
            var ok = op switch
            {
                "In" => has && values.Contains(value!),
                "NotIn" => !has || !values.Contains(value!),
                "Exists" => has,
                _ => !has,
            };
            if (!ok) return false;
        }
        return true;
    }
}
