using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// Probes and lifecycle hooks. Kubernetes requires exactly one handler in each: <c>exec</c>, <c>httpGet</c>,
/// <c>tcpSocket</c> or <c>grpc</c> for a probe; <c>exec</c>, <c>httpGet</c>, <c>tcpSocket</c> or <c>sleep</c> for
/// a hook. Ports are numbers from 1 to 65535 or container port names; timings are not negative; liveness and
/// startup probes need <c>successThreshold</c> 1.
/// </summary>
internal static class ProbeRules
{
    private static readonly string[] ProbeHandlers = ["exec", "httpGet", "tcpSocket", "grpc"];
    private static readonly string[] HookHandlers = ["exec", "httpGet", "tcpSocket", "sleep"];

    public static void CheckProbe(MappingNode container, string key, ValidationContext ctx)
    {
        if (FieldChecks.Map(container, key) is not { } probe) return;
        ctx.Push(key);
        CheckHandlers(probe, ProbeHandlers, "probe", ctx);
        foreach (var field in (ReadOnlySpan<string>)["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"])
            FieldChecks.NonNegative(probe, field, ctx);
        FieldChecks.NonNegative(probe, "terminationGracePeriodSeconds", ctx, positive: true);
        if (key is "livenessProbe" or "startupProbe" && FieldChecks.Integer(probe, "successThreshold") is { Value: not 1 and >= 0 } threshold)
            FieldChecks.ErrorAt(ctx, "successThreshold", ValidationRules.ProbeHandler, $"successThreshold of a {key} must be 1, got {threshold.Text}", threshold,
                "remove successThreshold, or set it to 1");
        if (FieldChecks.Map(probe, "grpc") is { } grpc && FieldChecks.Integer(grpc, "port") is { Value: < 1 or > 65535 } grpcPort)
        {
            ctx.Push("grpc");
            FieldChecks.ErrorAt(ctx, "port", ValidationRules.ProbeHandler, $"port must be between 1 and 65535, got {grpcPort.Text}", grpcPort);
            ctx.Pop();
        }
        ctx.Pop();
    }

    public static void CheckLifecycle(MappingNode container, ValidationContext ctx)
    {
        if (FieldChecks.Map(container, "lifecycle") is not { } lifecycle) return;
        ctx.Push("lifecycle");
        foreach (var hook in (ReadOnlySpan<string>)["postStart", "preStop"])
        {
            if (FieldChecks.Map(lifecycle, hook) is not { } handler) continue;
            ctx.Push(hook);
            CheckHandlers(handler, HookHandlers, "lifecycle hook", ctx);
            if (FieldChecks.Map(handler, "sleep") is { } sleep)
            {
                ctx.Push("sleep");
                FieldChecks.NonNegative(sleep, "seconds", ctx);
                ctx.Pop();
            }
            ctx.Pop();
        }
        ctx.Pop();
    }

    private static void CheckHandlers(MappingNode owner, string[] handlers, string what, ValidationContext ctx)
    {
        string? first = null;
        foreach (var handler in handlers)
        {
            if (!FieldChecks.IsSet(owner, handler)) continue;
            if (first is not null)
            {
                FieldChecks.ErrorAt(ctx, handler, ValidationRules.ProbeHandler, $"a {what} takes exactly one handler, but both {first} and {handler} are set",
                    owner[handler], $"keep one of {first} and {handler}");
                continue;
            }
            first = handler;
            if (FieldChecks.Map(owner, handler) is { } body && handler is "httpGet" or "tcpSocket")
            {
                ctx.Push(handler);
                if (FieldChecks.IsSet(body, "port")) IntOrStringRules.CheckPort(body, "port", ValidationRules.ProbeHandler, ctx);
                else ctx.Error(ValidationRules.ProbeHandler, $"{handler} needs a port", body.Location, "add port: with a number or a container port name");
                if (handler == "httpGet" && FieldChecks.Text(body, "scheme") is { } scheme && scheme.Value is not ("HTTP" or "HTTPS"))
                    FieldChecks.ErrorAt(ctx, "scheme", ValidationRules.ProbeHandler, $"unsupported scheme {SchemaWalker.Quote(scheme.Value)}: must be \"HTTP\" or \"HTTPS\"",
                        scheme, scheme.Value.Equals("https", StringComparison.OrdinalIgnoreCase) ? "did you mean \"HTTPS\"?" : scheme.Value.Equals("http", StringComparison.OrdinalIgnoreCase) ? "did you mean \"HTTP\"?" : null);
                ctx.Pop();
            }
        }
        if (first is null)
            ctx.Error(ValidationRules.ProbeHandler, $"a {what} needs exactly one handler: {string.Join(", ", handlers)}", owner.Location,
                handlers[0] == "exec" && what == "probe" ? "add e.g. httpGet: {path: /healthz, port: http}" : "add e.g. exec: {command: [...]}");
    }
}
