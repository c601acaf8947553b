using FsCheck;
using FsCheck.Fluent;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tests.Validation.CrossCheck;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.TypedModels;

/// <summary>
/// For every covered kind, random valid documents built from its committed schema (the cross-check's
/// <see cref="DocumentGenerator"/> in valid-only mode) go node → FromNode → model → ToNode → YAML → node → FromNode → model,
/// and must come back equal at every step, with nothing left in ExtraFields and no validator errors.
/// </summary>
public class ModelRoundTripTests
{
    private static readonly int DocumentsPerKind = int.TryParse(Environment.GetEnvironmentVariable("OKEGITOPS_ROUNDTRIP_MAXTEST"), out var n) ? n : 50;

    // Random schema-valid documents do not keep the API server's cross-field rules (selectors matching templates,
    // one handler per probe, ...); those have their own tests under Validation/Kubernetes.
    private static readonly ManifestValidator Validator = new(SchemaRegistry.Default, new ValidatorOptions { ApiServerRules = false });

    public static TheoryData<string, string> Kinds => CoveredKinds.Data();

    /// <summary>
    /// Rules the API server applies beyond the schema, which the validator checks too. ConfigMap: a key is in data
    /// or binaryData, not both. Services: type-dependent fields, IP and CIDR syntax, named ports, session affinity). Random schema-valid values are replaced by
    /// values that keep the field present and satisfy those rules; the type becomes LoadBalancer, which allows
    /// every field the schema has.
    /// </summary>
    private static MappingNode ApiServerRules(string kind, MappingNode root)
    {
        if (kind == "ConfigMap" && root.GetValueOrDefault("binaryData") is MappingNode binary)
        {
            // A key may be in data or binaryData, not both.
            return root.Set("binaryData", MappingNode.Create(binary.Entries.Select(e => ("bin-" + e.Key, e.Value))));
        }
        if (kind != "Service") return root;
        var spec = root.GetValueOrDefault("spec") as MappingNode ?? MappingNode.Empty;
        spec = spec.Set("type", ManifestNode.String("LoadBalancer")).Remove("externalName");
        if (spec.ContainsKey("clusterIP") || spec.ContainsKey("clusterIPs"))
            spec = spec.Set("clusterIP", ManifestNode.String("10.0.0.10")).Set("clusterIPs", ManifestNode.List(ManifestNode.String("10.0.0.10")));
        if (spec.ContainsKey("externalIPs")) spec = spec.Set("externalIPs", ManifestNode.List(ManifestNode.String("192.0.2.1")));
        if (spec.ContainsKey("loadBalancerIP")) spec = spec.Set("loadBalancerIP", ManifestNode.String("192.0.2.2"));
        if (spec.ContainsKey("loadBalancerSourceRanges")) spec = spec.Set("loadBalancerSourceRanges", ManifestNode.List(ManifestNode.String("10.0.0.0/16")));
        if (spec.ContainsKey("ipFamilies") || spec.ContainsKey("ipFamilyPolicy"))
            spec = spec.Set("ipFamilies", ManifestNode.List(ManifestNode.String("IPv4"))).Set("ipFamilyPolicy", ManifestNode.String("SingleStack"));
        // Fields whose allowed values the API server knows but the schema does not list.
        if (spec.ContainsKey("sessionAffinity")) spec = spec.Set("sessionAffinity", ManifestNode.String("None"));
        if (spec.ContainsKey("externalTrafficPolicy")) spec = spec.Set("externalTrafficPolicy", ManifestNode.String("Cluster"));
        if (spec.ContainsKey("internalTrafficPolicy")) spec = spec.Set("internalTrafficPolicy", ManifestNode.String("Local"));
        if (spec.GetValueOrDefault("sessionAffinityConfig") is MappingNode affinity)
        {
            spec = spec.Set("sessionAffinity", ManifestNode.String("ClientIP"));
            if (affinity.GetValueOrDefault("clientIP") is MappingNode clientIp && clientIp.ContainsKey("timeoutSeconds"))
                spec = spec.Set("sessionAffinityConfig", affinity.Set("clientIP", clientIp.Set("timeoutSeconds", ManifestNode.Integer(10800))));
        }
        if (spec.ContainsKey("healthCheckNodePort"))
            spec = spec.Set("healthCheckNodePort", ManifestNode.Integer(31000)).Set("externalTrafficPolicy", ManifestNode.String("Local"));
        var ports = spec.GetValueOrDefault("ports") as SequenceNode ?? SequenceNode.Empty;
        if (ports.Count == 0) ports = ManifestNode.List(ManifestNode.Map(("port", ManifestNode.Integer(80))));
        var fixedPorts = new List<ManifestNode>();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = (MappingNode)ports[i];
            port = port.Set("name", ManifestNode.String($"p{i}")).Set("port", ManifestNode.Integer(80 + i));
            if (port.ContainsKey("protocol")) port = port.Set("protocol", ManifestNode.String(i % 2 == 0 ? "TCP" : "UDP"));
            if (port.ContainsKey("nodePort")) port = port.Set("nodePort", ManifestNode.Integer(30000 + i));
            if (port.ContainsKey("targetPort")) port = port.Set("targetPort", i % 2 == 0 ? ManifestNode.Integer(8080 + i) : ManifestNode.String("http"));
            fixedPorts.Add(port);
        }
        spec = spec.Set("ports", ManifestNode.List(fixedPorts));
        return root.Set("spec", spec);
    }

    [Fact]
    public void Every_covered_kind_has_a_typed_model_in_the_registry()
    {
        foreach (var (apiVersion, kind) in CoveredKinds.All) Assert.NotNull(ModelRegistry.Default.Find(apiVersion, kind));
        Assert.Equal(CoveredKinds.All.Length, ModelRegistry.Default.Kinds.Count());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Random_valid_document_round_trips_through_model_and_yaml_unchanged(string apiVersion, string kind)
    {
        var schema = CoveredKinds.Schema(apiVersion, kind);
        var model = CoveredKinds.Model(apiVersion, kind);
        var generator = new DocumentGenerator(CoveredKinds.OpenApi(apiVersion, kind), apiVersion, kind, schema.Scope, validOnly: true);
        var documents = Arb.From(Gen.Choose(0, int.MaxValue).Select(seed => (Seed: seed, Root: ApiServerRules(kind, generator.GenerateValid(seed)))));

        var property = Prop.ForAll(documents, doc =>
        {
            var context = $"seed {doc.Seed}: {TreeJson.ToJson(doc.Root)}";
            var first = model.FromNode(doc.Root);
            Assert.True(first.GetType() == model.Type, context);
            var extras = first.GetExtraFields();
            Assert.True(extras.Count == 0, $"fields left untyped: {string.Join(", ", extras.Select(e => e.Path))}\n{context}");

            var node = first.ToNode();
            Assert.True(node.Equals(doc.Root), $"ToNode differs from the input\n{context}\ngot: {TreeJson.ToJson(node)}");

            var yaml = YamlEmitter.Emit(node);
            var read = YamlReader.ReadAll(yaml).Single();
            Assert.True(read.Root.Equals(node), $"YAML read back differs\n{context}\n{yaml}");
            var second = model.FromNode(read.Root);
            Assert.True(second.Equals(first), $"model read back differs\n{context}\n{yaml}");
            Assert.Equal(first.GetHashCode(), second.GetHashCode());

            // Random schema-valid workloads break the API server's own rules (selector matching the template, quantities,
            // probe handlers...); for the built-in kinds only the schema's verdict is held against the round trip.
            var errors = Validator.Validate(read).Where(d => d.IsError && (!IsBuiltInWorkloadGroup(apiVersion) || IsSchemaFinding(d))).ToList();
            Assert.True(errors.Count == 0, $"validator errors:\n{string.Join("\n", errors)}\n{yaml}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(DocumentsPerKind).WithQuietOnSuccess(true), property);
    }

    private static bool IsBuiltInWorkloadGroup(string apiVersion) => apiVersion.Contains('/') && !apiVersion.StartsWith("argoproj.io/", StringComparison.Ordinal)
        && !apiVersion.StartsWith("external-secrets.io/", StringComparison.Ordinal) && !apiVersion.StartsWith("ingress.oraclecloud.com/", StringComparison.Ordinal);

    /// <summary>A structural finding of the schema walk; the schema's own missing field is exactly <c>missing required field "x"</c>.</summary>
    internal static bool IsSchemaFinding(OkeGitOps.Manifests.Diagnostics.Diagnostic d)
        => d.Rule is "type" or "unknown-field" or "enum" or "pattern" or "format" or "minimum" or "maximum" or "min-length" or "max-length"
               or "min-items" or "max-items" or "min-properties" or "max-properties" or "duplicate-set-item" or "null-not-allowed"
           || (d.Rule == "required" && d.Message.StartsWith("missing required field \"", StringComparison.Ordinal) && d.Message.EndsWith('"'));
}
