using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OkeGitOps.Manifests.AppSets;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Tests.AppSets;

public class AppSetPropertyTests
{
    private const int Runs = 50;

    private static readonly AppSetExpander Expander = new();

    /// <summary>A lower-case label of 1 to 6 characters.</summary>
    private static readonly Gen<string> Label =
        Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray()), n)).Select(c => "x" + new string(c));

    private static Gen<string[]> DistinctLabels(int max) => Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(Label, n)).Select(a => a.Distinct().ToArray());

    private static MappingNode ListGenerator(string key, IEnumerable<string> values, params (string Key, string Value)[] extra)
        => Map(("list", Map(("elements", List(values.Select(v => (ManifestNode)Map([(key, String(v)), .. extra.Select(e => (e.Key, (ManifestNode)String(e.Value)))])))))));

    private static MappingNode AppSet(ManifestNode generator, string name, bool goTemplate) => Map(
        ("apiVersion", String("argoproj.io/v1alpha1")),
        ("kind", String("ApplicationSet")),
        ("metadata", Map(("name", String("prop")), ("namespace", String("argocd")))),
        ("spec", Map(
            ("goTemplate", Boolean(goTemplate)),
            ("generators", List(generator)),
            ("template", Map(
                ("metadata", Map(("name", String(name)))),
                ("spec", Map(
                    ("project", String("default")),
                    ("source", Map(("repoURL", String("https://example.com/r.git")), ("path", String("p")), ("targetRevision", String("HEAD")))),
                    ("destination", Map(("server", String("https://kubernetes.default.svc")), ("namespace", String("default")))))))))));

    private static string NameOf(MappingNode app) => ((StringNode)app.At(NodePath.Parse("metadata.name"))!).Value;

    [Property(MaxTest = Runs)]
    public Property Matrix_of_two_lists_is_their_product_in_order()
    {
        var gen = from a in DistinctLabels(6) from b in DistinctLabels(6) from go in Gen.Elements(true, false) select (a, b, go);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var matrix = Map(("matrix", Map(("generators", List(ListGenerator("a", t.a), ListGenerator("b", t.b))))));
            var e = Expander.Expand(AppSet(matrix, t.go ? "{{.a}}-{{.b}}" : "{{a}}-{{b}}", t.go));
            var expected = t.a.SelectMany(x => t.b.Select(y => $"{x}-{y}")).ToArray();
            Assert.False(e.HasErrors, string.Join("\n", e.Diagnostics));
            Assert.Equal(expected, e.Applications.Select(NameOf).ToArray());
        });
    }

    [Property(MaxTest = Runs)]
    public Property Merge_with_a_key_never_loses_or_adds_a_base_element()
    {
        var gen = from keys in DistinctLabels(8)
                  from overrides in Gen.SubListOf(keys)
                  from strangers in DistinctLabels(3)
                  from go in Gen.Elements(true, false)
                  select (keys, overrides: overrides.Concat(strangers.Where(s => !keys.Contains(s))).ToArray(), go);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var merge = Map(("merge", Map(
                ("mergeKeys", List(String("k"))),
                ("generators", List(ListGenerator("k", t.keys, ("v", "base")), ListGenerator("k", t.overrides, ("v", "over")))))));
            var e = Expander.Expand(AppSet(merge, t.go ? "{{.k}}-{{.v}}" : "{{k}}-{{v}}", t.go));
            Assert.False(e.HasErrors, string.Join("\n", e.Diagnostics));
            var expected = t.keys.Select(k => $"{k}-{(t.overrides.Contains(k) ? "over" : "base")}").ToArray();
            Assert.Equal(expected, e.Applications.Select(NameOf).ToArray());
        });
    }

    [Property(MaxTest = Runs)]
    public Property Expansion_is_deterministic()
    {
        var gen = from a in DistinctLabels(5) from b in DistinctLabels(5) from go in Gen.Elements(true, false) select (a, b, go);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var matrix = Map(("matrix", Map(("generators", List(ListGenerator("a", t.a), ListGenerator("b", t.b))))));
            var appSet = AppSet(matrix, t.go ? "{{.a}}-{{.b}}" : "{{a}}-{{b}}", t.go);
            var first = YamlEmitter.EmitAll(Expander.Expand(appSet).Applications);
            var second = YamlEmitter.EmitAll(new AppSetExpander().Expand(appSet).Applications);
            Assert.Equal(first, second);
        });
    }

    [Property(MaxTest = Runs)]
    public Property Every_generated_application_passes_its_own_schema()
    {
        return Prop.ForAll(DistinctLabels(6).ToArbitrary(), names =>
        {
            var e = Expander.Expand(AppSet(ListGenerator("n", names), "{{.n}}", goTemplate: true));
            Assert.Empty(e.Diagnostics);
            Assert.Equal(names.Length, e.Applications.Count);
        });
    }
}
