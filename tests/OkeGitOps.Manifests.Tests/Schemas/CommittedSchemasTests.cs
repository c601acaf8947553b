using OkeGitOps.Manifests.Schemas;

namespace OkeGitOps.Manifests.Tests.Schemas;

/// <summary>
/// The committed <c>schemas/</c> folder must be exactly what the importer makes from the shared upstream inputs,
/// using the commands in <c>schemas/README.md</c>.
/// </summary>
public class CommittedSchemasTests
{
    private static IReadOnlyList<ImportedSchema> ImportUpstream(string upstream) =>
    [
        .. CrdImporter.ImportPath(Path.Combine(upstream, "crds", "argo-cd"), "Argo CD v3.5.1", kinds: null),
        .. CrdImporter.ImportPath(
            Path.Combine(upstream, "crds", "external-secrets"),
            "External Secrets Operator v2.9.0",
            ["ExternalSecret", "SecretStore", "ClusterSecretStore", "ClusterExternalSecret", "PushSecret"]),
        .. CrdImporter.ImportPath(
            Path.Combine(upstream, "k8s", "v1.35", "api__v1_openapi.json"),
            "Kubernetes 1.35",
            ["Service", "Namespace", "ServiceAccount", "Secret", "ConfigMap", "ObjectMeta"]),
        .. Kubernetes(upstream, "apps/v1", "Deployment", "StatefulSet", "DaemonSet"),
        .. Kubernetes(upstream, "batch/v1", "Job", "CronJob"),
        .. Kubernetes(upstream, "networking.k8s.io/v1", "Ingress", "IngressClass", "NetworkPolicy"),
        .. Kubernetes(upstream, "policy/v1", "PodDisruptionBudget"),
        .. Kubernetes(upstream, "autoscaling/v2", "HorizontalPodAutoscaler"),
        .. Kubernetes(upstream, "rbac.authorization.k8s.io/v1", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"),
    ];

    private static IReadOnlyList<ImportedSchema> Kubernetes(string upstream, string groupVersion, params string[] kinds)
        => CrdImporter.ImportPath(Path.Combine(upstream, "k8s", "openapi", "1.35", "apis", groupVersion + ".json"), "Kubernetes 1.35", kinds);

    [SkippableFact]
    public void Committed_schemas_are_byte_identical_to_a_fresh_import_from_upstream()
    {
        Skip.If(TestPaths.UpstreamDir is null, "the shared upstream folder (<repo>/../shared/upstream) is not present");

        var expected = ImportUpstream(TestPaths.UpstreamDir!).ToDictionary(s => s.RelativePath, s => s.Json, StringComparer.Ordinal);
        var committed = Directory.EnumerateFiles(TestPaths.SchemasDir, "*.json", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "names.json")
            .ToDictionary(f => Path.GetRelativePath(TestPaths.SchemasDir, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

        Assert.Equal(
            expected.Keys.Order(StringComparer.Ordinal),
            committed.Keys.Order(StringComparer.Ordinal));
        var stale = expected.Where(e => committed[e.Key] != e.Value).Select(e => e.Key).ToList();
        Assert.True(stale.Count == 0, $"out of date (regenerate with the commands in schemas/README.md): {string.Join(", ", stale)}");
    }

    [Fact]
    public void Every_committed_file_reads_back_and_is_embedded()
    {
        var files = Directory.EnumerateFiles(TestPaths.SchemasDir, "*.json", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "names.json").ToList();
        var resources = typeof(SchemaRegistry).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("schemas/", StringComparison.Ordinal)).ToHashSet();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(TestPaths.SchemasDir, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            var schema = SchemaFile.Read(text, relative);
            Assert.Equal(relative, SchemaFile.RelativePath(schema));
            Assert.Equal(text, SchemaFile.Write(schema));
            Assert.Contains("schemas/" + relative, resources);
        }
        Assert.Equal(files.Count, resources.Count);
    }
}
