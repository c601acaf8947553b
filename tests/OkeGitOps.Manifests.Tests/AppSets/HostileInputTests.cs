using OkeGitOps.Manifests.AppSets;
using OkeGitOps.Manifests.Tree;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Tests.AppSets;

/// <summary>Inputs meant to exhaust the expander: each finishes with a bounded result or a clear diagnostic.</summary>
public class HostileInputTests
{
    private static readonly AppSetExpander Expander = new();

    private static MappingNode Elements(string key, int count) => Map(("list", Map(("elements",
        List(Enumerable.Range(0, count).Select(i => (ManifestNode)Map((key, String(key + i.ToString(System.Globalization.CultureInfo.InvariantCulture))))))))));

    private static MappingNode AppSet(ManifestNode generator, string name, string path = "p") => Map(
        ("apiVersion", String("argoproj.io/v1alpha1")),
        ("kind", String("ApplicationSet")),
        ("metadata", Map(("name", String("hostile")), ("namespace", String("argocd")))),
        ("spec", Map(
            ("goTemplate", Boolean(true)),
            ("goTemplateOptions", List(String("missingkey=error"))),
            ("generators", List(generator)),
            ("template", Map(
                ("metadata", Map(("name", String(name)))),
                ("spec", Map(
                    ("project", String("default")),
                    ("source", Map(("repoURL", String("https://example.com/r.git")), ("path", String(path)), ("targetRevision", String("HEAD")))),
                    ("destination", Map(("server", String("https://kubernetes.default.svc")), ("namespace", String("default")))))))))));

    [Fact]
    public void A_ten_thousand_element_list_expands_to_ten_thousand_applications()
    {
        var e = Expander.Expand(AppSet(Elements("n", 10_000), "{{.n}}"));
        Assert.False(e.HasErrors, string.Join("\n", e.Diagnostics.Take(3)));
        Assert.Equal(10_000, e.Applications.Count);
    }

    [Fact]
    public void A_list_past_the_parameter_limit_stops_with_a_diagnostic()
    {
        var e = Expander.Expand(AppSet(Elements("n", 10_001), "{{.n}}"));
        Assert.Empty(e.Applications);
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(AppSetRules.LimitExceeded, d.Rule);
        Assert.Equal("the generator produces more than 10000 parameter sets; expansion stopped", d.Message);
    }

    [Fact]
    public void A_hundred_by_hundred_matrix_expands_to_ten_thousand_applications()
    {
        var matrix = Map(("matrix", Map(("generators", List(Elements("a", 100), Elements("b", 100))))));
        var e = Expander.Expand(AppSet(matrix, "{{.a}}-{{.b}}"));
        Assert.False(e.HasErrors, string.Join("\n", e.Diagnostics.Take(3)));
        Assert.Equal(10_000, e.Applications.Count);
        Assert.Equal("a99-b99", ((StringNode)e.Applications[^1].At(NodePath.Parse("metadata.name"))!).Value);
    }

    [Fact]
    public void A_thousand_by_thousand_matrix_stops_at_the_limit_instead_of_building_a_million_sets()
    {
        var matrix = Map(("matrix", Map(("generators", List(Elements("a", 1000), Elements("b", 1000))))));
        var e = Expander.Expand(AppSet(matrix, "{{.a}}-{{.b}}"));
        Assert.Empty(e.Applications);
        Assert.Equal(AppSetRules.LimitExceeded, Assert.Single(e.Diagnostics).Rule);
    }

    [Fact]
    public void A_deeply_nested_template_fails_with_a_parse_diagnostic()
    {
        var deep = "{{ " + new string('(', 10_000) + ".n" + new string(')', 10_000) + " }}";
        var e = Expander.Expand(AppSet(Elements("n", 1), deep));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(AppSetRules.TemplateError, d.Rule);
        Assert.Contains("expression nested deeper than 200 levels", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_calls_itself_fails_with_a_depth_diagnostic()
    {
        var loop = "{{ define \"again\" }}{{ template \"again\" . }}{{ end }}{{ template \"again\" . }}";
        var e = Expander.Expand(AppSet(Elements("n", 1), "{{.n}}", loop));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(AppSetRules.TemplateError, d.Rule);
        Assert.Contains("exceeded maximum template depth (100)", d.Message, StringComparison.Ordinal);
        Assert.Equal("spec.template.spec.source.path", d.Path!.ToString());
    }

    [Fact]
    public void A_template_that_loops_for_ever_or_writes_without_end_is_stopped()
    {
        var spin = Expander.Expand(AppSet(Elements("n", 1), "{{.n}}", "{{ range 2000000000 }}{{ end }}"));
        Assert.Contains("steps; the template loops or its data is too large", Assert.Single(spin.Diagnostics).Message, StringComparison.Ordinal);
        var flood = Expander.Expand(AppSet(Elements("n", 1), "{{.n}}", "{{ range 100000 }}{{ repeat 1000 \"x\" }}{{ end }}"));
        Assert.Contains("template output exceeds 1048576 characters", Assert.Single(flood.Diagnostics).Message, StringComparison.Ordinal);
    }
}
