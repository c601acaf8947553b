using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// A pod spec, whether of a Pod or of a workload's template, as the API server checks it: at least one container;
/// container names unique across <c>containers</c>, <c>initContainers</c> and <c>ephemeralContainers</c>; every
/// volume an RFC 1123 label with exactly one source; quantities in <c>overhead</c> and volume size limits;
/// <c>restartPolicy</c>, <c>dnsPolicy</c> and the timing fields in range. Each container is checked by
/// <see cref="ContainerRules"/>.
/// </summary>
internal static class PodSpecRules
{
    private static readonly string[] ContainerLists = ["containers", "initContainers", "ephemeralContainers"];
    private static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] DnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];

    /// <summary>Checks the pod spec at <paramref name="key"/> of <paramref name="owner"/>, where the context points at <paramref name="owner"/>.</summary>
    /// <param name="owner">The object holding the spec (a Pod, or a template).</param>
    /// <param name="key">Usually <c>spec</c>.</param>
    /// <param name="ctx">The validation context.</param>
    /// <param name="extraVolumes">Volume names the pod gets from elsewhere (a StatefulSet's claim templates).</param>
    /// <returns>The spec, when it is a mapping.</returns>
    public static MappingNode? Check(MappingNode owner, string key, ValidationContext ctx, IEnumerable<string>? extraVolumes = null)
    {
        if (FieldChecks.Map(owner, key) is not { } spec)
        {
            if (!FieldChecks.IsSet(owner, key))
                ctx.Error(ValidationRules.Required, $"missing required field \"{key}\": a pod needs a spec with at least one container", owner.Location,
                    $"add {key}.containers with at least one container");
            return null;
        }
        ctx.Push(key);
        FieldChecks.Require(spec, "containers", ctx, "a pod needs at least one container", "add containers: [{name: app, image: ...}]");
        var volumes = CheckVolumes(spec, ctx);
        if (extraVolumes is not null) volumes?.UnionWith(extraVolumes);

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in ContainerLists)
        {
            if (FieldChecks.List(spec, list) is not { } containers) continue;
            ctx.Push(list);
            var inThisList = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < containers.Count; i++)
            {
                if (containers[i] is not MappingNode container) continue;
                ctx.Push(i);
                if (FieldChecks.Text(container, "name") is { Value.Length: > 0 } name && inThisList.Add(name.Value))
                {
                    if (seen.TryGetValue(name.Value, out var other))
                        FieldChecks.ErrorAt(ctx, "name", ValidationRules.ContainerName,
                            $"duplicate container name {SchemaWalker.Quote(name.Value)}: {other} has a container of that name; names are unique across containers, initContainers and ephemeralContainers",
                            name, "give every container of the pod its own name");
                    else seen[name.Value] = list;
                }
                ContainerRules.Check(container, list, volumes, ctx);
                if (list == "initContainers") CheckInitContainer(container, ctx);
                ctx.Pop();
            }
            ctx.Pop();
        }

        FieldChecks.Choice(spec, "restartPolicy", ValidationRules.RestartPolicy, RestartPolicies, ctx, "restartPolicy");
        if (FieldChecks.Choice(spec, "dnsPolicy", ValidationRules.PodSpec, DnsPolicies, ctx, "dnsPolicy") == "None" && !FieldChecks.IsSet(spec, "dnsConfig"))
            FieldChecks.ErrorAt(ctx, "dnsPolicy", ValidationRules.PodSpec, "dnsPolicy None needs dnsConfig with at least one nameserver", spec["dnsPolicy"],
                "add dnsConfig: {nameservers: [...]}, or use dnsPolicy: ClusterFirst");
        FieldChecks.NonNegative(spec, "terminationGracePeriodSeconds", ctx);
        FieldChecks.NonNegative(spec, "activeDeadlineSeconds", ctx, positive: true);
        if (FieldChecks.Map(spec, "overhead") is { } overhead)
        {
            ctx.Push("overhead");
            foreach (var e in overhead.Entries) QuantityRules.Check(overhead, e.Key, ctx);
            ctx.Pop();
        }
        ResourceRequirementRules.Check(spec, ctx);
        ctx.Pop();
        return spec;
    }

    /// <summary>Init containers may not have probes or hooks, unless they are sidecars (<c>restartPolicy: Always</c>).</summary>
    private static void CheckInitContainer(MappingNode container, ValidationContext ctx)
    {
        var sidecar = FieldChecks.Text(container, "restartPolicy")?.Value == "Always";
        if (FieldChecks.Text(container, "restartPolicy") is { } policy && policy.Value != "Always")
            FieldChecks.ErrorAt(ctx, "restartPolicy", ValidationRules.RestartPolicy,
                $"unsupported value {SchemaWalker.Quote(policy.Value)}: an init container's restartPolicy may only be \"Always\" (a sidecar)", policy, "remove restartPolicy, or set it to Always");
        if (sidecar) return;
        foreach (var field in (ReadOnlySpan<string>)["livenessProbe", "readinessProbe", "startupProbe", "lifecycle"])
        {
            if (FieldChecks.IsSet(container, field))
                FieldChecks.ErrorAt(ctx, field, ValidationRules.ProbeHandler, $"an init container may not have a {field}", container[field],
                    $"remove {field}, or make it a sidecar with restartPolicy: Always");
        }
    }

    /// <summary>Checks the volumes and returns their names (null when the list is missing or not a list: then mounts are not checked against it).</summary>
    private static HashSet<string>? CheckVolumes(MappingNode spec, ValidationContext ctx)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!FieldChecks.IsSet(spec, "volumes")) return names;
        if (FieldChecks.List(spec, "volumes") is not { } volumes) return null;
        ctx.Push("volumes");
        for (var i = 0; i < volumes.Count; i++)
        {
            if (volumes[i] is not MappingNode volume) continue;
            ctx.Push(i);
            if (FieldChecks.Text(volume, "name") is { Value.Length: > 0 } name)
            {
                names.Add(name.Value);
                if (!NameRules.IsDns1123Label(name.Value))
                {
                    var fixedName = NameRules.ToDnsName(name.Value, NameRules.Dns1123LabelMaxLength, allowDots: false);
                    FieldChecks.ErrorAt(ctx, "name", ValidationRules.VolumeName,
                        $"{SchemaWalker.Quote(name.Value)} is not a valid volume name: it must be a lowercase RFC 1123 label", name,
                        fixedName is null ? null : $"use \"{fixedName}\"");
                }
            }
            var sources = volume.Entries.Where(e => e.Key != "name" && e.Value is not NullNode).Select(e => e.Key).ToList();
            if (sources.Count == 0)
                ctx.Error(ValidationRules.VolumeName, "a volume needs exactly one source", volume.Location,
                    "add one source, e.g. emptyDir: {}, configMap: {name: ...} or persistentVolumeClaim: {claimName: ...}");
            for (var k = 1; k < sources.Count; k++)
                FieldChecks.ErrorAt(ctx, sources[k], ValidationRules.VolumeName, $"a volume takes exactly one source, but both {sources[0]} and {sources[k]} are set",
                    volume[sources[k]], "split it into two volumes");
            if (FieldChecks.Map(volume, "emptyDir") is { } emptyDir)
            {
                ctx.Push("emptyDir");
                QuantityRules.Check(emptyDir, "sizeLimit", ctx);
                ctx.Pop();
            }
            if (FieldChecks.Map(FieldChecks.Map(volume, "ephemeral"), "volumeClaimTemplate") is { } claimTemplate)
            {
                ctx.Push("ephemeral");
                ctx.Push("volumeClaimTemplate");
                StorageRules.CheckClaimSpec(claimTemplate, "spec", ctx);
                ctx.Pop();
                ctx.Pop();
            }
            ctx.Pop();
        }
        ctx.Pop();
        return names;
    }
}
