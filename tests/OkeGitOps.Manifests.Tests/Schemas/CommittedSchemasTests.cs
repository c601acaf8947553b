using OkeGitOps.Manifests.Schemas;

namespace OkeGitOps.Manifests.Tests.Schemas;

/// <summary>
/// The committed <c>schemas/</c> folder must be exactly what the importer makes from the shared upstream inputs,
/// using the commands in <c>schemas/README.md</c>.
/// </summary>
public class CommittedSchemasTests
{
    private static IReadOnlyList<ImportedSchema> ImportUpstream(string upstream, KubernetesImport kubernetes) =>
    [
        .. CrdImporter.ImportPath(Path.Combine(upstream, "crds", "argo-cd"), "Argo CD v3.5.1", kinds: null),
        .. CrdImporter.ImportPath(
            Path.Combine(upstream, "crds", "external-secrets"),
            "External Secrets Operator v2.9.0",
            ["ExternalSecret", "SecretStore", "ClusterSecretStore", "ClusterExternalSecret", "PushSecret"]),
        .. CrdImporter.ImportPath(
            Path.Combine(upstream, "k8s", "v1.35", "api__v1_openapi.json"),
            "Kubernetes 1.35",
            ["ObjectMeta"]),
        .. CrdImporter.ImportPath(Path.Combine(upstream, "crds", "oci-native-ingress"), "OCI Native Ingress Controller v1.4.3", kinds: null),
        .. kubernetes.Schemas,
    ];

    [SkippableFact]
    public void Committed_schemas_are_byte_identical_to_a_fresh_import_from_upstream()
    {
        Skip.If(TestPaths.UpstreamDir is null, "the shared upstream folder (<repo>/../shared/upstream) is not present");

        var kubernetes = CrdImporter.ImportKubernetes(Path.Combine(TestPaths.UpstreamDir!, "k8s", "openapi"));
        var expected = ImportUpstream(TestPaths.UpstreamDir!, kubernetes).ToDictionary(s => s.RelativePath, s => s.Json, StringComparer.Ordinal);
        expected.Add(kubernetes.IndexPath, kubernetes.IndexJson);
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
            Assert.Contains("schemas/" + relative, resources);
            if (relative == "kubernetes/index.json") continue;
            var text = File.ReadAllText(file);
            var schema = SchemaFile.Read(text, relative);
            // Older Kubernetes shapes live under kubernetes/<version>/, then the usual path.
            Assert.EndsWith(SchemaFile.RelativePath(schema), relative, StringComparison.Ordinal);
            Assert.Equal(text, SchemaFile.Write(schema));
            Assert.Contains("schemas/" + relative, resources);
        }
        Assert.Equal(files.Count, resources.Count);
    }
}
