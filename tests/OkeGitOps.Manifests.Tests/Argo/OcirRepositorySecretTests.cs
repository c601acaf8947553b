using OkeGitOps.Manifests.Intent.Argo;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Tests.Snapshots;
using OkeGitOps.Manifests.Validation;
using static OkeGitOps.Manifests.Tests.Eso.IntentAssert;

namespace OkeGitOps.Manifests.Tests.Argo;

public class OcirRepositorySecretTests
{
    private static readonly Models.Eso.ClusterSecretStore Store = OciVault.ClusterStore("oci-vault", VaultOcid, "us-ashburn-1")
        .WithWorkloadIdentity(WorkloadIdentity.For("external-secrets", "external-secrets", ClusterOcid, CompartmentOcid));

    [Fact]
    public void Helm_repository_secret_from_the_vault()
        => Snapshot.Match(Emitted(OcirRepositorySecret.ExternalSecret("ocir-charts", Store, "us-ashburn-1", "axaxnpcrorw5", "charts",
            usernameRemoteKey: "ocir-username", passwordRemoteKey: "ocir-auth-token")), "ocir-repository-helm");

    [Fact]
    public void Oci_repository_secret_from_the_vault()
        => Snapshot.Match(Emitted(OcirRepositorySecret.ExternalSecret("ocir-payments", Store, "eu-frankfurt-1", "axaxnpcrorw5", "charts/payments",
            "ocir-username", "ocir-auth-token", OcirRepositoryType.Oci)), "ocir-repository-oci");

    [Fact]
    public void The_repository_secret_url_matches_the_application_repo_url()
    {
        var es = OcirRepositorySecret.ExternalSecret("ocir-charts", Store, "us-ashburn-1", "axaxnpcrorw5", "charts", "u", "p");
        var source = ArgoSources.OcirHelm("us-ashburn-1", "axaxnpcrorw5", "charts", "payments", "1.0.0");
        Assert.Equal(source.RepoURL, es.Spec!.Target!.Template!.Data!["url"]);
        Assert.Equal("true", es.Spec.Target.Template.Data["enableOCI"]);
        Assert.Equal("repository", es.Spec.Target.Template.Metadata!.Labels!["argocd.argoproj.io/secret-type"]);
    }

    [Fact]
    public void The_secret_ESO_would_write_passes_the_plaintext_check_shape()
    {
        // Rendering the template's non-credential fields as a Secret (what Git may hold) passes; credentials never appear.
        var es = OcirRepositorySecret.ExternalSecret("ocir-charts", Store, "us-ashburn-1", "axaxnpcrorw5", "charts", "u", "p");
        Assert.Equal("{{ .password }}", es.Spec!.Target!.Template!.Data!["password"]);
        Assert.Contains("password", PlaintextSecretCheck.CredentialFields);
    }
}
