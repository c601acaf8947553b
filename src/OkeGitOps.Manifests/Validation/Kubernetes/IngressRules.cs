using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Kubernetes;

/// <summary>
/// Ingress and IngressClass (networking.k8s.io/v1) as the API server checks them: an Ingress has a default backend
/// or rules; hosts are DNS names (a leading <c>*.</c> allowed, IP addresses not); every path has a <c>pathType</c>;
/// <c>Exact</c> and <c>Prefix</c> paths are absolute and free of <c>//</c>, <c>/./</c>, <c>/../</c> and encoded
/// slashes; a backend names a service or a resource, not both; a service port has a name or a number, not both.
/// An IngressClass controller is a domain-prefixed path such as <c>example.com/ingress</c>.
/// </summary>
internal static class IngressRules
{
    private static readonly string[] PathTypes = ["Exact", "Prefix", "ImplementationSpecific"];
    private static readonly string[] BadSequences = ["//", "/./", "/../", "%2f", "%2F"];
    private static readonly string[] BadSuffixes = ["/..", "/."];
    private static readonly string[] ParameterScopes = ["Cluster", "Namespace"];

    public static void CheckIngress(MappingNode root, ValidationContext ctx)
    {
        if (FieldChecks.Map(root, "spec") is not { } spec)
        {
            if (!FieldChecks.IsSet(root, "spec"))
                ctx.Error(ValidationRules.IngressBackend, "an Ingress needs spec.rules or spec.defaultBackend", root.Location, "add spec.rules with a host and paths");
            return;
        }
        ctx.Push("spec");
        var rules = FieldChecks.List(spec, "rules");
        if (!FieldChecks.IsSet(spec, "defaultBackend") && rules is not { Count: > 0 })
            ctx.Error(ValidationRules.IngressBackend, "an Ingress needs rules or a defaultBackend", spec.Location, "add rules: [{host: ..., http: {paths: [...]}}]");
        if (FieldChecks.Text(spec, "ingressClassName") is { Value.Length: > 0 } className && !NameRules.IsDns1123Subdomain(className.Value))
            FieldChecks.ErrorAt(ctx, "ingressClassName", ValidationRules.NameInvalid, $"{SchemaWalker.Quote(className.Value)} is not an IngressClass name: it must be a lowercase RFC 1123 subdomain", className);
        if (FieldChecks.Map(spec, "defaultBackend") is { } defaultBackend)
        {
            ctx.Push("defaultBackend");
            CheckBackend(defaultBackend, ctx);
            ctx.Pop();
        }
        if (rules is not null)
        {
            ctx.Push("rules");
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i] is not MappingNode rule) continue;
                ctx.Push(i);
                if (FieldChecks.Text(rule, "host") is { Value.Length: > 0 } host && HostProblem(host.Value) is { } problem)
                    FieldChecks.ErrorAt(ctx, "host", ValidationRules.IngressHost, $"{SchemaWalker.Quote(host.Value)} is not a valid host: {problem}", host);
                if (FieldChecks.Map(rule, "http") is { } http)
                {
                    ctx.Push("http");
                    if (FieldChecks.Require(http, "paths", ctx, "an http rule needs at least one path", "add paths: [{path: /, pathType: Prefix, backend: ...}]"))
                        CheckPaths(FieldChecks.List(http, "paths"), ctx);
                    ctx.Pop();
                }
                ctx.Pop();
            }
            ctx.Pop();
        }
        if (FieldChecks.List(spec, "tls") is { } tls)
        {
            ctx.Push("tls");
            for (var i = 0; i < tls.Count; i++)
            {
                if (FieldChecks.List(tls[i] as MappingNode, "hosts") is not { } hosts) continue;
                ctx.Push(i);
                ctx.Push("hosts");
                for (var h = 0; h < hosts.Count; h++)
                {
                    if (hosts[h] is not StringNode host || HostProblem(host.Value) is not { } problem) continue;
                    ctx.Push(h);
                    ctx.Error(ValidationRules.IngressHost, $"{SchemaWalker.Quote(host.Value)} is not a valid host: {problem}", host.Location);
                    ctx.Pop();
                }
                ctx.Pop();
                ctx.Pop();
            }
            ctx.Pop();
        }
        ctx.Pop();
    }

    private static void CheckPaths(SequenceNode? paths, ValidationContext ctx)
    {
        if (paths is null) return;
        ctx.Push("paths");
        for (var i = 0; i < paths.Count; i++)
        {
            if (paths[i] is not MappingNode path) continue;
            ctx.Push(i);
            var text = FieldChecks.Text(path, "path");
            string? type;
            if (!FieldChecks.IsSet(path, "pathType"))
            {
                ctx.Error(ValidationRules.IngressPath, "pathType must be set", path.Location, "add pathType: Prefix (or Exact, or ImplementationSpecific)");
                type = null;
            }
            else
            {
                type = FieldChecks.Choice(path, "pathType", ValidationRules.IngressPath, PathTypes, ctx, "pathType");
            }
            if (text is not null && type is not null)
            {
                var p = text.Value;
                if (type is "Exact" or "Prefix" or "ImplementationSpecific" && (type != "ImplementationSpecific" || p.Length > 0) && !p.StartsWith('/'))
                    FieldChecks.ErrorAt(ctx, "path", ValidationRules.IngressPath, $"{SchemaWalker.Quote(p)} must be an absolute path (starting with '/')", text, $"use \"/{p}\"");
                else if (type is "Exact" or "Prefix")
                {
                    var bad = BadSequences.FirstOrDefault(b => p.Contains(b, StringComparison.Ordinal));
                    var badEnd = BadSuffixes.FirstOrDefault(b => p.EndsWith(b, StringComparison.Ordinal));
                    if (bad is not null)
                        FieldChecks.ErrorAt(ctx, "path", ValidationRules.IngressPath, $"a {type} path may not contain '{bad}', got {SchemaWalker.Quote(p)}", text);
                    else if (badEnd is not null)
                        FieldChecks.ErrorAt(ctx, "path", ValidationRules.IngressPath, $"a {type} path may not end with '{badEnd}', got {SchemaWalker.Quote(p)}", text);
                }
            }
            else if (text is null && type is "Exact" or "Prefix")
            {
                ctx.Error(ValidationRules.IngressPath, $"a {type} path needs path: starting with '/'", path.Location, "add path: /");
            }
            if (FieldChecks.Map(path, "backend") is { } backend)
            {
                ctx.Push("backend");
                CheckBackend(backend, ctx);
                ctx.Pop();
            }
            else FieldChecks.Require(path, "backend", ctx, "every path needs a backend", "add backend: {service: {name: ..., port: {number: 80}}}");
            ctx.Pop();
        }
        ctx.Pop();
    }

    private static void CheckBackend(MappingNode backend, ValidationContext ctx)
    {
        var service = FieldChecks.Map(backend, "service");
        var hasResource = FieldChecks.IsSet(backend, "resource");
        if (service is not null && hasResource)
        {
            FieldChecks.ErrorAt(ctx, "resource", ValidationRules.IngressBackend, "a backend takes a service or a resource, not both", backend["resource"], "keep one of service and resource");
            return;
        }
        if (service is null && !hasResource)
        {
            ctx.Error(ValidationRules.IngressBackend, "a backend needs a service or a resource", backend.Location, "add service: {name: ..., port: {number: 80}}");
            return;
        }
        if (service is null) return;
        ctx.Push("service");
        if (FieldChecks.Text(service, "name") is { Value.Length: > 0 } name && !NameRules.IsDns1035Label(name.Value))
            FieldChecks.ErrorAt(ctx, "name", ValidationRules.IngressBackend,
                $"{SchemaWalker.Quote(name.Value)} is not a Service name: it must be an RFC 1035 label (lowercase letters, digits and '-', starting with a letter)", name);
        if (FieldChecks.Map(service, "port") is { } port)
        {
            ctx.Push("port");
            var portName = FieldChecks.Text(port, "name");
            var number = FieldChecks.Integer(port, "number");
            if (portName is { Value.Length: > 0 } && number is { Value: not 0 })
                FieldChecks.ErrorAt(ctx, "number", ValidationRules.IngressBackend, "a service port takes a name or a number, not both", number, "keep one of name and number");
            else if (portName is not { Value.Length: > 0 } && number is not { Value: not 0 })
                ctx.Error(ValidationRules.IngressBackend, "a service port needs a name or a number", port.Location, "add number: 80 (or name: http)");
            else if (number is { Value: < 1 or > 65535 })
                FieldChecks.ErrorAt(ctx, "number", ValidationRules.IngressBackend, $"number must be between 1 and 65535, got {number.Text}", number);
            else if (portName is { Value.Length: > 0 } && NameRules.PortNameProblem(portName.Value) is { } problem)
                FieldChecks.ErrorAt(ctx, "name", ValidationRules.IngressBackend, $"{SchemaWalker.Quote(portName.Value)} is not a valid port name: {problem}", portName);
            ctx.Pop();
        }
        else
        {
            FieldChecks.Require(service, "port", ctx, "a service backend needs a port", "add port: {number: 80}");
        }
        ctx.Pop();
    }

    /// <summary>Why an Ingress host is invalid, or <c>null</c>: a DNS subdomain, optionally with a leading <c>*.</c>, and not an IP address.</summary>
    public static string? HostProblem(string host)
    {
        if (Formats.IsIpAddress(host)) return "an Ingress host must be a DNS name, not an IP address";
        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        if (name.Contains('*')) return "a wildcard may only be the whole first label, as in *.example.com";
        if (!NameRules.IsDns1123Subdomain(name))
            return host.Contains(':') ? "a host may not include a port" : "it must be a lowercase RFC 1123 subdomain such as app.example.com";
        return null;
    }

    public static void CheckIngressClass(MappingNode root, ValidationContext ctx)
    {
        if (FieldChecks.Map(root, "spec") is not { } spec) return;
        ctx.Push("spec");
        if (FieldChecks.Text(spec, "controller") is { } controller)
        {
            if (ControllerProblem(controller.Value) is { } problem)
                FieldChecks.ErrorAt(ctx, "controller", ValidationRules.IngressClassController, $"{SchemaWalker.Quote(controller.Value)} is not a controller name: {problem}", controller,
                    "use a domain-prefixed path, e.g. oci.oraclecloud.com/native-ingress-controller or k8s.io/ingress-nginx");
        }
        else
        {
            FieldChecks.Require(spec, "controller", ctx, "an IngressClass names its controller", "add controller: k8s.io/ingress-nginx (or your controller's name)");
        }
        if (FieldChecks.Map(spec, "parameters") is { } parameters)
        {
            ctx.Push("parameters");
            var scope = FieldChecks.Choice(parameters, "scope", ValidationRules.IngressClassController, ParameterScopes, ctx, "scope");
            var hasNamespace = FieldChecks.Text(parameters, "namespace") is { Value.Length: > 0 };
            if (scope == "Namespace" && !hasNamespace)
                FieldChecks.ErrorAt(ctx, "scope", ValidationRules.IngressClassController, "parameters with scope Namespace need a namespace", parameters["scope"], "add namespace: ...");
            else if (scope != "Namespace" && hasNamespace)
                FieldChecks.ErrorAt(ctx, "namespace", ValidationRules.IngressClassController, "namespace may only be set when scope is Namespace", parameters["namespace"],
                    "add scope: Namespace, or remove namespace");
            ctx.Pop();
        }
        ctx.Pop();
    }

    /// <summary>A domain-prefixed path: a DNS subdomain, '/', then a non-empty path; at most 250 characters.</summary>
    public static string? ControllerProblem(string controller)
    {
        if (controller.Length > 250) return "it may be at most 250 characters long";
        var slash = controller.IndexOf('/');
        if (slash <= 0 || slash == controller.Length - 1) return "it must be a domain-prefixed path such as example.com/ingress";
        if (!NameRules.IsDns1123Subdomain(controller.AsSpan(0, slash))) return "the part before '/' must be a lowercase DNS subdomain";
        return null;
    }
}
