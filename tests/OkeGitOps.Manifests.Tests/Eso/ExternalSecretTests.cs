using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models.Eso;
using OkeGitOps.Manifests.Tests.Snapshots;
using static OkeGitOps.Manifests.Tests.Eso.IntentAssert;

namespace OkeGitOps.Manifests.Tests.Eso;

public class ExternalSecretTests
{
    private static readonly ClusterSecretStore Store = OciVault.ClusterStore("oci-vault-store", VaultOcid, "us-ashburn-1")
        .WithWorkloadIdentity(WorkloadIdentity.For("eso-service-account", "external-secrets", ClusterOcid, CompartmentOcid));

    private static ExternalSecret Db => ExternalSecrets.From("db-credentials", "production-app", Store);

    [Fact]
    public void Data_from_one_vault_secret()
        => Snapshot.Match(Emitted(Db.WithRefreshInterval("1h").WithTarget("app-db-secret").AddData("password", "prod-db-password-secret-name-in-oci-vault")),
            "externalsecret-data");

    [Fact]
    public void Data_with_property_and_version_and_timespan_interval()
        => Snapshot.Match(Emitted(Db.WithRefreshInterval(TimeSpan.FromMinutes(90))
            .AddData("username", "prod-db", property: "username", version: "3")
            .AddData("password", "prod-db", property: "password", version: "3")), "externalsecret-data-property");

    [Fact]
    public void Data_from_extract_and_find()
        => Snapshot.Match(Emitted(Db.WithRefreshInterval("15m")
            .AddDataFromExtract("prod-db-json")
            .AddDataFromFind(nameRegex: "^prod-db-")
            .AddDataFromFind(tags: new Dictionary<string, string> { ["app"] = "payments", ["env"] = "prod" })), "externalsecret-datafrom");

    [Fact]
    public void Target_policies_and_template()
        => Snapshot.Match(Emitted(Db.WithRefreshInterval("1h30m")
            .AddData("password", "prod-db-password")
            .WithTarget("app-db-secret", ExternalSecretSpecTargetCreationPolicy.Owner, ExternalSecretSpecTargetDeletionPolicy.Retain)
            .WithTemplate(
                data: new Dictionary<string, string> { ["password"] = "{{ .password }}", ["url"] = "postgres://app@db:5432/app" },
                labels: new Dictionary<string, string> { ["app.kubernetes.io/name"] = "payments" },
                annotations: new Dictionary<string, string> { ["reloader.stakater.com/match"] = "true" })), "externalsecret-template");

    [Fact]
    public void Namespaced_store_reference_is_kind_SecretStore()
    {
        var store = OciVault.Store("oci-vault", "payments", VaultOcid, "us-ashburn-1").WithInstancePrincipal();
        Snapshot.Match(Emitted(ExternalSecrets.From("api-token", "payments", store).AddData("token", "payments-api-token")), "externalsecret-secretstore");
    }

    [Fact]
    public void The_article_ExternalSecret_corrected_matches_the_seed_correction()
    {
        var es = Db.WithRefreshInterval("1h").WithTarget("app-db-secret").AddData("password", "prod-db-password-secret-name-in-oci-vault");
        var seed = global::OkeGitOps.Manifests.Yaml.YamlReader.ReadFile(Path.Combine(TestPaths.RepoRoot, "tests", "OkeGitOps.Manifests.Tests", "Validation", "Seed", "db-credentials.corrected.yaml")).Single();
        Assert.True(seed.Root.Equals(es.ToNode()), YamlEmitterText(es));
    }

    private static string YamlEmitterText(ExternalSecret es) => global::OkeGitOps.Manifests.Yaml.YamlEmitter.Emit(es.ToNode());

    [Theory]
    [InlineData("1h", "1h")]
    [InlineData("15m", "15m")]
    [InlineData("1h30m", "1h30m")]
    [InlineData("0", "0")]
    [InlineData("90s", "90s")]
    [InlineData("1.5h", "1.5h")]
    public void Refresh_interval_strings_are_kept_as_written(string text, string expected)
        => Assert.Equal(expected, Db.WithRefreshInterval(text).Spec!.RefreshInterval);

    [Theory]
    [InlineData(5400, "1h30m")]
    [InlineData(90, "1m30s")]
    [InlineData(0, "0s")]
    [InlineData(86400, "24h")]
    public void Refresh_interval_timespans_are_written_compactly(int seconds, string expected)
        => Assert.Equal(expected, Db.WithRefreshInterval(TimeSpan.FromSeconds(seconds)).Spec!.RefreshInterval);

    [Theory]
    [InlineData("1d", "go-duration | error: spec.refreshInterval: '1d' is not a duration: 'd' is not a unit; use h, m, s, ms, us or ns (there is no 'd': write 24h) (write a Go duration such as '1h', '15m', '1h30m' or '30s' (units h, m, s, ms, us, ns), or pass a TimeSpan)")]
    [InlineData("60", "go-duration | error: spec.refreshInterval: '60' is not a duration: the number 60 has no unit (h, m, s, ms, us, ns) (write a Go duration such as '1h', '15m', '1h30m' or '30s' (units h, m, s, ms, us, ns), or pass a TimeSpan)")]
    [InlineData("-5m", "go-duration | error: spec.refreshInterval: '-5m' is not a duration: a negative duration makes no sense here (write a Go duration such as '1h', '15m', '1h30m' or '30s' (units h, m, s, ms, us, ns), or pass a TimeSpan)")]
    [InlineData("1 h", "go-duration | error: spec.refreshInterval: '1 h' is not a duration: ' h' is not a unit; use h, m, s, ms, us or ns (there is no 'd': write 24h) (write a Go duration such as '1h', '15m', '1h30m' or '30s' (units h, m, s, ms, us, ns), or pass a TimeSpan)")]
    [InlineData("", "go-duration | error: spec.refreshInterval: '' is not a duration: it is empty (write a Go duration such as '1h', '15m', '1h30m' or '30s' (units h, m, s, ms, us, ns), or pass a TimeSpan)")]
    public void Rule_refresh_interval_is_a_go_duration(string text, string expected)
        => Assert.Equal(expected, Fails(() => Db.WithRefreshInterval(text)));

    [Fact]
    public void Rule_refresh_interval_timespan_is_not_negative()
        => Assert.Equal(
            "go-duration | error: spec.refreshInterval: the refresh interval -00:01:00 is negative (pass a positive TimeSpan, or TimeSpan.Zero to read only once)",
            Fails(() => Db.WithRefreshInterval(TimeSpan.FromMinutes(-1))));

    [Fact]
    public void Rule_remote_key_is_not_empty()
        => Assert.Equal(
            "eso-remote-key | error: spec.data[0].remoteRef.key: the remote key (the secret's name in OCI Vault) is empty (pass the name of the secret as it appears in the vault, e.g. 'prod-db-password')",
            Fails(() => Db.AddData("password", " ")));

    [Fact]
    public void Rule_secret_key_is_a_valid_secret_data_key()
        => Assert.Equal(
            "eso-secret-key | error: spec.data[1].secretKey: 'db password' is not a valid Secret key: a key may hold only letters, digits, '-', '_' and '.' (use letters, digits, '-', '_' and '.', e.g. 'password' or 'db.url')",
            Fails(() => Db.AddData("user", "u").AddData("db password", "p")));

    [Fact]
    public void Rule_find_needs_a_criterion()
        => Assert.Equal(
            "eso-find | error: spec.dataFrom[0].find: a find needs a name pattern or at least one tag, otherwise it would fetch every secret in the compartment (pass nameRegex: (e.g. \"^app-\") or tags:)",
            Fails(() => Db.AddDataFromFind()));

    [Fact]
    public void Rule_find_name_is_a_regular_expression()
    {
        var text = Fails(() => Db.AddDataFromFind(nameRegex: "prod-(db"));
        Assert.StartsWith("eso-find | error: spec.dataFrom[0].find.name.regexp: 'prod-(db' is not a regular expression: ", text);
        Assert.EndsWith("(escape special characters such as '.', '(' and '[' with a backslash)", text);
    }

    [Fact]
    public void Rule_target_policies_agree()
    {
        Assert.Equal(
            "eso-target-policies | error: spec.target.deletionPolicy: deletionPolicy Delete needs a Secret ESO owns, but creationPolicy is Merge (use creationPolicy Owner, or deletionPolicy Retain)",
            Fails(() => Db.WithTarget(creationPolicy: ExternalSecretSpecTargetCreationPolicy.Merge, deletionPolicy: ExternalSecretSpecTargetDeletionPolicy.Delete)));
        Assert.Equal(
            "eso-target-policies | error: spec.target.deletionPolicy: deletionPolicy Merge has no Secret to merge into when creationPolicy is None (use creationPolicy Merge or Owner, or deletionPolicy Retain)",
            Fails(() => Db.WithTarget(creationPolicy: ExternalSecretSpecTargetCreationPolicy.None, deletionPolicy: ExternalSecretSpecTargetDeletionPolicy.Merge)));
    }

    [Fact]
    public void Rule_template_credentials_are_not_literals()
        => Assert.Equal(
            "eso-template-literal-credential | error: spec.target.template.data.password: template data 'password' holds a literal value; a credential written here would sit in Git in plaintext (store the value in OCI Vault, fetch it with AddData(\"password\", \"<vault secret name>\") and write \"{{ .password }}\" here)",
            Fails(() => Db.WithTemplate(data: new Dictionary<string, string> { ["password"] = "hunter2" })));

    [Fact]
    public void Rule_template_label_keys_and_values()
        => Assert.Equal(
            "k8s-name | error: spec.target.template.metadata.labels.team: 'a b' is not a valid label value: a label value may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit",
            Fails(() => Db.WithTemplate(labels: new Dictionary<string, string> { ["team"] = "a b" })));

    [Fact]
    public void Rule_external_secret_needs_data_when_rendered()
        => Assert.Equal(
            "eso-no-data | error: spec: ExternalSecret 'db-credentials' has neither data nor dataFrom, so it fetches nothing (add AddData(secretKey, remoteKey), AddDataFromExtract(remoteKey) or AddDataFromFind(...))",
            Fails(() => EsoManifests.Render(Db)));

    [Fact]
    public void Rule_namespaced_store_is_used_in_its_namespace()
        => Assert.Equal(
            "eso-store-namespace | error: spec.secretStoreRef: SecretStore 'oci-vault' lives in namespace 'payments', so an ExternalSecret in 'billing' cannot use it (put the ExternalSecret in 'payments', add a SecretStore to 'billing', or use a ClusterSecretStore)",
            Fails(() => ExternalSecrets.From("x", "billing", OciVault.Store("oci-vault", "payments", VaultOcid, "us-ashburn-1"))));
}
