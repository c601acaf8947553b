using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tests.Oci.OciTestSupport;

namespace OkeGitOps.Manifests.Tests.Oci;

/// <summary>The Service of the seed article, as printed (curly quotes and dashes straightened), through the lint.</summary>
public class OciSeedTests
{
    private static string SeedPath => Path.Combine(TestPaths.RepoRoot, "tests", "OkeGitOps.Manifests.Tests", "Validation", "Seed", "argocd-server-service.yaml");

    [Fact]
    public void The_articles_Service_uses_keys_the_CCM_never_reads_and_gets_a_public_load_balancer()
    {
        var doc = YamlReader.ReadAll(File.ReadAllText(SeedPath), "service.yaml").Single();
        Same(
            "oci-unknown-annotation | service.yaml:8:5: error: metadata.annotations[\"oci.oraclecloud.com/load-balancer-shape\"]: the OCI cloud-controller-manager does not read \"oci.oraclecloud.com/load-balancer-shape\", so it has no effect (use \"service.beta.kubernetes.io/oci-load-balancer-shape\")\n" +
            "oci-unknown-annotation | service.yaml:9:5: error: metadata.annotations[\"oci.oraclecloud.com/load-balancer-shape-min-bandwidth\"]: the OCI cloud-controller-manager does not read \"oci.oraclecloud.com/load-balancer-shape-min-bandwidth\", so it has no effect (use \"service.beta.kubernetes.io/oci-load-balancer-shape-flex-min\")\n" +
            "oci-unknown-annotation | service.yaml:10:5: error: metadata.annotations[\"oci.oraclecloud.com/load-balancer-shape-max-bandwidth\"]: the OCI cloud-controller-manager does not read \"oci.oraclecloud.com/load-balancer-shape-max-bandwidth\", so it has no effect (use \"service.beta.kubernetes.io/oci-load-balancer-shape-flex-max\")\n" +
            "oci-unknown-annotation | service.yaml:12:5: error: metadata.annotations[\"oci.oraclecloud.com/load-balancer-is-internal\"]: the OCI cloud-controller-manager does not read \"oci.oraclecloud.com/load-balancer-is-internal\", so it has no effect (use \"service.beta.kubernetes.io/oci-load-balancer-internal\")\n" +
            "oci-internal-made-public | service.yaml:12:5: warning: metadata.annotations[\"oci.oraclecloud.com/load-balancer-is-internal\"]: this load balancer will be PUBLIC: \"oci.oraclecloud.com/load-balancer-is-internal\" asks for an internal one, but for an OCI Load Balancer (lb) the CCM reads only \"service.beta.kubernetes.io/oci-load-balancer-internal\" (set service.beta.kubernetes.io/oci-load-balancer-internal: \"true\"; it cannot be changed once the load balancer exists)",
            Format(OciServiceLint.Check(doc)));
    }
}
