using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// PersistentVolumeClaims and the claim templates of StatefulSets and ephemeral volumes: at least one access mode,
/// each a known one, <c>ReadWriteOncePod</c> alone; a storage request that is a quantity above zero; a known
/// <c>volumeMode</c>. ResourceQuota and LimitRange amounts are quantities too, and a LimitRange keeps
/// min ≤ default request ≤ default ≤ max.
/// </summary>
internal static class StorageRules
{
    private static readonly string[] AccessModes = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"];
    private static readonly string[] VolumeModes = ["Filesystem", "Block"];
    private static readonly string[] LimitTypes = ["Pod", "Container", "PersistentVolumeClaim"];

    /// <summary>Checks a claim spec at <paramref name="key"/> of <paramref name="owner"/> (a PVC or a claim template).</summary>
    public static void CheckClaimSpec(MappingNode owner, string key, ValidationContext ctx)
    {
        if (FieldChecks.Map(owner, key) is not { } spec)
        {
            if (!FieldChecks.IsSet(owner, key))
                ctx.Error(ValidationRules.Required, $"missing required field \"{key}\": a claim needs access modes and a storage request", owner.Location,
                    $"add {key}: {{accessModes: [ReadWriteOnce], resources: {{requests: {{storage: 10Gi}}}}}}");
            return;
        }
        ctx.Push(key);
        if (FieldChecks.Require(spec, "accessModes", ctx, "a claim needs at least one access mode", "add accessModes: [ReadWriteOnce]")
            && FieldChecks.List(spec, "accessModes") is { } modes)
        {
            ctx.Push("accessModes");
            for (var i = 0; i < modes.Count; i++)
            {
                if (modes[i] is not StringNode mode) continue;
                if (Array.IndexOf(AccessModes, mode.Value) < 0)
                {
                    var near = NearMatch.Find(mode.Value, AccessModes);
                    ctx.Push(i);
                    ctx.Error(ValidationRules.ClaimSpec, $"unsupported access mode {SchemaWalker.Quote(mode.Value)}: must be one of {string.Join(", ", AccessModes.Select(a => $"\"{a}\""))}",
                        mode.Location, near is null ? null : $"did you mean \"{near}\"?");
                    ctx.Pop();
                }
                else if (mode.Value == "ReadWriteOncePod" && modes.Count > 1)
                {
                    ctx.Push(i);
                    ctx.Error(ValidationRules.ClaimSpec, "ReadWriteOncePod may not be combined with other access modes", mode.Location, "list ReadWriteOncePod alone");
                    ctx.Pop();
                }
            }
            ctx.Pop();
        }
        var resources = FieldChecks.Map(spec, "resources");
        var requests = FieldChecks.Map(resources, "requests");
        if (resources is null && !FieldChecks.IsSet(spec, "resources"))
            ctx.Error(ValidationRules.ClaimSpec, "a claim needs resources.requests.storage", spec.Location, "add resources: {requests: {storage: 10Gi}}");
        else if (resources is not null)
        {
            ctx.Push("resources");
            if (requests is null || !FieldChecks.IsSet(requests, "storage"))
                ctx.Error(ValidationRules.ClaimSpec, "a claim needs requests.storage", (requests ?? resources).Location, "add requests: {storage: 10Gi}");
            foreach (var field in (ReadOnlySpan<string>)["requests", "limits"])
            {
                if (FieldChecks.Map(resources, field) is not { } amounts) continue;
                ctx.Push(field);
                foreach (var e in amounts.Entries)
                {
                    if (QuantityRules.Check(amounts, e.Key, ctx) is { } q && e.Key == "storage" && field == "requests" && q.Nanos.IsZero)
                        FieldChecks.ErrorAt(ctx, "storage", ValidationRules.ClaimSpec, "the storage request must be greater than zero", e.Value, "e.g. storage: 10Gi");
                }
                ctx.Pop();
            }
            ctx.Pop();
        }
        FieldChecks.Choice(spec, "volumeMode", ValidationRules.ClaimSpec, VolumeModes, ctx, "volumeMode");
        ctx.Pop();
    }

    /// <summary>A PersistentVolumeClaim.</summary>
    public static void CheckClaim(MappingNode root, ValidationContext ctx) => CheckClaimSpec(root, "spec", ctx);

    /// <summary>A ResourceQuota: every amount in <c>spec.hard</c> is a quantity of at least zero.</summary>
    public static void CheckResourceQuota(MappingNode root, ValidationContext ctx)
    {
        if (FieldChecks.Map(FieldChecks.Map(root, "spec"), "hard") is not { } hard) return;
        ctx.Push("spec");
        ctx.Push("hard");
        foreach (var e in hard.Entries) QuantityRules.Check(hard, e.Key, ctx);
        ctx.Pop();
        ctx.Pop();
    }

    /// <summary>A LimitRange: known types, quantities, and min ≤ defaultRequest ≤ default ≤ max per resource.</summary>
    public static void CheckLimitRange(MappingNode root, ValidationContext ctx)
    {
        if (FieldChecks.List(FieldChecks.Map(root, "spec"), "limits") is not { } limits) return;
        ctx.Push("spec");
        ctx.Push("limits");
        for (var i = 0; i < limits.Count; i++)
        {
            if (limits[i] is not MappingNode item) continue;
            ctx.Push(i);
            FieldChecks.Choice(item, "type", ValidationRules.ResourceQuantity, LimitTypes, ctx, "a limit type");
            var amounts = new Dictionary<string, Dictionary<string, Quantity>>(StringComparer.Ordinal);
            foreach (var field in (ReadOnlySpan<string>)["min", "defaultRequest", "default", "max", "maxLimitRequestRatio"])
            {
                if (FieldChecks.Map(item, field) is not { } map) continue;
                var read = new Dictionary<string, Quantity>(StringComparer.Ordinal);
                ctx.Push(field);
                foreach (var e in map.Entries)
                {
                    if (QuantityRules.Check(map, e.Key, ctx) is { } q) read[e.Key] = q;
                }
                ctx.Pop();
                amounts[field] = read;
            }
            string[] order = ["min", "defaultRequest", "default", "max"];
            for (var a = 0; a < order.Length; a++)
            {
                if (!amounts.TryGetValue(order[a], out var lower)) continue;
                for (var b = a + 1; b < order.Length; b++)
                {
                    if (!amounts.TryGetValue(order[b], out var upper)) continue;
                    foreach (var (resource, low) in lower)
                    {
                        if (!upper.TryGetValue(resource, out var high) || low.CompareTo(high) <= 0) continue;
                        ctx.Push(order[a]);
                        FieldChecks.ErrorAt(ctx, resource, ValidationRules.RequestAboveLimit,
                            $"{order[a]} {resource} ({Text(item, order[a], resource)}) is larger than {order[b]} {resource} ({Text(item, order[b], resource)})",
                            ((MappingNode)item[order[a]])[resource], $"keep min ≤ defaultRequest ≤ default ≤ max for {resource}");
                        ctx.Pop();
                    }
                }
            }
            ctx.Pop();
        }
        ctx.Pop();
        ctx.Pop();
    }

    private static string Text(MappingNode item, string field, string resource)
        => ((MappingNode)item[field])[resource] is ScalarNode s ? s.Text : "?";
}
