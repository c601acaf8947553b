using OkeGitOps.Manifests.Intent.Argo;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Tests.Snapshots;
using OkeGitOps.Manifests.Tree;
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
    public void The_secret_ESO_would_write_passes_the_plaintext_check_only_without_its_credentials()
    {
        // The Secret ESO renders from the template: its labels, and its fields. Git may hold the non-credential
        // fields (url, type, enableOCI, ...); with the credential fields filled in, the plaintext check must refuse it.
        var es = OcirRepositorySecret.ExternalSecret("ocir-charts", Store, "us-ashburn-1", "axaxnpcrorw5", "charts", "u", "p");
        var template = es.Spec!.Target!.Template!;
        Assert.Equal("{{ .password }}", template.Data!["password"]);
        var labels = template.Metadata!.Labels!;

        ManifestDocument Secret(IEnumerable<KeyValuePair<string, string>> fields)
        {
            var yaml = new System.Text.StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ocir-charts\n  labels:\n");
            foreach (var (key, value) in labels) yaml.Append($"    {key}: \"{value}\"\n");
            yaml.Append("stringData:\n");
            foreach (var (key, value) in fields) yaml.Append($"  {key}: \"{value}\"\n");
            return OkeGitOps.Manifests.Yaml.YamlReader.ReadAll(yaml.ToString(), "secret.yaml").Single();
        }

        var withoutCredentials = template.Data.Where(p => p.Key is not ("username" or "password")).ToList();
        Assert.NotEmpty(withoutCredentials);
        Assert.Null(PlaintextSecretCheck.Check(Secret(withoutCredentials)));
        var refused = PlaintextSecretCheck.Check(Secret(template.Data));
        Assert.NotNull(refused);
        Assert.Matches("^Argo CD repository secret 'ocir-charts' carries the credential field '(username|password)' in plaintext$", refused.Message);
    }
}
