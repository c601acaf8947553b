using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation;

/// <summary>
/// <see cref="ValidatorOptions.KubernetesVersion"/>: which built-in apiVersions a Kubernetes version serves, removed,
/// deprecates or does not serve yet, and which shape of a kind it checks.
/// </summary>
public class KubernetesVersionTests
{
    private const string Meta = "metadata:\n  name: x\n  namespace: apps\n";

    private static string Check(string yaml, string? version = null)
        => Format(new ManifestValidator(SchemaRegistry.Default, new ValidatorOptions { KubernetesVersion = version })
            .Validate(YamlReader.ReadAll(yaml, "m.yaml")[0]));

    private const string Hpa = """
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
          namespace: apps
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: web
          minReplicas: 2
          maxReplicas: 10
        """;

    [Fact]
    public void The_supported_versions_are_1_33_to_1_35()
        => Assert.Equal(["1.33", "1.34", "1.35"], SchemaRegistry.Default.KubernetesVersions);

    [Fact]
    public void An_apiVersion_removed_before_the_supported_versions_names_the_removing_version_and_the_replacement()
        => Same(
            "version-not-served | m.yaml:1:13: error: apiVersion: autoscaling/v2beta2 HorizontalPodAutoscaler is not served by Kubernetes 1.35: it was removed in Kubernetes 1.26 (use apiVersion: autoscaling/v2)",
            Check("apiVersion: autoscaling/v2beta2\n" + Hpa));

    [Fact]
    public void The_replacement_of_a_removed_apiVersion_passes()
        => Assert.Empty(Check("apiVersion: autoscaling/v2\n" + Hpa));

    [Fact]
    public void A_removed_ingress_is_checked_against_its_replacement_so_every_change_shows_at_once()
        => Same(
            "version-not-served | m.yaml:1:13: error: apiVersion: extensions/v1beta1 Ingress is not served by Kubernetes 1.33: it was removed in Kubernetes 1.22 (use apiVersion: networking.k8s.io/v1)\n" +
            "unknown-field | m.yaml:7:3: error: spec.backend: unknown field \"backend\" (known fields here: defaultBackend, ingressClassName, rules, tls)",
            Check("apiVersion: extensions/v1beta1\nkind: Ingress\n" + Meta + "spec:\n  backend:\n    serviceName: web\n    servicePort: 80\n", "1.33"));

    [Fact]
    public void An_apiVersion_removed_between_supported_versions_is_served_by_the_older_one_only()
    {
        const string yaml = "apiVersion: storagemigration.k8s.io/v1alpha1\nkind: StorageVersionMigration\nmetadata:\n  name: m\nspec:\n  resource:\n    group: apps\n    resource: deployments\n    version: v1\n";
        Assert.Empty(Check(yaml, "1.34"));
        Same(
            "version-not-served | m.yaml:1:13: error: apiVersion: storagemigration.k8s.io/v1alpha1 StorageVersionMigration is not served by Kubernetes 1.35: it was removed in Kubernetes 1.35 (use apiVersion: storagemigration.k8s.io/v1beta1)",
            Check(yaml, "1.35").Split('\n')[0]);
    }

    [Fact]
    public void A_served_apiVersion_with_a_more_stable_version_beside_it_is_a_deprecation_warning()
    {
        var found = new ManifestValidator(SchemaRegistry.Default).Validate(YamlReader.ReadAll(
            "apiVersion: networking.k8s.io/v1beta1\nkind: IPAddress\nmetadata:\n  name: 10.96.0.20\nspec:\n  parentRef:\n    group: \"\"\n    resource: services\n    name: web\n    namespace: apps\n", "m.yaml")[0]);
        var d = Assert.Single(found);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Same(
            "version-deprecated | m.yaml:1:13: warning: apiVersion: networking.k8s.io/v1beta1 IPAddress is deprecated in Kubernetes 1.35 (use apiVersion: networking.k8s.io/v1)",
            Format(found));
    }

    [Fact]
    public void A_deprecated_core_kind_warns_with_what_to_use_instead()
        => Same(
            "version-deprecated | m.yaml:1:13: warning: apiVersion: v1 Endpoints is deprecated in Kubernetes 1.34 (since 1.33) (use discovery.k8s.io/v1 EndpointSlice)",
            Check("apiVersion: v1\nkind: Endpoints\n" + Meta, "1.34"));

    [Fact]
    public void An_apiVersion_only_a_newer_version_serves_names_the_first_version_that_serves_it()
    {
        const string yaml = "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: gpu.example.com\nspec: {}\n";
        Same(
            "version-not-yet-served | m.yaml:1:13: error: apiVersion: resource.k8s.io/v1 DeviceClass is not served by Kubernetes 1.33; Kubernetes 1.34 is the first version to serve it (use apiVersion: resource.k8s.io/v1beta2, or validate for a later version (--kubernetes-version 1.34))",
            Check(yaml, "1.33"));
        Assert.Empty(Check(yaml, "1.34"));
        Assert.Empty(Check(yaml));
    }

    [Fact]
    public void Each_version_checks_the_shape_it_serves()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: apps
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: registry.example.com/web:1.0
                    restartPolicyRules:
                    - action: Restart
                      exitCodes: {operator: In, values: [42]}
            """;
        Assert.Empty(Check(yaml, "1.35"));
        Same(
            "unknown-field | m.yaml:16:9: error: spec.template.spec.containers[0].restartPolicyRules: unknown field \"restartPolicyRules\"",
            Check(yaml, "1.33"));
    }

    [Fact]
    public void A_kind_every_supported_version_serves_passes_on_the_oldest()
        => Assert.Empty(Check("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n", "1.33"));

    [Fact]
    public void An_unsupported_version_is_refused_with_the_supported_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => new ManifestValidator(SchemaRegistry.Default, new ValidatorOptions { KubernetesVersion = "1.20" }));
        Assert.StartsWith("Kubernetes version 1.20 is not supported; use one of 1.33, 1.34, 1.35", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_without_the_builtin_index_applies_no_version_rules()
        => Assert.Empty(Registry().KubernetesVersions);
}
