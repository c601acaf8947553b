using System.Globalization;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// Checks values of the Kubernetes <c>Quantity</c> type. The schema types them only as "a number or a string", so the
/// grammar is checked here, where the kind rules know a field is a quantity: container resources, pod overhead,
/// <c>emptyDir.sizeLimit</c>, claim sizes, quota and limit-range amounts, autoscaler targets. A number is read as
/// the decoder reads it (<c>cpu: 0.5</c> is half a CPU).
/// </summary>
internal static class QuantityRules
{
    /// <summary>Checks the quantity at <paramref name="key"/> of <paramref name="parent"/>; returns it when it is valid.</summary>
    public static Quantity? Check(MappingNode parent, string key, ValidationContext ctx, bool nonNegative = true)
    {
        if (parent.GetValueOrDefault(key) is not { } node) return null;
        ctx.Push(key);
        var q = Check(node, ctx, nonNegative);
        ctx.Pop();
        return q;
    }

    /// <summary>Checks a quantity node at the current path; returns it when it is valid.</summary>
    public static Quantity? Check(ManifestNode node, ValidationContext ctx, bool nonNegative = true)
    {
        string text;
        switch (node)
        {
            case StringNode s: text = s.Value.Trim(); break;
            case IntegerNode i: text = i.Text; break;
            case NumberNode n when double.IsFinite(n.Value): text = n.Value.ToString("R", CultureInfo.InvariantCulture); break;
            default: return null;
        }
        if (Quantity.Problem(text, out var q) is { } problem)
        {
            ctx.Error(ValidationRules.QuantityInvalid, $"{SchemaWalker.Quote(text)} is not a quantity: {problem}", node.Location,
                "write a number with an optional unit, e.g. 500m, 2, 512Mi, 1Gi");
            return null;
        }
        if (nonNegative && q.IsNegative)
        {
            ctx.Error(ValidationRules.ResourceQuantity, $"{SchemaWalker.Quote(text)} must not be negative", node.Location);
            return null;
        }
        return q;
    }
}
