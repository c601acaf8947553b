using OkeGitOps.Manifests.Tests;

namespace OkeGitOps.Manifests.Cli.Tests.Validate;

/// <summary>The seed article's three manifests, as printed, through the real command line.</summary>
public class SeedValidateTests
{
    private static string Seed(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "OkeGitOps.Manifests.Tests", "Validation", "Seed", name);

    private static (int Code, string Out) Validate(params string[] files)
    {
        var stdout = new StringWriter();
        var code = CliRunner.Run(["validate", "--no-reference-check", .. files], new StringReader(""), stdout, new StringWriter());
        // Paths are absolute on this machine; keep only file names so the assertion reads like the output a user sees.
        var text = stdout.ToString().ReplaceLineEndings("\n").Replace(Path.GetDirectoryName(Seed("x"))! + Path.DirectorySeparatorChar, "");
        return (code, text);
    }

    [Fact]
    public void The_articles_service_fails_with_the_keys_the_controller_never_reads()
    {
        var (code, output) = Validate(Seed("argocd-server-service.yaml"));
        Assert.Equal(1, code);
        Assert.Equal(
        [
            "argocd-server-service.yaml:8:5: error: metadata.annotations[\"oci.oraclecloud.com/load-balancer-shape\"]: the OCI cloud-controller-manager does not read \"oci.oraclecloud.com/load-balancer-shape\", so it has no effect (use \"service.beta.kubernetes.io/oci-load-balancer-shape\")",
            "argocd-server-service.yaml:9:5: error: metadata.annotations[\"oci.oraclecloud.com/load-balancer-shape-min-bandwidth\"]: the OCI cloud-controller-manager does not read \"oci.oraclecloud.com/load-balancer-shape-min-bandwidth\", so it has no effect (use \"service.beta.kubernetes.io/oci-load-balancer-shape-flex-min\")",
            "argocd-server-service.yaml:10:5: error: metadata.annotations[\"oci.oraclecloud.com/load-balancer-shape-max-bandwidth\"]: the OCI cloud-controller-manager does not read \"oci.oraclecloud.com/load-balancer-shape-max-bandwidth\", so it has no effect (use \"service.beta.kubernetes.io/oci-load-balancer-shape-flex-max\")",
            "argocd-server-service.yaml:12:5: error: metadata.annotations[\"oci.oraclecloud.com/load-balancer-is-internal\"]: the OCI cloud-controller-manager does not read \"oci.oraclecloud.com/load-balancer-is-internal\", so it has no effect (use \"service.beta.kubernetes.io/oci-load-balancer-internal\")",
        ], output.Split('\n').Where(l => l.Contains(": error: ")));
        Assert.Contains("argocd-server-service.yaml:12:5: warning: metadata.annotations[\"oci.oraclecloud.com/load-balancer-is-internal\"]: this load balancer will be PUBLIC", output);
    }

    [Fact]
    public void The_articles_cluster_secret_store_fails_on_the_unserved_version_and_the_invented_auth_field()
    {
        var (code, output) = Validate(Seed("oci-vault-store.yaml"));
        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("oci-vault-store.yaml:1:13: error: apiVersion: external-secrets.io/v1beta1 is not served for ClusterSecretStore (use apiVersion: external-secrets.io/v1)", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("oci-vault-store.yaml:11:9: error: spec.provider.oracle.auth.workloadIdentity: unknown field \"workloadIdentity\" (OCI Workload Identity is `principalType: Workload` with `serviceAccountRef`", StringComparison.Ordinal));
    }

    [Fact]
    public void The_articles_external_secret_fails_on_the_unserved_version()
    {
        var (code, output) = Validate(Seed("db-credentials.yaml"));
        Assert.Equal(1, code);
        Assert.Equal("db-credentials.yaml:1:13: error: apiVersion: external-secrets.io/v1beta1 is not served for ExternalSecret (use apiVersion: external-secrets.io/v1)\n", output);
    }

    [Fact]
    public void The_corrected_documents_pass()
    {
        var (code, output) = Validate(Seed("argocd-server-service.corrected.yaml"), Seed("oci-vault-store.corrected.yaml"), Seed("db-credentials.corrected.yaml"));
        Assert.Equal("", output);
        Assert.Equal(0, code);
    }
}
