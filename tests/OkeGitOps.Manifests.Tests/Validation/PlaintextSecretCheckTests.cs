using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Validation;

/// <summary>
/// Closes the mutation gaps of issue 14: every exempt Argo CD secret type and every credential field is tested both
/// ways, with the lists written out here (not read from the check), so that dropping one from the check fails a test.
/// </summary>
public class PlaintextSecretCheckTests
{
    private static ManifestDocument Secret(string? argoType, params (string Key, string Value)[] fields)
    {
        var yaml = new System.Text.StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: argocd\n");
        if (argoType is not null) yaml.Append($"  labels:\n    argocd.argoproj.io/secret-type: {argoType}\n");
        yaml.Append("stringData:\n");
        foreach (var (key, value) in fields) yaml.Append($"  {key}: \"{value}\"\n");
        return YamlReader.ReadAll(yaml.ToString(), "s.yaml").Single();
    }

    public static TheoryData<string> ExemptTypes => new() { "cluster", "repository", "repo-creds" };

    public static TheoryData<string> CredentialFields => new()
    {
        "password", "username", "sshPrivateKey", "tlsClientCertData", "tlsClientCertKey", "githubAppPrivateKey",
        "bearerToken", "config", "gcpServiceAccountKey", "token", "bearer_token",
    };

    [Theory]
    [MemberData(nameof(ExemptTypes))]
    public void An_argo_secret_of_an_exempt_type_with_only_url_and_flags_passes(string type)
        => Assert.Null(PlaintextSecretCheck.Check(Secret(type, ("url", "https://git.example.com/repo.git"), ("name", "repo"), ("project", "default"))));

    [Theory]
    [InlineData("not-an-argo-type")]
    [InlineData("Repository")]
    [InlineData("")]
    public void A_secret_with_another_secret_type_label_is_plaintext_even_without_credentials(string type)
    {
        var finding = PlaintextSecretCheck.Check(Secret($"\"{type}\"", ("url", "https://git.example.com/repo.git")));
        Assert.NotNull(finding);
        Assert.Equal("Secret 's' carries values in stringData; base64 is not encryption, so this is plaintext in Git", finding.Message);
    }

    [Fact]
    public void A_secret_without_an_argo_label_is_plaintext()
        => Assert.Equal("plaintext-secret", PlaintextSecretCheck.Check(Secret(null, ("url", "https://x")))?.Rule);

    [Theory]
    [MemberData(nameof(CredentialFields))]
    public void Every_credential_field_in_every_exempt_type_is_refused_naming_the_field(string field)
    {
        foreach (var type in new[] { "cluster", "repository", "repo-creds" })
        {
            var finding = PlaintextSecretCheck.Check(Secret(type, ("url", "https://git.example.com/repo.git"), (field, "value")));
            Assert.NotNull(finding);
            Assert.Equal($"Argo CD {type} secret 's' carries the credential field '{field}' in plaintext", finding.Message);
            Assert.Equal(NodePath.Root.Key("stringData").Key(field), finding.Path);
        }
    }

    [Theory]
    [InlineData("url")]
    [InlineData("type")]
    [InlineData("enableOCI")]
    [InlineData("insecure")]
    [InlineData("server")]
    [InlineData("namespaces")]
    public void Non_credential_fields_of_an_argo_secret_are_not_refused(string field)
        => Assert.Null(PlaintextSecretCheck.Check(Secret("repository", (field, "value"))));
}
