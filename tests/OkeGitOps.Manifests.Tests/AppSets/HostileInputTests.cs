using OkeGitOps.Manifests.AppSets;
using OkeGitOps.Manifests.Diagnostics;
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

    private static Diagnostic StringBoundError(string name)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = Expander.Expand(AppSet(Elements("n", 1), name));
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Empty(e.Applications);
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(AppSetRules.TemplateError, d.Rule);
        Assert.Equal("spec.template.metadata.name", d.Path!.ToString());
        Assert.Contains("exceeds the limit of 1048576 characters on any string a template produces", d.Message, StringComparison.Ordinal);
        return d;
    }

    [Fact]
    public void Replace_that_would_build_a_terabyte_string_is_refused_before_it_allocates()
    {
        var d = StringBoundError("{{ $s := repeat 1000000 \"x\" }}{{ replace \"x\" $s $s | len }}");
        // 10^6 occurrences, each replaced by 10^6 characters.
        Assert.Contains("error calling replace: the result would be 1000000000000 characters long", d.Message, StringComparison.Ordinal);
        Assert.Contains(":1:", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Doubling_a_string_with_print_forty_times_stops_at_the_string_bound()
    {
        var d = StringBoundError("{{ $s := \"x\" }}{{ range until 40 }}{{ $s = print $s $s }}{{ end }}{{ len $s }}");
        Assert.Contains("error calling print:", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indent_and_nindent_by_a_billion_are_refused_before_the_padding_is_built()
    {
        Assert.Contains("error calling indent: the result would be 1000000001 characters long", StringBoundError("{{ indent 1000000000 \"x\" }}").Message, StringComparison.Ordinal);
        // Two lines: the pad twice, the text and the newline nindent puts first.
        Assert.Contains("error calling nindent: the result would be 2000000004 characters long", StringBoundError("{{ nindent 1000000000 \"x\\ny\" }}").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printf_width_within_gos_range_but_over_the_bound_is_refused_before_padding()
    {
        var d = StringBoundError("{{ printf \"%9000000d\" 1 }}");
        Assert.Contains("error calling printf:", d.Message, StringComparison.Ordinal);
        StringBoundError("{{ printf \"%.9000000f\" 1.5 }}");
    }

    [Fact]
    public void Printf_with_a_billion_wide_field_gives_gos_noverb_text_at_once()
    {
        // Go's fmt stops reading a width past a million and gives up on the rest of the format (%!(NOVERB)).
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal("%!(NOVERB)%!(EXTRA int=1)", OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.Render("{{ printf \"%1000000000d\" 1 }}", null));
        Assert.Equal("a%!(NOVERB)", OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.Render("{{ printf \"a%.99999999f\" }}", null));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_list_that_holds_itself_over_and_over_is_refused_by_json_yaml_print_join_and_deep_copy()
    {
        const string Grow = "{{ $l := list \"x\" }}{{ range until 60 }}{{ $l = list $l $l }}{{ end }}";
        foreach (var use in new[] { "toJson $l", "toYaml $l", "print $l", "deepCopy $l | len", "$l" })
        {
            var d = StringBoundError(Grow + "{{ " + use + " }}");
            Assert.Contains("exceeds the limit", d.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Join_cat_and_regex_replace_stop_at_the_string_bound()
    {
        StringBoundError("{{ $s := repeat 1000000 \"x\" }}{{ join \"-\" (list $s $s) }}");
        StringBoundError("{{ $s := repeat 1000000 \"x\" }}{{ cat $s $s }}");
        StringBoundError("{{ $s := repeat 2000 \"x\" }}{{ regexReplaceAll \"x\" $s $s }}");
        StringBoundError("{{ $s := repeat 2000 \"x\" }}{{ wrapWith 1 $s $s }}");
    }
}
