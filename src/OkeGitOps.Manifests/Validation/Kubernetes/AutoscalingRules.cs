using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// HorizontalPodAutoscaler as the API server checks it: <c>maxReplicas</c> at least 1, <c>minReplicas</c> at least 1
/// and no more than <c>maxReplicas</c>, a target with kind and name; in autoscaling/v2 each metric's
/// <c>type</c> names the one source block that is set, each target's <c>type</c> names the one value that is set
/// (<c>Utilization</c> → <c>averageUtilization</c> above 0, <c>Value</c> → <c>value</c>, <c>AverageValue</c> →
/// <c>averageValue</c>, quantities), resource metrics take no <c>Value</c> target, and scaling behaviour stays within
/// the server's bounds.
/// </summary>
internal static class AutoscalingRules
{
    private static readonly string[] MetricTypes = ["Object", "Pods", "Resource", "ContainerResource", "External"];
    private static readonly string[] TargetTypes = ["Utilization", "Value", "AverageValue"];
    private static readonly string[] PolicyTypes = ["Pods", "Percent"];
    private static readonly string[] SelectPolicies = ["Max", "Min", "Disabled"];

    public static void CheckV1(MappingNode root, ValidationContext ctx)
    {
        if (FieldChecks.Map(root, "spec") is not { } spec) return;
        ctx.Push("spec");
        CheckReplicas(spec, ctx);
        FieldChecks.NonNegative(spec, "targetCPUUtilizationPercentage", ctx, positive: true);
        ctx.Pop();
    }

    public static void CheckV2(MappingNode root, ValidationContext ctx)
    {
        if (FieldChecks.Map(root, "spec") is not { } spec) return;
        ctx.Push("spec");
        CheckReplicas(spec, ctx);
        if (FieldChecks.List(spec, "metrics") is { } metrics)
        {
            ctx.Push("metrics");
            for (var i = 0; i < metrics.Count; i++)
            {
                if (metrics[i] is not MappingNode metric) continue;
                ctx.Push(i);
                CheckMetric(metric, ctx);
                ctx.Pop();
            }
            ctx.Pop();
        }
        if (FieldChecks.Map(spec, "behavior") is { } behavior)
        {
            ctx.Push("behavior");
            foreach (var direction in (ReadOnlySpan<string>)["scaleUp", "scaleDown"])
            {
                if (FieldChecks.Map(behavior, direction) is not { } rules) continue;
                ctx.Push(direction);
                if (FieldChecks.Integer(rules, "stabilizationWindowSeconds") is { Value: < 0 or > 3600 } window)
                    FieldChecks.ErrorAt(ctx, "stabilizationWindowSeconds", ValidationRules.Autoscaling, $"stabilizationWindowSeconds must be between 0 and 3600, got {window.Text}", window);
                FieldChecks.Choice(rules, "selectPolicy", ValidationRules.Autoscaling, SelectPolicies, ctx, "selectPolicy");
                if (FieldChecks.List(rules, "policies") is { } policies)
                {
                    ctx.Push("policies");
                    for (var p = 0; p < policies.Count; p++)
                    {
                        if (policies[p] is not MappingNode policy) continue;
                        ctx.Push(p);
                        FieldChecks.Choice(policy, "type", ValidationRules.Autoscaling, PolicyTypes, ctx, "a scaling policy type");
                        FieldChecks.NonNegative(policy, "value", ctx, positive: true);
                        if (FieldChecks.Integer(policy, "periodSeconds") is { Value: < 1 or > 1800 } period)
                            FieldChecks.ErrorAt(ctx, "periodSeconds", ValidationRules.Autoscaling, $"periodSeconds must be between 1 and 1800, got {period.Text}", period);
                        ctx.Pop();
                    }
                    ctx.Pop();
                }
                ctx.Pop();
            }
            ctx.Pop();
        }
        ctx.Pop();
    }

    private static void CheckReplicas(MappingNode spec, ValidationContext ctx)
    {
        var max = FieldChecks.Integer(spec, "maxReplicas");
        if (max is { Value: < 1 })
            FieldChecks.ErrorAt(ctx, "maxReplicas", ValidationRules.Autoscaling, $"maxReplicas must be at least 1, got {max.Text}", max);
        if (FieldChecks.Integer(spec, "minReplicas") is { } min)
        {
            if (min.Value < 1)
                FieldChecks.ErrorAt(ctx, "minReplicas", ValidationRules.Autoscaling, $"minReplicas must be at least 1, got {min.Text}", min,
                    "remove minReplicas (it defaults to 1); scaling to zero needs the HPAScaleToZero feature gate");
            else if (max is { Value: >= 1 } && min.Value > max.Value)
                FieldChecks.ErrorAt(ctx, "minReplicas", ValidationRules.Autoscaling, $"minReplicas ({min.Text}) must not be greater than maxReplicas ({max.Text})", min,
                    $"raise maxReplicas to at least {min.Text}, or lower minReplicas");
        }
        if (FieldChecks.Map(spec, "scaleTargetRef") is { } target)
        {
            ctx.Push("scaleTargetRef");
            FieldChecks.Require(target, "kind", ctx, "the target needs a kind", "add kind: Deployment");
            FieldChecks.Require(target, "name", ctx, "the target needs a name", "add name: of the Deployment or StatefulSet");
            ctx.Pop();
        }
    }

    private static void CheckMetric(MappingNode metric, ValidationContext ctx)
    {
        var type = FieldChecks.Choice(metric, "type", ValidationRules.Autoscaling, MetricTypes, ctx, "a metric type");
        if (type is null) return;
        var block = char.ToLowerInvariant(type[0]) + type[1..];
        foreach (var other in MetricTypes)
        {
            var otherBlock = char.ToLowerInvariant(other[0]) + other[1..];
            if (otherBlock != block && FieldChecks.IsSet(metric, otherBlock))
                FieldChecks.ErrorAt(ctx, otherBlock, ValidationRules.Autoscaling, $"{otherBlock} may only be set when type is {other}, not {type}", metric[otherBlock],
                    $"remove {otherBlock}, or set type: {other}");
        }
        if (FieldChecks.Map(metric, block) is not { } source)
        {
            ctx.Error(ValidationRules.Autoscaling, $"a metric of type {type} needs {block}", metric.Location, $"add {block}: {{...}}");
            return;
        }
        ctx.Push(block);
        if (type is "Resource" or "ContainerResource")
        {
            FieldChecks.Require(source, "name", ctx, "a resource metric names its resource", "add name: cpu (or memory)");
            if (type == "ContainerResource") FieldChecks.Require(source, "container", ctx, "a container resource metric names its container", "add container: <name>");
        }
        if (FieldChecks.Map(source, "target") is { } target)
        {
            ctx.Push("target");
            var targetType = FieldChecks.Choice(target, "type", ValidationRules.Autoscaling, TargetTypes, ctx, "a metric target type");
            if (targetType == "Value" && type is "Resource" or "ContainerResource")
                FieldChecks.ErrorAt(ctx, "type", ValidationRules.Autoscaling, "a resource metric's target type must be Utilization or AverageValue", target["type"],
                    "use type: Utilization with averageUtilization, or AverageValue with averageValue");
            else if (targetType == "Utilization" && type is not ("Resource" or "ContainerResource"))
                FieldChecks.ErrorAt(ctx, "type", ValidationRules.Autoscaling, $"a {type} metric's target type must be Value or AverageValue", target["type"]);
            var wanted = targetType switch { "Utilization" => "averageUtilization", "Value" => "value", "AverageValue" => "averageValue", _ => null };
            if (wanted is not null && !FieldChecks.IsSet(target, wanted))
                ctx.Error(ValidationRules.Autoscaling, $"a target of type {targetType} needs {wanted}", target.Location,
                    wanted == "averageUtilization" ? "add averageUtilization: 80" : $"add {wanted}: with a quantity, e.g. 100m");
            foreach (var field in (ReadOnlySpan<string>)["averageUtilization", "value", "averageValue"])
            {
                if (wanted is not null && field != wanted && FieldChecks.IsSet(target, field))
                    FieldChecks.ErrorAt(ctx, field, ValidationRules.Autoscaling, $"{field} does not go with a target of type {targetType}", target[field], $"use {wanted}, or change type");
            }
            FieldChecks.NonNegative(target, "averageUtilization", ctx, positive: true);
            QuantityRules.Check(target, "value", ctx);
            QuantityRules.Check(target, "averageValue", ctx);
            ctx.Pop();
        }
        else
        {
            FieldChecks.Require(source, "target", ctx, "a metric needs a target", "add target: {type: Utilization, averageUtilization: 80}");
        }
        ctx.Pop();
    }
}
