using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// One container of a pod, as the API server checks it: its name is an RFC 1123 label; its image is set and
/// unpadded; port numbers are in range, port names are IANA service names unique in the container, and protocols
/// are TCP, UDP or SCTP; environment variable names follow the relaxed rule of Kubernetes 1.33+ (printable ASCII,
/// no '='); an environment variable has a value or exactly one source; volume mounts name a volume of the pod and
/// use relative sub-paths; resources, probes and lifecycle hooks follow their own rules.
/// </summary>
/// <remarks>
/// Uniqueness inside one list (two containers of one name, two ports with the same number and protocol, two mounts
/// at one path) is the schema's list-map rule and is reported by the schema walk; what is checked here is what the
/// schema cannot say. Kubernetes accepts a pod template without an image (so that tools can fill it in later), but
/// no pod can be made from it; in a rendered repository that is a mistake, so it is an error here too.
/// </remarks>
internal static class ContainerRules
{
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] TerminationMessagePolicies = ["File", "FallbackToLogsOnError"];
    private static readonly string[] EnvSources = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef", "fileKeyRef"];

    /// <param name="container">The container.</param>
    /// <param name="list">The field it sits in: <c>containers</c>, <c>initContainers</c> or <c>ephemeralContainers</c>.</param>
    /// <param name="volumes">The names of the pod's volumes, or <c>null</c> when they cannot be known (mounts are then not checked).</param>
    /// <param name="ctx">The validation context, at the container's path.</param>
    public static void Check(MappingNode container, string list, IReadOnlySet<string>? volumes, ValidationContext ctx)
    {
        if (FieldChecks.Text(container, "name") is { } name && name.Value.Length > 0 && !NameRules.IsDns1123Label(name.Value))
        {
            var fixedName = NameRules.ToDnsName(name.Value, NameRules.Dns1123LabelMaxLength, allowDots: false);
            FieldChecks.ErrorAt(ctx, "name", ValidationRules.ContainerName,
                $"{SchemaWalker.Quote(name.Value)} is not a valid container name: it must be a lowercase RFC 1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit",
                name, fixedName is null ? null : $"use \"{fixedName}\"");
        }
        else if (!FieldChecks.IsSet(container, "name"))
        {
            FieldChecks.Require(container, "name", ctx, "every container needs a name", "add name: app");
        }

        var image = FieldChecks.Text(container, "image");
        if (image is null)
        {
            if (!FieldChecks.IsSet(container, "image"))
                ctx.Error(ValidationRules.ContainerImage, "the container has no image", container.Location,
                    "add image: with the image reference, e.g. registry.example.com/app:1.2.3");
        }
        else if (image.Value.Trim().Length == 0)
        {
            FieldChecks.ErrorAt(ctx, "image", ValidationRules.ContainerImage, "the image may not be empty", image,
                "give the image reference, e.g. registry.example.com/app:1.2.3");
        }
        else if (image.Value.Trim().Length != image.Value.Length)
        {
            FieldChecks.ErrorAt(ctx, "image", ValidationRules.ContainerImage, $"the image {SchemaWalker.Quote(image.Value)} has leading or trailing spaces", image,
                $"use \"{image.Value.Trim()}\"");
        }

        FieldChecks.Choice(container, "imagePullPolicy", ValidationRules.ContainerImage, PullPolicies, ctx, "imagePullPolicy");
        FieldChecks.Choice(container, "terminationMessagePolicy", ValidationRules.PodSpec, TerminationMessagePolicies, ctx, "terminationMessagePolicy");
        CheckPorts(container, ctx);
        CheckEnv(container, ctx);
        CheckVolumeMounts(container, volumes, ctx);
        ResourceRequirementRules.Check(container, ctx);
        foreach (var probe in (ReadOnlySpan<string>)["livenessProbe", "readinessProbe", "startupProbe"]) ProbeRules.CheckProbe(container, probe, ctx);
        ProbeRules.CheckLifecycle(container, ctx);
    }

    private static void CheckPorts(MappingNode container, ValidationContext ctx)
    {
        if (FieldChecks.List(container, "ports") is not { } ports) return;
        ctx.Push("ports");
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i] is not MappingNode port) continue;
            ctx.Push(i);
            if (FieldChecks.Integer(port, "containerPort") is { Value: < 1 or > 65535 } number)
                FieldChecks.ErrorAt(ctx, "containerPort", ValidationRules.ContainerPort, $"containerPort must be between 1 and 65535, got {number.Text}", number);
            if (FieldChecks.Integer(port, "hostPort") is { Value: < 0 or > 65535 } host)
                FieldChecks.ErrorAt(ctx, "hostPort", ValidationRules.ContainerPort, $"hostPort must be between 1 and 65535 (or 0 for none), got {host.Text}", host);
            if (FieldChecks.Text(port, "name") is { Value.Length: > 0 } portName)
            {
                if (NameRules.PortNameProblem(portName.Value) is { } problem)
                {
                    var fixedName = NameRules.ToDnsName(portName.Value, NameRules.PortNameMaxLength, allowDots: false, startWithLetter: true);
                    FieldChecks.ErrorAt(ctx, "name", ValidationRules.ContainerPort, $"{SchemaWalker.Quote(portName.Value)} is not a valid port name: {problem}", portName,
                        fixedName is null || NameRules.PortNameProblem(fixedName) is not null ? "use a short lowercase name such as \"http\"" : $"use \"{fixedName}\"");
                }
                else if (names.TryGetValue(portName.Value, out var first))
                    FieldChecks.ErrorAt(ctx, "name", ValidationRules.ContainerPort, $"duplicate port name {SchemaWalker.Quote(portName.Value)} (same as index {FieldChecks.Index(first)})",
                        portName, "give every port of the container its own name");
                else names[portName.Value] = i;
            }
            FieldChecks.Choice(port, "protocol", ValidationRules.ContainerPort, Protocols, ctx, "a port protocol");
            ctx.Pop();
        }
        ctx.Pop();
    }

    private static void CheckEnv(MappingNode container, ValidationContext ctx)
    {
        if (FieldChecks.List(container, "env") is { } env)
        {
            ctx.Push("env");
            for (var i = 0; i < env.Count; i++)
            {
                if (env[i] is not MappingNode variable) continue;
                ctx.Push(i);
                if (FieldChecks.Text(variable, "name") is { } name && FieldChecks.EnvVarNameProblem(name.Value) is { } problem)
                    FieldChecks.ErrorAt(ctx, "name", ValidationRules.EnvVarName, $"{SchemaWalker.Quote(name.Value)} is not a valid environment variable name: {problem}", name,
                        "use letters, digits and '_', e.g. LOG_LEVEL");
                var valueFrom = FieldChecks.Map(variable, "valueFrom");
                if (valueFrom is not null && FieldChecks.Text(variable, "value") is { Value.Length: > 0 } value)
                    FieldChecks.ErrorAt(ctx, "value", ValidationRules.EnvVarSource, "value and valueFrom may not both be set", value, "keep one of value and valueFrom");
                if (valueFrom is not null)
                {
                    ctx.Push("valueFrom");
                    var set = EnvSources.Where(s => FieldChecks.IsSet(valueFrom, s)).ToList();
                    if (set.Count == 0)
                        ctx.Error(ValidationRules.EnvVarSource, "valueFrom needs exactly one source", valueFrom.Location,
                            "add one of secretKeyRef, configMapKeyRef, fieldRef, resourceFieldRef");
                    for (var k = 1; k < set.Count; k++)
                        FieldChecks.ErrorAt(ctx, set[k], ValidationRules.EnvVarSource, $"valueFrom takes exactly one source, but both {set[0]} and {set[k]} are set",
                            valueFrom[set[k]], $"keep one of {set[0]} and {set[k]}");
                    ctx.Pop();
                }
                ctx.Pop();
            }
            ctx.Pop();
        }
        if (FieldChecks.List(container, "envFrom") is { } envFrom)
        {
            ctx.Push("envFrom");
            for (var i = 0; i < envFrom.Count; i++)
            {
                if (envFrom[i] is not MappingNode source) continue;
                ctx.Push(i);
                if (FieldChecks.Text(source, "prefix") is { Value.Length: > 0 } prefix && FieldChecks.EnvVarNameProblem(prefix.Value) is { } problem)
                    FieldChecks.ErrorAt(ctx, "prefix", ValidationRules.EnvVarName, $"{SchemaWalker.Quote(prefix.Value)} is not a valid environment variable prefix: {problem}", prefix);
                var hasConfigMap = FieldChecks.IsSet(source, "configMapRef");
                var hasSecret = FieldChecks.IsSet(source, "secretRef");
                if (hasConfigMap && hasSecret)
                    FieldChecks.ErrorAt(ctx, "secretRef", ValidationRules.EnvVarSource, "an envFrom item takes exactly one of configMapRef and secretRef", source["secretRef"],
                        "split it into two envFrom items");
                else if (!hasConfigMap && !hasSecret)
                    ctx.Error(ValidationRules.EnvVarSource, "an envFrom item needs configMapRef or secretRef", source.Location, "add configMapRef: {name: ...}");
                ctx.Pop();
            }
            ctx.Pop();
        }
    }

    private static void CheckVolumeMounts(MappingNode container, IReadOnlySet<string>? volumes, ValidationContext ctx)
    {
        if (FieldChecks.List(container, "volumeMounts") is not { } mounts) return;
        ctx.Push("volumeMounts");
        for (var i = 0; i < mounts.Count; i++)
        {
            if (mounts[i] is not MappingNode mount) continue;
            ctx.Push(i);
            if (volumes is not null && FieldChecks.Text(mount, "name") is { Value.Length: > 0 } name && !volumes.Contains(name.Value))
            {
                var near = NearMatch.Find(name.Value, volumes);
                FieldChecks.ErrorAt(ctx, "name", ValidationRules.VolumeMount, $"no volume named {SchemaWalker.Quote(name.Value)} in the pod", name,
                    near is not null ? $"did you mean \"{near}\"?" : volumes.Count == 0 ? "add it to the pod's volumes" : $"add it to the pod's volumes, or use one of {string.Join(", ", volumes.Order(StringComparer.Ordinal))}");
            }
            foreach (var field in (ReadOnlySpan<string>)["subPath", "subPathExpr"])
            {
                if (FieldChecks.Text(mount, field) is not { Value.Length: > 0 } sub) continue;
                if (sub.Value.StartsWith('/'))
                    FieldChecks.ErrorAt(ctx, field, ValidationRules.VolumeMount, $"{field} must be a relative path, got {SchemaWalker.Quote(sub.Value)}", sub, $"use \"{sub.Value.TrimStart('/')}\"");
                else if (sub.Value.Split('/').Contains(".."))
                    FieldChecks.ErrorAt(ctx, field, ValidationRules.VolumeMount, $"{field} may not contain '..', got {SchemaWalker.Quote(sub.Value)}", sub);
            }
            if (FieldChecks.IsSet(mount, "subPath") && FieldChecks.IsSet(mount, "subPathExpr"))
                FieldChecks.ErrorAt(ctx, "subPathExpr", ValidationRules.VolumeMount, "subPath and subPathExpr may not both be set", mount["subPathExpr"]);
            ctx.Pop();
        }
        ctx.Pop();
    }
}
