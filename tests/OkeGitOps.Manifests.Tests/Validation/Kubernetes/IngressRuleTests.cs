using static OkeGitOps.Manifests.Tests.Validation.Kubernetes.BuiltInKinds;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation.Kubernetes;

public class IngressRuleTests
{
    private static string Ingress(string spec) => $"apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n{Indent(spec, 2)}\n";

    private static string Path(string path) => Ingress($"rules:\n  - host: app.example.com\n    http:\n      paths:\n        - {path}");

    [Fact]
    public void A_typical_ingress_passes()
        => Same("", Findings(Ingress("""
            ingressClassName: native-ic-ingress-class
            tls: [{hosts: [app.example.com, "*.example.com"], secretName: web-tls}]
            rules:
              - host: app.example.com
                http:
                  paths:
                    - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                    - {path: /api, pathType: Exact, backend: {service: {name: api, port: {name: http}}}}
                    - {pathType: ImplementationSpecific, backend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}}}
            """)));

    [Theory]
    [InlineData("Exact")]
    [InlineData("Prefix")]
    public void Exact_and_Prefix_paths_are_absolute(string type)
        => Same($"ingress-path | test.yaml:10:20: error: spec.rules[0].http.paths[0].path: \"api\" must be an absolute path (starting with '/') (use \"/api\")",
            Findings(Path($"{{path: api, pathType: {type}, backend: {{service: {{name: web, port: {{number: 80}}}}}}}}")));

    [Fact]
    public void A_path_needs_a_pathType()
        => Same("ingress-path | test.yaml:10:13: error: spec.rules[0].http.paths[0]: pathType must be set (add pathType: Prefix (or Exact, or ImplementationSpecific))", Findings(Path("{path: /, backend: {service: {name: web, port: {number: 80}}}}")));

    [Fact]
    public void A_pathType_is_one_of_three()
        => Same("ingress-path | test.yaml:10:33: error: spec.rules[0].http.paths[0].pathType: unsupported value \"prefix\" for pathType: must be one of \"Exact\", \"Prefix\", \"ImplementationSpecific\" (did you mean \"Prefix\"?)", Findings(Path("{path: /, pathType: prefix, backend: {service: {name: web, port: {number: 80}}}}")));

    [Fact]
    public void Exact_and_Prefix_paths_hold_no_dot_segments_or_encoded_slashes()
        => Same("ingress-path | test.yaml:10:20: error: spec.rules[0].http.paths[0].path: a Prefix path may not contain '/../', got \"/a/../b\"", Findings(Path("{path: /a/../b, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}")));

    [Fact]
    public void A_backend_has_a_service_or_a_resource_not_both()
    {
        Same("ingress-backend | test.yaml:10:103: error: spec.rules[0].http.paths[0].backend.resource: a backend takes a service or a resource, not both (keep one of service and resource)", Findings(Path("{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}, resource: {kind: B, name: b}}}")));
        Same("ingress-backend | test.yaml:10:50: error: spec.rules[0].http.paths[0].backend: a backend needs a service or a resource (add service: {name: ..., port: {number: 80}})", Findings(Path("{path: /, pathType: Prefix, backend: {}}")));
    }

    [Fact]
    public void A_service_port_has_a_name_or_a_number_not_both()
    {
        Same("ingress-backend | test.yaml:10:99: error: spec.rules[0].http.paths[0].backend.service.port.number: a service port takes a name or a number, not both (keep one of name and number)", Findings(Path("{path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http, number: 80}}}}")));
        Same("ingress-backend | test.yaml:10:78: error: spec.rules[0].http.paths[0].backend.service.port: a service port needs a name or a number (add number: 80 (or name: http))", Findings(Path("{path: /, pathType: Prefix, backend: {service: {name: web, port: {}}}}")));
        Same("ingress-backend | test.yaml:10:87: error: spec.rules[0].http.paths[0].backend.service.port.number: number must be between 1 and 65535, got 70000", Findings(Path("{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 0}}}}").Replace("number: 0", "number: 70000")));
    }

    [Fact]
    public void Hosts_are_DNS_names_with_at_most_a_leading_wildcard()
        => Same("ingress-host | test.yaml:8:13: error: spec.rules[0].host: \"10.0.0.1\" is not a valid host: an Ingress host must be a DNS name, not an IP address\ningress-host | test.yaml:9:13: error: spec.rules[1].host: \"App.example.com:443\" is not a valid host: a host may not include a port\ningress-host | test.yaml:6:18: error: spec.tls[0].hosts[0]: \"app.*.example.com\" is not a valid host: a wildcard may only be the whole first label, as in *.example.com", Findings(Ingress("tls: [{hosts: [\"app.*.example.com\"]}]\nrules:\n  - host: 10.0.0.1\n  - host: App.example.com:443")));

    [Fact]
    public void An_ingress_needs_rules_or_a_default_backend()
        => Same("ingress-backend | test.yaml:6:3: error: spec: an Ingress needs rules or a defaultBackend (add rules: [{host: ..., http: {paths: [...]}}])", Findings(Ingress("ingressClassName: nginx")));

    [Fact]
    public void An_ingress_class_controller_is_a_domain_prefixed_path()
    {
        Same("", Findings("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: oci}\nspec:\n  controller: oci.oraclecloud.com/native-ingress-controller\n"));
        Same("ingress-class-controller | test.yaml:5:15: error: spec.controller: \"nginx\" is not a controller name: it must be a domain-prefixed path such as example.com/ingress (use a domain-prefixed path, e.g. oci.oraclecloud.com/native-ingress-controller or k8s.io/ingress-nginx)\ningress-class-controller | test.yaml:6:41: error: spec.parameters.scope: parameters with scope Namespace need a namespace (add namespace: ...)", Findings("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec:\n  controller: nginx\n  parameters: {kind: P, name: p, scope: Namespace}\n"));
    }
}
