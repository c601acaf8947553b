using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// The controllers that run pods from a template: Deployment, ReplicaSet, StatefulSet and DaemonSet (apps/v1),
/// Job (batch/v1), ReplicationController, Pod and PodTemplate (v1). As the API server does, it requires a non-empty
/// selector that matches the template's labels (a Job's selector is generated unless <c>manualSelector</c> is true),
/// checks the pod template with <see cref="PodSpecRules"/>, allows only <c>restartPolicy: Always</c> for long-running
/// workloads and only <c>OnFailure</c> or <c>Never</c> for Jobs, keeps counts from going negative, and checks update
/// strategies (rolling update settings as whole numbers or percentages, not both zero).
/// </summary>
internal static class WorkloadRules
{
    private static readonly string[] DeploymentStrategies = ["RollingUpdate", "Recreate"];
    private static readonly string[] SetStrategies = ["RollingUpdate", "OnDelete"];
    private static readonly string[] PodManagementPolicies = ["OrderedReady", "Parallel"];
    private static readonly string[] RetentionPolicies = ["Retain", "Delete"];
    private static readonly string[] CompletionModes = ["NonIndexed", "Indexed"];
    private static readonly string[] JobRestartPolicies = ["OnFailure", "Never"];

    public static void CheckDeployment(MappingNode root, ValidationContext ctx)
        => CheckReplicated(root, "Deployment", ctx, spec =>
        {
            FieldChecks.NonNegative(spec, "progressDeadlineSeconds", ctx);
            if (FieldChecks.Integer(spec, "progressDeadlineSeconds") is { } deadline && FieldChecks.Integer(spec, "minReadySeconds") is { } minReady
                && deadline.Value >= 0 && minReady.Value >= 0 && deadline.Value <= minReady.Value)
                FieldChecks.ErrorAt(ctx, "progressDeadlineSeconds", ValidationRules.UpdateStrategy,
                    $"progressDeadlineSeconds ({deadline.Text}) must be greater than minReadySeconds ({minReady.Text})", deadline,
                    "raise progressDeadlineSeconds (the default is 600)");
            if (FieldChecks.Map(spec, "strategy") is { } strategy)
            {
                ctx.Push("strategy");
                var type = FieldChecks.Choice(strategy, "type", ValidationRules.UpdateStrategy, DeploymentStrategies, ctx, "a Deployment strategy");
                if (type == "Recreate" && FieldChecks.IsSet(strategy, "rollingUpdate"))
                    FieldChecks.ErrorAt(ctx, "rollingUpdate", ValidationRules.UpdateStrategy, "rollingUpdate may not be set when the strategy type is Recreate",
                        strategy["rollingUpdate"], "remove rollingUpdate, or use type: RollingUpdate");
                else CheckRollingUpdate(strategy, ctx, surge: true);
                ctx.Pop();
            }
        });

    public static void CheckReplicaSet(MappingNode root, ValidationContext ctx) => CheckReplicated(root, "ReplicaSet", ctx, null);

    public static void CheckStatefulSet(MappingNode root, ValidationContext ctx)
        => CheckReplicated(root, "StatefulSet", ctx, spec =>
        {
            if (FieldChecks.Text(spec, "serviceName") is { Value.Length: > 0 } service && !NameRules.IsDns1035Label(service.Value))
                FieldChecks.ErrorAt(ctx, "serviceName", ValidationRules.NameInvalid,
                    $"{SchemaWalker.Quote(service.Value)} is not a Service name: it must be an RFC 1035 label (lowercase letters, digits and '-', starting with a letter)",
                    service, NameRules.ToDnsName(service.Value, NameRules.Dns1035LabelMaxLength, false, startWithLetter: true) is { } fixedName ? $"use \"{fixedName}\"" : null);
            FieldChecks.Choice(spec, "podManagementPolicy", ValidationRules.UpdateStrategy, PodManagementPolicies, ctx, "podManagementPolicy");
            if (FieldChecks.Map(spec, "updateStrategy") is { } strategy)
            {
                ctx.Push("updateStrategy");
                var type = FieldChecks.Choice(strategy, "type", ValidationRules.UpdateStrategy, SetStrategies, ctx, "a StatefulSet update strategy");
                if (type == "OnDelete" && FieldChecks.IsSet(strategy, "rollingUpdate"))
                    FieldChecks.ErrorAt(ctx, "rollingUpdate", ValidationRules.UpdateStrategy, "rollingUpdate may not be set when the update strategy type is OnDelete",
                        strategy["rollingUpdate"], "remove rollingUpdate, or use type: RollingUpdate");
                else if (FieldChecks.Map(strategy, "rollingUpdate") is { } rolling)
                {
                    ctx.Push("rollingUpdate");
                    FieldChecks.NonNegative(rolling, "partition", ctx);
                    if (IntOrStringRules.CheckCountOrPercent(rolling, "maxUnavailable", ValidationRules.UpdateStrategy, ctx, atMostAll: true) is { Value: 0 })
                        FieldChecks.ErrorAt(ctx, "maxUnavailable", ValidationRules.UpdateStrategy, "maxUnavailable of a StatefulSet may not be 0", rolling["maxUnavailable"],
                            "use 1 or more, or leave it unset");
                    ctx.Pop();
                }
                ctx.Pop();
            }
            if (FieldChecks.Map(spec, "persistentVolumeClaimRetentionPolicy") is { } retention)
            {
                ctx.Push("persistentVolumeClaimRetentionPolicy");
                FieldChecks.Choice(retention, "whenDeleted", ValidationRules.UpdateStrategy, RetentionPolicies, ctx, "whenDeleted");
                FieldChecks.Choice(retention, "whenScaled", ValidationRules.UpdateStrategy, RetentionPolicies, ctx, "whenScaled");
                ctx.Pop();
            }
            if (FieldChecks.Map(spec, "ordinals") is { } ordinals)
            {
                ctx.Push("ordinals");
                FieldChecks.NonNegative(ordinals, "start", ctx);
                ctx.Pop();
            }
            if (FieldChecks.List(spec, "volumeClaimTemplates") is { } claims)
            {
                ctx.Push("volumeClaimTemplates");
                for (var i = 0; i < claims.Count; i++)
                {
                    if (claims[i] is not MappingNode claim) continue;
                    ctx.Push(i);
                    StorageRules.CheckClaimSpec(claim, "spec", ctx);
                    ctx.Pop();
                }
                ctx.Pop();
            }
        }, ClaimTemplateNames);

    public static void CheckDaemonSet(MappingNode root, ValidationContext ctx)
        => CheckReplicated(root, "DaemonSet", ctx, spec =>
        {
            if (FieldChecks.Map(spec, "updateStrategy") is not { } strategy) return;
            ctx.Push("updateStrategy");
            var type = FieldChecks.Choice(strategy, "type", ValidationRules.UpdateStrategy, SetStrategies, ctx, "a DaemonSet update strategy");
            if (type == "OnDelete" && FieldChecks.IsSet(strategy, "rollingUpdate"))
                FieldChecks.ErrorAt(ctx, "rollingUpdate", ValidationRules.UpdateStrategy, "rollingUpdate may not be set when the update strategy type is OnDelete",
                    strategy["rollingUpdate"], "remove rollingUpdate, or use type: RollingUpdate");
            else CheckRollingUpdate(strategy, ctx, surge: true);
            ctx.Pop();
        }, replicas: false);

    public static void CheckReplicationController(MappingNode root, ValidationContext ctx)
    {
        if (FieldChecks.Map(root, "spec") is not { } spec) return;
        ctx.Push("spec");
        FieldChecks.NonNegative(spec, "replicas", ctx);
        FieldChecks.NonNegative(spec, "minReadySeconds", ctx);
        var template = FieldChecks.Map(spec, "template");
        var labels = FieldChecks.Map(FieldChecks.Map(template, "metadata"), "labels");
        // A missing selector defaults to the template's labels.
        if (FieldChecks.Map(spec, "selector") is { Count: > 0 } selector && template is not null)
        {
            foreach (var e in selector.Entries)
            {
                if (e.Value is StringNode wanted && FieldChecks.Text(labels, e.Key)?.Value != wanted.Value)
                {
                    FieldChecks.ErrorAt(ctx, "selector", ValidationRules.SelectorMismatch,
                        $"the selector does not match the template's labels: {e.Key}={wanted.Value} is not among them", selector,
                        $"add {e.Key}: {wanted.Value} to spec.template.metadata.labels");
                    break;
                }
            }
        }
        if (template is not null)
        {
            ctx.Push("template");
            PodSpecRules.Check(template, "spec", ctx);
            RequireRestartAlways(template, ctx);
            ctx.Pop();
        }
        ctx.Pop();
    }

    public static void CheckPod(MappingNode root, ValidationContext ctx) => PodSpecRules.Check(root, "spec", ctx);

    public static void CheckPodTemplate(MappingNode root, ValidationContext ctx)
    {
        if (FieldChecks.Map(root, "template") is not { } template) return;
        ctx.Push("template");
        PodSpecRules.Check(template, "spec", ctx);
        ctx.Pop();
    }

    public static void CheckJob(MappingNode root, ValidationContext ctx)
    {
        if (FieldChecks.Map(root, "spec") is not { } spec)
        {
            FieldChecks.Require(root, "spec", ctx, "a Job needs a spec with a pod template", "add spec.template");
            return;
        }
        ctx.Push("spec");
        CheckJobSpec(spec, ctx);
        ctx.Pop();
    }

    /// <summary>A Job spec (of a Job or a CronJob's job template), at the current path.</summary>
    public static void CheckJobSpec(MappingNode spec, ValidationContext ctx)
    {
        foreach (var field in (ReadOnlySpan<string>)["parallelism", "completions", "backoffLimit", "ttlSecondsAfterFinished", "backoffLimitPerIndex", "maxFailedIndexes"])
            FieldChecks.NonNegative(spec, field, ctx);
        FieldChecks.NonNegative(spec, "activeDeadlineSeconds", ctx, positive: true);
        var mode = FieldChecks.Choice(spec, "completionMode", ValidationRules.JobSpec, CompletionModes, ctx, "completionMode");
        if (mode == "Indexed" && !FieldChecks.IsSet(spec, "completions"))
            FieldChecks.ErrorAt(ctx, "completionMode", ValidationRules.JobSpec, "an Indexed Job needs completions", spec["completionMode"], "set spec.completions");
        if (mode != "Indexed" && FieldChecks.IsSet(spec, "backoffLimitPerIndex"))
            FieldChecks.ErrorAt(ctx, "backoffLimitPerIndex", ValidationRules.JobSpec, "backoffLimitPerIndex needs completionMode: Indexed", spec["backoffLimitPerIndex"],
                "set completionMode: Indexed, or remove backoffLimitPerIndex");

        var manual = spec.GetValueOrDefault("manualSelector") is BooleanNode { Value: true };
        var selector = LabelSelectorRules.Check(spec, "selector", ctx);
        var template = FieldChecks.Map(spec, "template");
        if (selector is not null && !manual)
        {
            FieldChecks.ErrorAt(ctx, "selector", ValidationRules.SelectorInvalid,
                "a Job's selector is generated by the API server; one written here is refused unless manualSelector is true", selector,
                "remove spec.selector, or set spec.manualSelector: true");
        }
        else if (selector is not null && template is not null)
        {
            CheckSelectorMatches(spec, selector, template, "Job", ctx);
        }
        if (template is null)
        {
            FieldChecks.Require(spec, "template", ctx, "a Job needs a pod template", "add template: {spec: {containers: [...], restartPolicy: Never}}");
            return;
        }
        ctx.Push("template");
        var podSpec = PodSpecRules.Check(template, "spec", ctx);
        if (podSpec is not null)
        {
            ctx.Push("spec");
            if (FieldChecks.Text(podSpec, "restartPolicy") is { } policy)
            {
                if (Array.IndexOf(JobRestartPolicies, policy.Value) < 0 && policy.Value == "Always")
                    FieldChecks.ErrorAt(ctx, "restartPolicy", ValidationRules.RestartPolicy, "a Job's pods may not restart Always: restartPolicy must be OnFailure or Never", policy,
                        "use restartPolicy: Never (or OnFailure)");
            }
            else if (!FieldChecks.IsSet(podSpec, "restartPolicy"))
            {
                ctx.Error(ValidationRules.RestartPolicy, "a Job's pod template needs restartPolicy OnFailure or Never (the default, Always, is refused for Jobs)",
                    podSpec.Location, "add restartPolicy: Never (or OnFailure)");
            }
            ctx.Pop();
        }
        ctx.Pop();
    }

    private static IEnumerable<string> ClaimTemplateNames(MappingNode spec)
    {
        if (FieldChecks.List(spec, "volumeClaimTemplates") is not { } claims) yield break;
        foreach (var claim in claims)
        {
            if (FieldChecks.Text(FieldChecks.Map(claim as MappingNode, "metadata"), "name") is { } name) yield return name.Value;
        }
    }

    /// <summary>The part Deployment, ReplicaSet, StatefulSet and DaemonSet share: selector, template, replicas, restart policy.</summary>
    private static void CheckReplicated(MappingNode root, string kind, ValidationContext ctx, Action<MappingNode>? more,
        Func<MappingNode, IEnumerable<string>>? extraVolumes = null, bool replicas = true)
    {
        if (FieldChecks.Map(root, "spec") is not { } spec)
        {
            if (!FieldChecks.IsSet(root, "spec"))
                ctx.Error(ValidationRules.Required, $"missing required field \"spec\": a {kind} needs spec.selector and spec.template", root.Location,
                    "add spec with selector.matchLabels and a template whose labels match them");
            return;
        }
        ctx.Push("spec");
        if (replicas) FieldChecks.NonNegative(spec, "replicas", ctx);
        FieldChecks.NonNegative(spec, "minReadySeconds", ctx);
        FieldChecks.NonNegative(spec, "revisionHistoryLimit", ctx);

        var selector = LabelSelectorRules.Check(spec, "selector", ctx);
        if (selector is null)
        {
            FieldChecks.Require(spec, "selector", ctx, $"a {kind} needs a selector matching its template's labels", "add selector: {matchLabels: {app: <name>}} and the same labels on the template");
        }
        else if (LabelSelectorRules.IsEmpty(selector))
        {
            FieldChecks.ErrorAt(ctx, "selector", ValidationRules.SelectorInvalid, $"an empty selector is refused for a {kind} (it would select every pod)", selector,
                "add matchLabels naming the template's labels, e.g. app: <name>");
        }
        var template = FieldChecks.Map(spec, "template");
        if (template is null)
        {
            FieldChecks.Require(spec, "template", ctx, $"a {kind} needs a pod template", "add template: {metadata: {labels: ...}, spec: {containers: [...]}}");
        }
        else
        {
            if (selector is not null && !LabelSelectorRules.IsEmpty(selector)) CheckSelectorMatches(spec, selector, template, kind, ctx);
            ctx.Push("template");
            PodSpecRules.Check(template, "spec", ctx, extraVolumes?.Invoke(spec));
            RequireRestartAlways(template, ctx);
            ctx.Pop();
        }
        more?.Invoke(spec);
        ctx.Pop();
    }

    private static void CheckSelectorMatches(MappingNode spec, MappingNode selector, MappingNode template, string kind, ValidationContext ctx)
    {
        var labels = FieldChecks.Map(FieldChecks.Map(template, "metadata"), "labels");
        if (LabelSelectorRules.Matches(selector, labels)) return;
        FieldChecks.ErrorAt(ctx, "selector", ValidationRules.SelectorMismatch,
            $"the selector ({LabelSelectorRules.Describe(selector)}) does not match the template's labels ({(labels is null ? "none" : string.Join(", ", labels.Entries.Where(e => e.Value is StringNode).Select(e => $"{e.Key}={((StringNode)e.Value).Value}")))}); the {kind} would own no pods",
            selector, "make spec.template.metadata.labels include every label the selector asks for");
    }

    private static void RequireRestartAlways(MappingNode template, ValidationContext ctx)
    {
        if (FieldChecks.Text(FieldChecks.Map(template, "spec"), "restartPolicy") is not { } policy || policy.Value == "Always") return;
        if (policy.Value is not ("OnFailure" or "Never")) return; // an unknown value, already reported
        ctx.Push("spec");
        FieldChecks.ErrorAt(ctx, "restartPolicy", ValidationRules.RestartPolicy, $"unsupported value \"{policy.Value}\": only \"Always\" is allowed for this workload's pods", policy,
            "remove restartPolicy (it defaults to Always); use a Job for pods that finish");
        ctx.Pop();
    }

    private static void CheckRollingUpdate(MappingNode strategy, ValidationContext ctx, bool surge)
    {
        if (FieldChecks.Map(strategy, "rollingUpdate") is not { } rolling) return;
        ctx.Push("rollingUpdate");
        var unavailable = IntOrStringRules.CheckCountOrPercent(rolling, "maxUnavailable", ValidationRules.UpdateStrategy, ctx, atMostAll: true);
        var extra = surge ? IntOrStringRules.CheckCountOrPercent(rolling, "maxSurge", ValidationRules.UpdateStrategy, ctx, atMostAll: false) : null;
        if (unavailable is { Value: 0 } && extra is { Value: 0 })
            FieldChecks.ErrorAt(ctx, "maxUnavailable", ValidationRules.UpdateStrategy, "maxUnavailable and maxSurge may not both be 0: the rollout could never make progress",
                rolling["maxUnavailable"], "set maxSurge: 1 or maxUnavailable: 1");
        ctx.Pop();
    }
}
