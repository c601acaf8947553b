using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Repo;
using OkeGitOps.Manifests.Schemas;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Tests.Repo;

public class RepoRendererTests
{
    private static Tree.MappingNode Namespace(string name) => Map(
        ("apiVersion", String("v1")), ("kind", String("Namespace")), ("metadata", Map(("name", String(name)))));

    [Fact]
    public void Renders_manifests_as_yaml_streams_and_text_files_with_a_final_newline_in_path_order()
    {
        var (files, warnings) = new RepoRenderer().Render(
        [
            RepoFile.Text("z/policy.txt", "Allow any-user to read secret-family in tenancy"),
            RepoFile.Nodes("a/namespaces.yaml", Namespace("one"), Namespace("two")),
        ]);
        Assert.Empty(warnings);
        Assert.Equal(["a/namespaces.yaml", "z/policy.txt"], files.Select(f => f.RelativePath));
        Assert.Equal("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: two\n", files[0].Content);
        Assert.Equal("Allow any-user to read secret-family in tenancy\n", files[1].Content);
    }

    [Fact]
    public void An_invalid_manifest_stops_the_render_naming_file_document_and_path()
    {
        var bad = Namespace("Not_A_Name");
        var e = Assert.Throws<ManifestValidationException>(() => new RepoRenderer().Render([RepoFile.Nodes("ns.yaml", Namespace("ok"), bad)]));
        var d = Assert.Single(e.Diagnostics, d => d.IsError);
        Assert.StartsWith("ns.yaml#1: error: metadata.name: ", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plaintext_secret_stops_the_render()
    {
        var secret = Map(("apiVersion", String("v1")), ("kind", String("Secret")), ("metadata", Map(("name", String("db")), ("namespace", String("app")))),
            ("stringData", Map(("password", String("hunter2")))));
        var e = Assert.Throws<ManifestValidationException>(() => new RepoRenderer().Render([RepoFile.Nodes("secret.yaml", secret)]));
        Assert.Contains(e.Diagnostics, d => d.Rule == "plaintext-secret");
        Assert.DoesNotContain("hunter2", e.Message);
    }

    [Fact]
    public void Duplicates_are_refused_within_a_cluster_and_allowed_across_clusters()
    {
        var e = Assert.Throws<ManifestValidationException>(() => new RepoRenderer().Render(
            [RepoFile.Nodes("a.yaml", Namespace("shared")), RepoFile.Nodes("b.yaml", Namespace("shared"))]));
        Assert.Equal("duplicate-resource", Assert.Single(e.Diagnostics).Rule);

        var (files, _) = new RepoRenderer().Render(
            [RepoFile.Nodes("fra/a.yaml", Namespace("shared")).ForCluster("fra"), RepoFile.Nodes("iad/a.yaml", Namespace("shared")).ForCluster("iad")]);
        Assert.Equal([".okegitops.yaml", "fra/a.yaml", "iad/a.yaml"], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Checks_can_be_turned_off_one_by_one()
    {
        var secret = Map(("apiVersion", String("v1")), ("kind", String("Secret")), ("metadata", Map(("name", String("db")))), ("data", Map(("k", String("dg==")))));
        var checks = new ManifestChecks(SchemaRegistry.Default, new ManifestCheckOptions { PlaintextSecrets = false });
        Assert.Empty(checks.Check(new Tree.ManifestDocument(secret)));
        var allowed = new ManifestChecks(SchemaRegistry.Default, new ManifestCheckOptions { AllowedSecrets = new HashSet<string> { "db" } });
        Assert.Empty(allowed.Check(new Tree.ManifestDocument(secret)));
        Assert.Contains(new ManifestChecks(SchemaRegistry.Default).Check(new Tree.ManifestDocument(secret)), d => d.Rule == "plaintext-secret");
    }
}
