using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// PodDisruptionBudget (policy/v1): <c>minAvailable</c> and <c>maxUnavailable</c> are whole numbers or percentages
/// up to 100% and may not both be set; the selector is a valid label selector; the unhealthy-pod policy is known.
/// Where Kubernetes is silent: a budget with neither field allows every eviction, which is never what was meant,
/// so it is a warning.
/// </summary>
internal static class DisruptionBudgetRules
{
    private static readonly string[] EvictionPolicies = ["IfHealthyBudget", "AlwaysAllow"];

    public static void Check(MappingNode root, ValidationContext ctx)
    {
        if (FieldChecks.Map(root, "spec") is not { } spec) return;
        ctx.Push("spec");
        IntOrStringRules.CheckCountOrPercent(spec, "minAvailable", ValidationRules.DisruptionBudget, ctx, atMostAll: true);
        IntOrStringRules.CheckCountOrPercent(spec, "maxUnavailable", ValidationRules.DisruptionBudget, ctx, atMostAll: true);
        var hasMin = FieldChecks.IsSet(spec, "minAvailable");
        var hasMax = FieldChecks.IsSet(spec, "maxUnavailable");
        if (hasMin && hasMax)
            FieldChecks.ErrorAt(ctx, "maxUnavailable", ValidationRules.DisruptionBudget, "minAvailable and maxUnavailable may not both be set", spec["maxUnavailable"],
                "keep one of them");
        else if (!hasMin && !hasMax)
            ctx.Warning(ValidationRules.DisruptionBudget, "the budget sets neither minAvailable nor maxUnavailable, so it allows every eviction", spec.Location,
                "add minAvailable (e.g. 1) or maxUnavailable (e.g. 1)");
        LabelSelectorRules.Check(spec, "selector", ctx);
        FieldChecks.Choice(spec, "unhealthyPodEvictionPolicy", ValidationRules.DisruptionBudget, EvictionPolicies, ctx, "unhealthyPodEvictionPolicy");
        ctx.Pop();
    }
}
