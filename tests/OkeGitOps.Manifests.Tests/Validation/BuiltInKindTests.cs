using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Validation;

/// <summary>
/// Manifests of the built-in kinds a GitOps repository on OKE holds, written the way charts render them
/// (<c>Validation/BuiltInKinds/*.yaml</c>): each passes on every supported Kubernetes version, and a copy with one
/// typical mistake fails with the right rule at the right path.
/// </summary>
public class BuiltInKindTests
{
    private static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "OkeGitOps.Manifests.Tests", "Validation", "BuiltInKinds");

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in SchemaRegistry.Default.KubernetesVersions)
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file), version);
        }
        return data;
    }

    [Fact]
    public void The_manifests_cover_every_kind_with_a_typed_model()
    {
        var kinds = Directory.EnumerateFiles(Folder, "*.yaml")
            .SelectMany(f => YamlReader.ReadAll(File.ReadAllText(f), f))
            .Select(d => $"{((OkeGitOps.Manifests.Tree.MappingNode)d.Root).GetString("apiVersion")} {((OkeGitOps.Manifests.Tree.MappingNode)d.Root).GetString("kind")}")
            .ToHashSet();
        Assert.Subset(kinds, new HashSet<string>
        {
            "apps/v1 Deployment", "apps/v1 StatefulSet", "apps/v1 DaemonSet", "batch/v1 Job", "batch/v1 CronJob",
            "networking.k8s.io/v1 Ingress", "networking.k8s.io/v1 IngressClass", "networking.k8s.io/v1 NetworkPolicy",
            "policy/v1 PodDisruptionBudget", "autoscaling/v2 HorizontalPodAutoscaler", "rbac.authorization.k8s.io/v1 Role",
            "rbac.authorization.k8s.io/v1 ClusterRole", "rbac.authorization.k8s.io/v1 RoleBinding", "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
        });
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_document_passes_on_every_supported_version(string file, string version)
    {
        var validator = new ManifestValidator(SchemaRegistry.Default, new ValidatorOptions { KubernetesVersion = version });
        var documents = YamlReader.ReadAll(File.ReadAllText(Path.Combine(Folder, file)), file);
        Assert.NotEmpty(documents);
        foreach (var document in documents) TestSchemas.Same("", TestSchemas.Format(validator.Validate(document)));
    }

    /// <summary>File, document index, text to replace (its first occurrence), replacement, expected "rule | path".</summary>
    public static TheoryData<string, int, string, string, string> Mistakes() => new()
    {
        { "web-deployment.yaml", 0, "containerPort: 8080", "containerPort: \"8080\"", "type | spec.template.spec.containers[0].ports[0].containerPort" },
        { "web-deployment.yaml", 0, "imagePullPolicy:", "imagePullpolicy:", "unknown-field | spec.template.spec.containers[0].imagePullpolicy" },
        { "database-statefulset.yaml", 0, "serviceName:", "servicename:", "unknown-field | spec.servicename" },
        { "database-statefulset.yaml", 0, "storage: 50Gi", "storage: [50Gi]", "type | spec.volumeClaimTemplates[0].spec.resources.requests.storage" },
        { "daemonset.yaml", 0, "readOnly: true", "readOnly: \"yes\"", "type | spec.template.spec.containers[0].volumeMounts[0].readOnly" },
        { "ingress.yaml", 0, "controller:", "controler:", "unknown-field | spec.controler" },
        { "ingress.yaml", 1, "number: 8443", "number: https", "type | spec.rules[0].http.paths[1].backend.service.port.number" },
        { "cronjob.yaml", 0, "backoffLimit: 2", "backoffLimit: two", "type | spec.jobTemplate.spec.backoffLimit" },
        { "cronjob.yaml", 1, "- name: migrate\n        image:", "- image:", "required | spec.template.spec.containers[0]" },
        { "autoscaling.yaml", 0, "  maxReplicas: 20\n", "", "required | spec" },
        { "autoscaling.yaml", 1, "minAvailable: 2", "minAvailable: [2]", "type | spec.minAvailable" },
        { "networkpolicy.yaml", 1, "port: 5432", "port: true", "type | spec.egress[0].ports[0].port" },
        { "rbac.yaml", 0, "  verbs: [\"create\", \"patch\"]\n", "", "required | rules[1]" },
        { "rbac.yaml", 1, "  kind: Role\n", "", "required | roleRef" },
        { "rbac.yaml", 3, "clusterRoleSelectors:", "clusterRoleSelector:", "unknown-field | aggregationRule.clusterRoleSelector" },
        { "rbac.yaml", 4, "- kind: Group", "- kind: 7", "type | subjects[1].kind" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_copy_with_one_mistake_fails_at_its_path(string file, int index, string find, string replace, string expected)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in {file}");
        var mutated = text[..at] + replace + text[(at + find.Length)..];

        var found = new ManifestValidator(SchemaRegistry.Default).Validate(YamlReader.ReadAll(mutated, file)[index]);

        Assert.Contains(expected, found.Where(d => d.IsError).Select(d => $"{d.Rule} | {d.Path}"));
    }
}
