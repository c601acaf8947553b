using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// A container's (or pod's) <c>resources</c> as the API server checks them: names are standard container resources
/// (<c>cpu</c>, <c>memory</c>, <c>ephemeral-storage</c>, <c>hugepages-&lt;size&gt;</c>) or domain-qualified extended
/// resources such as <c>nvidia.com/gpu</c>; amounts are quantities of at least zero, whole for extended resources;
/// a request is no larger than its limit; an extended resource needs a limit equal to its request, since it cannot
/// be overcommitted; huge pages need a cpu or memory amount beside them.
/// </summary>
internal static class ResourceRequirementRules
{
    public static void Check(MappingNode container, ValidationContext ctx)
    {
        if (FieldChecks.Map(container, "resources") is not { } resources) return;
        ctx.Push("resources");
        var limits = CheckAmounts(resources, "limits", ctx);
        var requests = CheckAmounts(resources, "requests", ctx);
        if (requests is not null && FieldChecks.Map(resources, "requests") is { } requestMap)
        {
            ctx.Push("requests");
            foreach (var (name, request) in requests)
            {
                var node = requestMap[name];
                if (limits is not null && limits.TryGetValue(name, out var limit))
                {
                    var limitText = Text(FieldChecks.Map(resources, "limits")![name]);
                    if (!IsOvercommitAllowed(name) && request.CompareTo(limit) != 0)
                        FieldChecks.ErrorAt(ctx, name, ValidationRules.RequestAboveLimit,
                            $"the {name} request {Text(node)} must equal its limit {limitText}: {name} cannot be overcommitted", node,
                            $"set requests and limits of {name} to the same amount");
                    else if (request.CompareTo(limit) > 0)
                        FieldChecks.ErrorAt(ctx, name, ValidationRules.RequestAboveLimit,
                            $"the {name} request {Text(node)} is larger than its limit {limitText}", node,
                            $"raise limits.{name} to at least {Text(node)}, or lower the request");
                }
                else if (!IsOvercommitAllowed(name) && FieldChecks.Map(resources, "limits")?.ContainsKey(name) != true)
                {
                    FieldChecks.ErrorAt(ctx, name, ValidationRules.RequestAboveLimit,
                        $"{name} has a request but no limit: it cannot be overcommitted", node,
                        $"add limits.{name}: {Text(node)}");
                }
            }
            ctx.Pop();
        }
        var hugePages = HasHugePages(limits) || HasHugePages(requests);
        if (hugePages && !HasCpuOrMemory(limits) && !HasCpuOrMemory(requests))
            ctx.Error(ValidationRules.ResourceQuantity, "huge pages need a cpu or memory request or limit as well", resources.Location,
                "add a memory limit, e.g. limits.memory: 1Gi");
        ctx.Pop();
    }

    private static bool HasHugePages(Dictionary<string, Quantity>? amounts) => amounts?.Keys.Any(k => k.StartsWith("hugepages-", StringComparison.Ordinal)) == true;

    private static bool HasCpuOrMemory(Dictionary<string, Quantity>? amounts) => amounts is not null && (amounts.ContainsKey("cpu") || amounts.ContainsKey("memory"));

    private static string Text(ManifestNode node) => node is ScalarNode s ? s.Text : "?";

    /// <summary>Checks one map of amounts; returns the valid ones by name.</summary>
    private static Dictionary<string, Quantity>? CheckAmounts(MappingNode resources, string key, ValidationContext ctx)
    {
        if (FieldChecks.Map(resources, key) is not { } amounts) return null;
        var result = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        ctx.Push(key);
        foreach (var e in amounts.Entries)
        {
            if (NameProblem(e.Key) is { } problem)
            {
                var near = NearMatch.Find(e.Key, ["cpu", "memory", "ephemeral-storage"]);
                FieldChecks.ErrorAt(ctx, e.Key, ValidationRules.ResourceQuantity, $"{SchemaWalker.Quote(e.Key)} is not a container resource: {problem}", e.Value,
                    near is null ? "use cpu, memory, ephemeral-storage, hugepages-<size>, or a domain-qualified name such as nvidia.com/gpu" : $"did you mean {near}?");
                continue;
            }
            ctx.Push(e.Key);
            var q = QuantityRules.Check(e.Value, ctx);
            if (q is { } quantity)
            {
                if (IsExtended(e.Key) && !quantity.IsWhole)
                    ctx.Error(ValidationRules.ResourceQuantity, $"the extended resource {e.Key} must be a whole number, got {Text(e.Value)}", e.Value.Location);
                else result[e.Key] = quantity;
            }
            ctx.Pop();
        }
        ctx.Pop();
        return result;
    }

    /// <summary>Why a resource name is not one a container may ask for, or <c>null</c>.</summary>
    public static string? NameProblem(string name)
    {
        if (name is "cpu" or "memory" or "ephemeral-storage") return null;
        if (name.StartsWith("hugepages-", StringComparison.Ordinal))
            return Quantity.IsQuantity(name["hugepages-".Length..]) ? null : "a huge page resource is hugepages-<page size>, e.g. hugepages-2Mi";
        if (!name.Contains('/')) return "a standard resource is cpu, memory, ephemeral-storage or hugepages-<size>";
        if (NameRules.QualifiedNameProblem(name) is { } problem) return problem;
        if (!IsExtended(name)) return "names under kubernetes.io/ are reserved for Kubernetes";
        return null;
    }

    private static bool IsExtended(string name)
        => name.Contains('/') && !name.StartsWith("kubernetes.io/", StringComparison.Ordinal) && !name.StartsWith("requests.", StringComparison.Ordinal);

    private static bool IsOvercommitAllowed(string name) => !IsExtended(name) && !name.StartsWith("hugepages-", StringComparison.Ordinal);
}
