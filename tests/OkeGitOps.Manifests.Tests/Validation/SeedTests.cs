using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Validation;

/// <summary>
/// The three manifests of the seed article ("Architecting Enterprise GitOps: Scaling Argo CD on OKE"), rebuilt
/// as printed (only the mangled typography fixed), and their corrected versions, validated against the schemas
/// embedded in the library.
/// </summary>
public class SeedTests
{
    private static string SeedPath(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "OkeGitOps.Manifests.Tests", "Validation", "Seed", name);

    private static string Check(string name)
    {
        var doc = YamlReader.ReadAll(File.ReadAllText(SeedPath(name)), name).Single();
        return TestSchemas.Format(new ManifestValidator(SchemaRegistry.Default).Validate(doc));
    }

    [Fact]
    public void The_articles_Service_passes_schema_validation()
        => TestSchemas.Same("", Check("argocd-server-service.yaml"));

    [Fact]
    public void The_articles_ClusterSecretStore_uses_an_unserved_version_and_an_auth_block_ESO_does_not_have()
        => TestSchemas.Same(
            "version-not-served | oci-vault-store.yaml:1:13: error: apiVersion: external-secrets.io/v1beta1 is not served for ClusterSecretStore (use apiVersion: external-secrets.io/v1)\n" +
            "unknown-field | oci-vault-store.yaml:11:9: error: spec.provider.oracle.auth.workloadIdentity: unknown field \"workloadIdentity\" (OCI Workload Identity is `principalType: Workload` with `serviceAccountRef` (name, namespace) under spec.provider.oracle; drop spec.provider.oracle.auth, which holds API-key credentials (user, tenancy, secretRef) for principalType UserPrincipal)\n" +
            "required | oci-vault-store.yaml:11:9: error: spec.provider.oracle.auth: missing required field \"secretRef\" (spec.provider.oracle.auth is only for principalType UserPrincipal (an API key: user, tenancy, secretRef); for OKE Workload Identity remove auth and set `principalType: Workload` with `serviceAccountRef`)\n" +
            "required | oci-vault-store.yaml:11:9: error: spec.provider.oracle.auth: missing required field \"tenancy\" (spec.provider.oracle.auth is only for principalType UserPrincipal (an API key: user, tenancy, secretRef); for OKE Workload Identity remove auth and set `principalType: Workload` with `serviceAccountRef`)\n" +
            "required | oci-vault-store.yaml:11:9: error: spec.provider.oracle.auth: missing required field \"user\" (spec.provider.oracle.auth is only for principalType UserPrincipal (an API key: user, tenancy, secretRef); for OKE Workload Identity remove auth and set `principalType: Workload` with `serviceAccountRef`)",
            Check("oci-vault-store.yaml"));

    [Fact]
    public void The_articles_ExternalSecret_uses_an_unserved_version()
        => TestSchemas.Same(
            "version-not-served | db-credentials.yaml:1:13: error: apiVersion: external-secrets.io/v1beta1 is not served for ExternalSecret (use apiVersion: external-secrets.io/v1)",
            Check("db-credentials.yaml"));

    [Theory]
    [InlineData("argocd-server-service.corrected.yaml")]
    [InlineData("oci-vault-store.corrected.yaml")]
    [InlineData("db-credentials.corrected.yaml")]
    public void The_corrected_documents_pass(string name) => TestSchemas.Same("", Check(name));
}
