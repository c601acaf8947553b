using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Tests.Snapshots;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tests.Eso.IntentAssert;

namespace OkeGitOps.Manifests.Tests.Eso;

public class EsoApiVersionTests
{
    private static readonly Models.Eso.ClusterSecretStore Store = OciVault.ClusterStore("oci-vault", VaultOcid, "us-ashburn-1").WithInstancePrincipal();

    [Fact]
    public void V1_is_the_default_and_has_no_diagnostics()
    {
        var r = EsoManifests.Render(Store);
        Assert.Equal("external-secrets.io/v1", r.Document.ApiVersion);
        Assert.Empty(r.Diagnostics);
        Assert.Empty(Validator.Validate(r.Document));
    }

    [Fact]
    public void V1beta1_only_on_request_and_with_a_warning()
    {
        var es = ExternalSecrets.From("db", "app", Store).AddData("password", "db-password");
        var r = EsoManifests.Render(es, EsoApiVersion.V1beta1Unserved);
        Assert.Equal("external-secrets.io/v1beta1", r.Document.ApiVersion);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(
            "eso-api-version-unserved | warning: apiVersion: external-secrets.io/v1beta1 is no longer served: ESO stopped serving v1beta1 in 0.17, so a current ESO rejects this ExternalSecret (write external-secrets.io/v1 (EsoApiVersion.V1, the default) unless the cluster still runs ESO older than 0.17)",
            $"{d.Rule} | {d}");
        Snapshot.Match(YamlEmitter.Emit(r.Node), "externalsecret-v1beta1");
    }

    [Fact]
    public void Render_refuses_non_eso_models()
        => Assert.Throws<ArgumentException>(() => EsoManifests.Render(WorkloadIdentity.For("eso", "external-secrets", ClusterOcid, CompartmentOcid).ServiceAccount()));
}
