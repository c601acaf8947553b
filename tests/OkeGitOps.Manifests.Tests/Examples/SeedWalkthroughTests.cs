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
        ["ConfigMap"] = () => UpstreamSchemas.Core("ConfigMap"),
        ["IngressClassParameters"] = () => UpstreamSchemas.CrdStorage("crds/oci-native-ingress/ingress.oraclecloud.com_ingressclassparameters.yaml"),
        ["Ingress"] = () => NetworkingV1("Ingress"),
        ["IngressClass"] = () => NetworkingV1("IngressClass"),
    };

    /// <summary>A networking.k8s.io/v1 kind from the Kubernetes 1.35 OpenAPI, with every <c>$ref</c> inlined.</summary>
    private static UpstreamKind NetworkingV1(string kind)
    {
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(UpstreamSchemas.Dir!, "k8s", "v1.35", "apis__networking.k8s.io__v1_openapi.json")))!;
        var schemas = doc["components"]!["schemas"]!.AsObject();
        System.Text.Json.Nodes.JsonNode Inline(System.Text.Json.Nodes.JsonNode node) => node switch
        {
            System.Text.Json.Nodes.JsonObject o when o["$ref"] is { } r => Inline(schemas[r.GetValue<string>().Split('/')[^1]]!.DeepClone()),
            System.Text.Json.Nodes.JsonObject o when o["allOf"] is System.Text.Json.Nodes.JsonArray { Count: 1 } all && all[0]!["$ref"] is { } r
                => Inline(schemas[r.GetValue<string>().Split('/')[^1]]!.DeepClone()),
            System.Text.Json.Nodes.JsonObject o => new System.Text.Json.Nodes.JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Inline(p.Value.DeepClone())))),
            System.Text.Json.Nodes.JsonArray a => new System.Text.Json.Nodes.JsonArray(a.Select(i => i is null ? null : Inline(i.DeepClone())).ToArray()),
            _ => node.DeepClone(),
        };
        var schema = Inline(schemas[$"io.k8s.api.networking.v1.{kind}"]!.DeepClone()).AsObject();
        schema.Remove("x-kubernetes-group-version-kind");
        return new UpstreamKind("networking.k8s.io", "v1", kind, kind == "IngressClass" ? OkeGitOps.Manifests.Schemas.ResourceScope.Cluster : OkeGitOps.Manifests.Schemas.ResourceScope.Namespaced, true, true, false, schema);
    }

    [Fact]
    public void The_ingress_route_carries_the_WAF_on_the_class_and_a_matching_Argo_CD_TLS_setting()
    {
        var files = Rendered.Value.ToDictionary(f => f.RelativePath, f => f.Content);
        Assert.Contains("oci-native-ingress.oraclecloud.com/waf-policy-ocid: " + SeedManifests.WafPolicyOcid, files["argocd-native-ingress/ingressclass.yaml"]);
        Assert.Contains("scope: Namespace", files["argocd-native-ingress/ingressclass.yaml"]);
        Assert.Contains("oci-native-ingress.oraclecloud.com/backend-tls-enabled: \"false\"", files["argocd-native-ingress/argocd-server-ingress.yaml"]);
        Assert.Contains("server.insecure: \"true\"", files["argocd-native-ingress/argocd-cmd-params-cm.yaml"]);
        Assert.Contains("isPrivate: true", files["argocd-native-ingress/ingressclassparameters.yaml"]);
        var policy = files["oci-iam/native-ingress-controller-policy.txt"];
        Assert.Contains("Allow any-user to manage waf-family in compartment id " + SeedManifests.CompartmentOcid, policy);
        Assert.Contains("Allow any-user to manage leaf-certificate-versions in compartment id " + SeedManifests.CompartmentOcid, policy);
    }

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
        Assert.Equal(["Application", "ClusterSecretStore", "ConfigMap", "ExternalSecret", "Ingress", "IngressClass", "IngressClassParameters", "Service", "ServiceAccount"], checkedKinds.Order());
    }
}
