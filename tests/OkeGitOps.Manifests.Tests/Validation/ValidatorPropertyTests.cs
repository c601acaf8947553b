using FsCheck;
using FsCheck.Fluent;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tests.Yaml;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Tests.Validation;

public class ValidatorPropertyTests
{
    private static readonly ManifestValidator Validator = new(SchemaRegistry.Default);

    private static readonly string[] Kinds =
    [
        "argoproj.io/v1alpha1/Application", "argoproj.io/v1alpha1/ApplicationSet", "external-secrets.io/v1/ExternalSecret",
        "external-secrets.io/v1/ClusterSecretStore", "v1/Service", "v1/Secret", "v1/ConfigMap", "v1/Namespace",
    ];

    /// <summary>A document of a known kind whose metadata and spec (or data) are arbitrary trees.</summary>
    private static readonly Gen<ManifestNode> Documents =
        from kind in Gen.Elements(Kinds)
        from metadata in ManifestTreeGen.Tree
        from body in ManifestTreeGen.Tree
        from bodyKey in Gen.Elements("spec", "data", "status", "stringData")
        select (ManifestNode)ManifestNode.Map(
            ("apiVersion", ManifestNode.String(kind[..kind.LastIndexOf('/')])),
            ("kind", ManifestNode.String(kind[(kind.LastIndexOf('/') + 1)..])),
            ("metadata", metadata),
            (bodyKey, body));

    [Fact]
    public void Arbitrary_documents_never_make_the_validator_throw_and_every_finding_points_at_a_real_node()
    {
        var property = Prop.ForAll(Arb.From(Gen.OneOf(Documents, ManifestTreeGen.Tree)), root =>
        {
            foreach (var d in Validator.Validate(new ManifestDocument(root)))
            {
                if (string.IsNullOrEmpty(d.Rule) || string.IsNullOrEmpty(d.Message)) return false;
                if (d.Path is null || root.At(d.Path) is null)
                    throw new InvalidOperationException($"{d} points at nothing in {TreeJsonText(root)}");
            }
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000).WithQuietOnSuccess(true), property);
    }

    private static string TreeJsonText(ManifestNode root) => CrossCheck.TreeJson.ToJson(root);

    [Fact]
    public void Suggested_names_always_follow_the_grammar_they_are_suggested_for()
    {
        var property = Prop.ForAll(Arb.From(ManifestTreeGen.NastyString), text =>
        {
            var subdomain = NameRules.ToDnsName(text, NameRules.Dns1123SubdomainMaxLength, allowDots: true);
            var label = NameRules.ToDnsName(text, NameRules.Dns1123LabelMaxLength, allowDots: false);
            var dns1035 = NameRules.ToDnsName(text, NameRules.Dns1035LabelMaxLength, allowDots: false, startWithLetter: true);
            return (subdomain is null || NameRules.IsDns1123Subdomain(subdomain))
                && (label is null || NameRules.IsDns1123Label(label))
                && (dns1035 is null || NameRules.IsDns1035Label(dns1035));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithQuietOnSuccess(true), property);
    }

    [Fact]
    public void The_same_document_gives_the_same_diagnostics_from_many_threads()
    {
        var samples = Gen.Sample(Documents, 200, 10).ToArray();
        var expected = samples.Select(s => TestSchemas.Format(Validator.Validate(new ManifestDocument(s)))).ToArray();
        var fresh = new ManifestValidator(SchemaRegistry.Default);
        var actual = new string[samples.Length];
        Parallel.For(0, samples.Length, i => actual[i] = TestSchemas.Format(fresh.Validate(new ManifestDocument(samples[i]))));
        Assert.Equal(expected, actual);
    }
}
