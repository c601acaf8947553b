using NJsonSchema;
using OkeGitOps.Manifests.Repo;
using OkeGitOps.Manifests.Tests.Snapshots;
using OkeGitOps.Manifests.Tests.Validation.CrossCheck;
using OkeGitOps.Manifests.Yaml;
using SeedWalkthrough;

namespace OkeGitOps.Manifests.Tests.Examples;

public class SeedWalkthroughTests
{
    private static readonly Lazy<IReadOnlyList<GeneratedFile>> Rendered = new(() => new RepoRenderer().Render(SeedManifests.Files()).Files);

    public static TheoryData<string> Paths => [.. Rendered.Value.Select(f => f.RelativePath)];

    [Theory]
    [MemberData(nameof(Paths))]
    public void Walkthrough_output_matches_its_snapshot(string relativePath)
    {
        var file = Rendered.Value.Single(f => f.RelativePath == relativePath);
        var extension = relativePath.EndsWith(".txt", StringComparison.Ordinal) ? "txt" : "yaml";
        Snapshot.Match(file.Content, "seed-walkthrough." + Path.ChangeExtension(relativePath, null).Replace('/', '.'), extension);
    }

    [Fact]
    public void Every_walkthrough_snapshot_belongs_to_a_rendered_file_and_every_file_has_one()
    {
        Assert.NotEmpty(Rendered.Value);
        Assert.Equal(Snapshot.VerifiedFiles("seed-walkthrough."),
            Rendered.Value.Select(f => "seed-walkthrough." + Path.ChangeExtension(f.RelativePath, null).Replace('/', '.')
                + (f.RelativePath.EndsWith(".txt", StringComparison.Ordinal) ? ".verified.txt" : ".verified.yaml")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Walkthrough_renders_without_warnings()
        => Assert.Empty(new RepoRenderer().Render(SeedManifests.Files()).Warnings);

    [Fact]
    public void The_store_service_account_and_policy_name_the_same_identity()
    {
        var files = Rendered.Value.ToDictionary(f => f.RelativePath, f => f.Content);
        Assert.Contains("name: eso-service-account\n  namespace: external-secrets", files["external-secrets/eso-service-account.yaml"]);
        Assert.Contains("serviceAccountRef:\n        name: eso-service-account\n        namespace: external-secrets", files["external-secrets/oci-vault-store.yaml"]);
        Assert.Contains("request.principal.namespace = 'external-secrets', request.principal.service_account = 'eso-service-account'",
            files["oci-iam/eso-workload-identity-policy.txt"]);
    }

    private static readonly Dictionary<string, Func<UpstreamKind>> Originals = new()
    {
        ["Service"] = () => UpstreamSchemas.Core("Service"),
        ["ServiceAccount"] = () => UpstreamSchemas.Core("ServiceAccount"),
        ["ClusterSecretStore"] = () => UpstreamSchemas.CrdStorage("crds/external-secrets/external-secrets.io_clustersecretstores.yaml"),
        ["ExternalSecret"] = () => UpstreamSchemas.CrdStorage("crds/external-secrets/external-secrets.io_externalsecrets.yaml"),
        ["Application"] = () => UpstreamSchemas.CrdStorage("crds/argo-cd/application-crd.yaml"),
    };

    [SkippableFact]
    [Trait("Category", "CrossCheck")]
    public void Every_walkthrough_manifest_passes_the_original_upstream_schema()
    {
        Skip.If(UpstreamSchemas.Dir is null, UpstreamSchemas.NoUpstreamReason);
        var checkedKinds = new List<string>();
        foreach (var file in Rendered.Value.Where(f => f.RelativePath.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            foreach (var document in YamlReader.ReadAll(file.Content, file.RelativePath))
            {
                var original = Originals[document.Kind!]();
                Assert.Equal(original.ApiVersion, document.ApiVersion);
                var oracle = JsonSchema.FromJsonAsync(UpstreamSchemas.ToStrictJsonSchema(original.Original)).GetAwaiter().GetResult();
                var errors = oracle.Validate(TreeJson.ToJson(document.Root));
                Assert.True(errors.Count == 0, $"{file.RelativePath}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}");
                checkedKinds.Add(document.Kind!);
            }
        }
        Assert.Equal(["Application", "ClusterSecretStore", "ExternalSecret", "Service", "ServiceAccount"], checkedKinds.Order());
    }
}
