using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Oci;

internal static class OciIngressTestSupport
{
    public const string Certificate = "ocid1.certificate.oc1.iad.amaaaaaaq3bp5xyzcertificate4argocdinternal";
    public const string Waf = "ocid1.webappfirewallpolicy.oc1.iad.amaaaaaaq3bp5xyzwafpolicy4argocdinternal";
    public const string Cluster = "ocid1.cluster.oc1.iad.aaaaaaaaq3bp5xyzclusterforargocdcontrolplane";

    private static string Indent(string text, string by) => string.Join("\n", text.Split('\n').Select(l => by + l));

    /// <summary>An Ingress (apps/web) of class <c>oci</c> with the annotation lines, routing host web.example.com to Service web:80.</summary>
    public static string Ingress(string annotations, string name = "web", string service = "web", int port = 80, string extraSpec = "")
        => $"apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: {name}\n  namespace: apps\n" +
           (annotations.Length == 0 ? "" : "  annotations:\n" + Indent(annotations, "    ") + "\n") +
           "spec:\n  ingressClassName: oci\n" + (extraSpec.Length == 0 ? "" : Indent(extraSpec, "  ") + "\n") +
           $"  rules:\n  - host: web.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: {service}\n            port:\n              number: {port}\n";

    /// <summary>An IngressClass <c>oci</c> of the native controller with the annotation lines and the given spec.parameters lines.</summary>
    public static string IngressClass(string annotations, string? parameters = "apiGroup: ingress.oraclecloud.com\nkind: IngressClassParameters\nname: oci\nscope: Namespace\nnamespace: ingress")
        => "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: oci\n" +
           (annotations.Length == 0 ? "" : "  annotations:\n" + Indent(annotations, "    ") + "\n") +
           "spec:\n  controller: oci.oraclecloud.com/native-ingress-controller\n" +
           (parameters is null ? "" : "  parameters:\n" + Indent(parameters, "    ") + "\n");

    /// <summary>IngressClassParameters ingress/oci with the given spec lines.</summary>
    public static string Parameters(string spec)
        => "apiVersion: ingress.oraclecloud.com/v1beta1\nkind: IngressClassParameters\nmetadata:\n  name: oci\n  namespace: ingress\nspec:\n" + Indent(spec, "  ") + "\n";

    public static IReadOnlyList<Diagnostic> LintDiagnostics(string yaml) => OciIngressLint.Check(YamlReader.ReadAll(yaml, "ing.yaml").Single());

    public static string LintIngress(string yaml) => OciTestSupport.Format(LintDiagnostics(yaml));

    /// <summary>Runs the cross-Ingress checks over a stream of documents.</summary>
    public static string Across(string yaml)
    {
        var facts = YamlReader.ReadAll(yaml, "all.yaml").Select(OciIngressFacts.From).OfType<OciIngressFacts>();
        return OciTestSupport.Format(OciIngressLint.CheckAcross(facts).Select(f => f.Diagnostic));
    }

    /// <summary>A plain Ingress to route: host web.example.com, path /, Service web on the given port.</summary>
    public static Models.Networking.Ingress PlainIngress(string name = "web", string service = "web", int port = 80, string ns = "apps")
        => Networking.Ingress(name, ns).WithSpec(s => s with
        {
            Rules =
            [
                new()
                {
                    Host = "web.example.com",
                    Http = new() { Paths = [new() { Path = "/", PathType = "Prefix", Backend = new() { Service = new() { Name = service, Port = new() { Number = port } } } }] },
                },
            ],
        });

    public static ManifestDocument Doc(Models.IManifestModel model) => new(model.ToNode());
}
