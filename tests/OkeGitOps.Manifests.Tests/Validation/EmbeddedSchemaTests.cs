using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation;

/// <summary>The validator on the schemas embedded in the library: typical mistakes in Argo CD, ESO and core manifests.</summary>
public class EmbeddedSchemaTests
{
    private static readonly ManifestValidator Validator = new(SchemaRegistry.Default);

    private static string Check(string yaml) => Format(Validator.Validate(YamlReader.ReadAll(yaml, "m.yaml")[0]));

    private const string Application = """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: guestbook
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: https://github.com/argoproj/argocd-example-apps.git
            path: guestbook
          destination:
            server: https://kubernetes.default.svc
            namespace: guestbook
        """;

    [Fact]
    public void A_typical_Application_is_valid() => Same("", Check(Application));

    [Fact]
    public void RepoUrl_in_the_wrong_case_is_an_unknown_field_with_the_right_spelling_suggested()
        => Same(
            "unknown-field | m.yaml:9:5: error: spec.source.repoUrl: unknown field \"repoUrl\" (did you mean \"repoURL\"?)\n" +
            "required | m.yaml:9:5: error: spec.source: missing required field \"repoURL\"",
            Check(Application.Replace("repoURL:", "repoUrl:", StringComparison.Ordinal)));

    [Fact]
    public void Automated_sync_written_as_a_boolean_gets_the_object_form_suggested()
        => Same(
            "type | m.yaml:15:16: error: spec.syncPolicy.automated: must be of type object, got boolean true (automated is an object: write `automated: {}` to turn automated sync on, or e.g. `automated: {prune: true, selfHeal: true}`)",
            Check(Application + "\n  syncPolicy:\n    automated: true\n"));

    [Fact]
    public void A_destination_cluster_field_gets_server_or_name_suggested()
        => Same(
            "unknown-field | m.yaml:14:5: error: spec.destination.cluster: unknown field \"cluster\" (the destination cluster is `server: https://kubernetes.default.svc` (its API URL) or `name: <cluster name>`)",
            Check(Application + "\n    cluster: in-cluster\n"));

    [Fact]
    public void An_Application_written_with_a_version_Argo_CD_does_not_have_gets_v1alpha1_suggested()
        => Same(
            "unknown-version | m.yaml:1:13: error: apiVersion: argoproj.io/v1 is not a version of Application (use apiVersion: argoproj.io/v1alpha1)",
            Check(Application.Replace("argoproj.io/v1alpha1", "argoproj.io/v1", StringComparison.Ordinal)));

    [Fact]
    public void An_oracle_principal_type_outside_the_enum_gets_Workload_suggested()
        => Same(
            "enum | m.yaml:10:22: error: spec.provider.oracle.principalType: unsupported value \"WorkloadIdentity\": must be one of \"\", \"UserPrincipal\", \"InstancePrincipal\", \"Workload\" (for OKE Workload Identity use `principalType: Workload` with `serviceAccountRef`; InstancePrincipal uses the node's identity)",
            Check("""
                apiVersion: external-secrets.io/v1
                kind: ClusterSecretStore
                metadata:
                  name: oci-vault-store
                spec:
                  provider:
                    oracle:
                      vault: ocid1.vault.oc1.iad.example
                      region: us-ashburn-1
                      principalType: WorkloadIdentity
                      serviceAccountRef: {name: eso, namespace: external-secrets}
                """));

    [Fact]
    public void A_Secret_with_plain_text_under_data_gets_stringData_suggested()
        => Same(
            "format | m.yaml:6:13: error: data.password: \"hunter2\" is not valid base64 (data values are base64; put plain text under stringData instead)",
            Check("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: hunter2\n"));

    [Fact]
    public void The_articles_Service_with_two_unnamed_ports_needs_names()
        => Same(
            "service-port-name | m.yaml:9:5: error: spec.ports[1]: a port needs a name when the Service has more than one port (add a name such as \"http\" or \"https\")",
            Check("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: argocd-server
                spec:
                  type: LoadBalancer
                  ports:
                  - {name: https, port: 443, targetPort: 8080}
                  - port: 80
                    targetPort: 8080
                """));

    [Fact]
    public void A_ClusterSecretStore_with_a_namespace_is_flagged()
        => Same(
            "metadata-namespace-cluster-scoped | m.yaml:5:14: warning: metadata.namespace: ClusterSecretStore is cluster-scoped, so metadata.namespace has no effect (remove metadata.namespace)",
            Check("""
                apiVersion: external-secrets.io/v1
                kind: ClusterSecretStore
                metadata:
                  name: s
                  namespace: external-secrets
                spec:
                  provider:
                    oracle: {vault: v, region: r, principalType: Workload, serviceAccountRef: {name: eso}}
                """));

    [Fact]
    public void Only_the_parts_of_a_schema_a_document_reaches_are_compiled()
    {
        // A fresh copy of the Application schema, so that no other test has warmed its compiled form.
        var embedded = SchemaRegistry.Default.Find("argoproj.io/v1alpha1", "Application")!;
        var copy = new ResourceSchema(embedded.Group, embedded.Version, embedded.Kind, embedded.Scope, embedded.Served, embedded.Storage,
            embedded.Deprecated, embedded.DeprecationWarning, embedded.Upstream, embedded.OpenApiV3Schema);
        var validator = new ManifestValidator(SchemaRegistry.Default.WithSchema(copy));
        Assert.Empty(validator.Validate(YamlReader.ReadAll(Application)[0]));

        var root = ManifestValidator.CompiledRootOf(copy)!;
        var spec = root.Properties!["spec"];
        Assert.True(spec.IsCompiled);
        Assert.True(spec.Schema.Properties!["source"].IsCompiled);
        // Nothing in the document reaches these, so they are still raw JSON.
        Assert.False(spec.Schema.Properties["sources"].IsCompiled);
        Assert.False(spec.Schema.Properties["syncPolicy"].IsCompiled);
        Assert.False(root.Properties["status"].IsCompiled);
    }
}
