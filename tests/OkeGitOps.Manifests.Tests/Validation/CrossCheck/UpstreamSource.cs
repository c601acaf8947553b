using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Tests.Validation.CrossCheck;

/// <summary>
/// The schemas our validator runs on, built from the upstream files the way the importer builds the committed ones
/// (descriptions dropped, unserved versions without a body). Built once per test run.
/// </summary>
internal static class UpstreamSource
{
    public static readonly string[] CrdFiles =
    [
        "crds/argo-cd/application-crd.yaml",
        "crds/argo-cd/applicationset-crd.yaml",
        "crds/argo-cd/appproject-crd.yaml",
        "crds/external-secrets/external-secrets.io_externalsecrets.yaml",
        "crds/external-secrets/external-secrets.io_secretstores.yaml",
        "crds/external-secrets/external-secrets.io_clustersecretstores.yaml",
        "crds/external-secrets/external-secrets.io_clusterexternalsecrets.yaml",
        "crds/external-secrets/external-secrets.io_pushsecrets.yaml",
    ];

    public static readonly string[] CoreKinds = ["Service", "Namespace", "ServiceAccount", "Secret", "ConfigMap"];

    private static readonly Lazy<TestSchemaSource> LazySource = new(Build);

    public static TestSchemaSource Source => LazySource.Value;

    public static ManifestValidator Validator(ValidatorOptions? options = null) => new(Source, options);

    private static TestSchemaSource Build()
    {
        var schemas = new List<ResourceSchema>();
        foreach (var file in CrdFiles)
        {
            foreach (var k in UpstreamSchemas.Crd(file)) schemas.Add(ToResourceSchema(k));
        }
        foreach (var kind in CoreKinds) schemas.Add(ToResourceSchema(UpstreamSchemas.Core(kind)));
        return new TestSchemaSource(schemas, UpstreamSchemas.Element(UpstreamSchemas.ToOurs(UpstreamSchemas.CoreObjectMeta())));
    }

    public static ResourceSchema ToResourceSchema(UpstreamKind k)
        => new(k.Group, k.Version, k.Kind, k.Scope, k.Served, k.Storage, k.Deprecated, null, "upstream test data",
            k.Served ? UpstreamSchemas.Element(UpstreamSchemas.ToOurs(k.Original)) : null);
}
