using OkeGitOps.Manifests.Repo;
using static OkeGitOps.Manifests.Tree.ManifestNode;

/// <summary>The manifests of the hello example, built as trees; <c>RepoCommand.Run</c> validates and writes them.</summary>
public static class HelloManifests
{
    /// <summary>Builds the example's files.</summary>
    public static IReadOnlyList<RepoFile> Build()
    {
        var argocdNamespace = Map(
            ("apiVersion", String("v1")),
            ("kind", String("Namespace")),
            ("metadata", Map(("name", String("argocd")))));

        var argocdServer = Map(
            ("apiVersion", String("v1")),
            ("kind", String("Service")),
            ("metadata", Map(
                ("name", String("argocd-server")),
                ("namespace", String("argocd")),
                ("annotations", Map(
                    ("oci.oraclecloud.com/load-balancer-type", String("lb")),
                    ("service.beta.kubernetes.io/oci-load-balancer-internal", String("true")),
                    ("service.beta.kubernetes.io/oci-load-balancer-shape", String("flexible")),
                    ("service.beta.kubernetes.io/oci-load-balancer-shape-flex-min", String("10")),
                    ("service.beta.kubernetes.io/oci-load-balancer-shape-flex-max", String("100")))))),
            ("spec", Map(
                ("type", String("LoadBalancer")),
                ("selector", Map(("app.kubernetes.io/name", String("argocd-server")))),
                ("ports", List(Map(
                    ("name", String("https")),
                    ("port", Integer(443)),
                    ("targetPort", Integer(8080))))))));

        return
        [
            RepoFile.Nodes("argocd/namespace.yaml", argocdNamespace),
            RepoFile.Nodes("argocd/argocd-server-service.yaml", argocdServer),
        ];
    }
}
