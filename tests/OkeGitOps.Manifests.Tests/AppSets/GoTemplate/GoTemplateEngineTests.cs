using OkeGitOps.Manifests.AppSets.GoTemplate;

namespace OkeGitOps.Manifests.Tests.AppSets.GoTemplate;

/// <summary>The Go text/template behaviour the engine reproduces, each case as Go itself prints it.</summary>
public class GoTemplateEngineTests
{
    private static Dictionary<string, object?> Data() => new()
    {
        ["name"] = "guestbook",
        ["replicas"] = 3.0,
        ["big"] = 1000000.0,
        ["ratio"] = 0.5,
        ["enabled"] = true,
        ["empty"] = "",
        ["nothing"] = null,
        ["list"] = new List<object?> { "a", "b", "c" },
        ["map"] = new Dictionary<string, object?> { ["zeta"] = "z", ["alpha"] = "a", ["mid"] = "m" },
        ["nested"] = new Dictionary<string, object?> { ["inner"] = new Dictionary<string, object?> { ["value"] = "deep" } },
        ["labels"] = new Dictionary<string, object?> { ["app.kubernetes.io/name"] = "web" },
    };

    private static string R(string template, object? data = null, params string[] options)
        => OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.Render(template, data ?? Data(), options);

    private static GoTemplateException Fails(string template, params string[] options)
        => Assert.Throws<GoTemplateException>(() => R(template, Data(), options));

    [Theory]
    [InlineData("a  {{- .name -}}  b", "aguestbookb")]
    [InlineData("a\n  {{- .name }}\n", "aguestbook\n")]
    [InlineData("{{ .name -}}\n\n  x", "guestbookx")]
    [InlineData("{{- /* a comment */ -}}  x", "x")]
    [InlineData("{{-3}}", "-3")]
    [InlineData("a {{/* c */}} b", "a  b")]
    public void Whitespace_trim_markers_remove_the_adjacent_space_only(string template, string expected)
        => Assert.Equal(expected, R(template));

    [Theory]
    [InlineData("{{ .name | upper | printf \"%s!\" }}", "GUESTBOOK!")]
    [InlineData("{{ (printf \"%s-%s\" .name (.name | upper)) | lower }}", "guestbook-guestbook")]
    [InlineData("{{ len (index .list 0 | printf \"%s%s\" \"x\") }}", "2")]
    [InlineData("{{ .nested.inner.value }}", "deep")]
    [InlineData("{{ (index .nested \"inner\").value }}", "deep")]
    [InlineData("{{ $x := .nested.inner }}{{ $x.value }}", "deep")]
    [InlineData("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "2")]
    public void Nested_pipelines_and_variables_evaluate_like_go(string template, string expected)
        => Assert.Equal(expected, R(template));

    [Theory]
    [InlineData("{{ range $k, $v := .map }}{{ $k }}={{ $v }};{{ end }}", "alpha=a;mid=m;zeta=z;")]
    [InlineData("{{ range .map }}{{ . }}{{ end }}", "amz")]
    [InlineData("{{ range $i, $e := .list }}{{ $i }}{{ $e }}{{ end }}", "0a1b2c")]
    [InlineData("{{ range .missing }}x{{ else }}none{{ end }}", "none")]
    [InlineData("{{ range .list }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}", "a")]
    [InlineData("{{ range .list }}{{ if eq . \"b\" }}{{ continue }}{{ end }}{{ . }}{{ end }}", "ac")]
    [InlineData("{{ range 3 }}{{ . }}{{ end }}", "012")]
    [InlineData("{{ .map }}", "map[alpha:a mid:m zeta:z]")]
    [InlineData("{{ .list }}", "[a b c]")]
    public void Range_visits_maps_in_key_order_and_supports_break_continue_else(string template, string expected)
        => Assert.Equal(expected, R(template));

    [Theory]
    [InlineData("{{ if .enabled }}on{{ else }}off{{ end }}", "on")]
    [InlineData("{{ if .empty }}on{{ else if .name }}named{{ else }}off{{ end }}", "named")]
    [InlineData("{{ if .nothing }}on{{ else }}off{{ end }}", "off")]
    [InlineData("{{ if .missing }}on{{ else }}off{{ end }}", "off")]
    [InlineData("{{ if .list }}on{{ end }}", "on")]
    [InlineData("{{ if 0 }}on{{ else }}off{{ end }}", "off")]
    [InlineData("{{ with .nested.inner }}{{ .value }}{{ end }}", "deep")]
    [InlineData("{{ with .empty }}x{{ else }}fallback{{ end }}", "fallback")]
    [InlineData("{{ and .name .empty }}|{{ or .empty .name }}|{{ not .enabled }}", "|guestbook|false")]
    [InlineData("{{ and .empty .missing.field }}", "")]
    public void Truthiness_follows_go(string template, string expected)
        => Assert.Equal(expected, R(template));

    [Theory]
    [InlineData("{{ printf \"%d\" 42 }}", "42")]
    [InlineData("{{ printf \"%5d|%-5d|%05d\" 42 42 42 }}", "   42|42   |00042")]
    [InlineData("{{ printf \"%s|%q|%v\" .name .name .name }}", "guestbook|\"guestbook\"|guestbook")]
    [InlineData("{{ printf \"%x|%X|%o|%b\" 255 255 8 5 }}", "ff|FF|10|101")]
    [InlineData("{{ printf \"%.2f|%f|%e|%g\" 3.14159 1.5 1234.5678 0.000012 }}", "3.14|1.500000|1.234568e+03|1.2e-05")]
    [InlineData("{{ printf \"%t|%v\" true .enabled }}", "true|true")]
    [InlineData("{{ printf \"%d\" .replicas }}", "%!d(float64=3)")]
    [InlineData("{{ printf \"%s %s\" .name }}", "guestbook %!s(MISSING)")]
    [InlineData("{{ printf \"%s\" .name 1 }}", "guestbook%!(EXTRA int=1)")]
    [InlineData("{{ printf \"100%%\" }}", "100%")]
    [InlineData("{{ printf \"%c%U\" 65 65 }}", "AU+0041")]
    [InlineData("{{ printf \"%v %v\" .replicas .ratio }}", "3 0.5")]
    [InlineData("{{ .big }}", "1e+06")]
    [InlineData("{{ .replicas }}", "3")]
    public void Printf_verbs_match_go(string template, string expected)
        => Assert.Equal(expected, R(template));

    [Fact]
    public void A_missing_key_prints_no_value_by_default_and_under_missingkey_zero()
    {
        Assert.Equal("<no value>", R("{{ .missing }}"));
        Assert.Equal("<no value>", R("{{ .missing.deeper }}"));
        Assert.Equal("<no value>", R("{{ .nothing }}"));
        Assert.Equal("<no value>", R("{{ .missing }}", null, "missingkey=zero"));
        Assert.Equal("<nil>", R("{{ print .missing }}"));
    }

    [Fact]
    public void A_missing_key_under_missingkey_error_fails_with_gos_message_and_position()
    {
        var e = Fails("{{.missing}}", "missingkey=error");
        Assert.Equal("template: :1:2: executing \"\" at <.missing>: map has no entry for key \"missing\"", e.Message);
        Assert.Equal((1, 2), (e.Line, e.Column));
        var nested = Fails("line one\n  {{ .nested.nope }}", "missingkey=error");
        Assert.Equal("template: :2:5: executing \"\" at <.nested.nope>: map has no entry for key \"nope\"", nested.Message);
    }

    [Fact]
    public void A_field_of_nil_is_an_error_even_without_missingkey_error()
    {
        var e = Fails("{{ .nothing.field }}");
        Assert.Contains("nil pointer evaluating interface {}.field", e.Message, StringComparison.Ordinal);
        Assert.Contains("can't evaluate field x in type string", Fails("{{ .name.x }}").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ .name", "template: :1: unclosed action")]
    [InlineData("{{ nosuchfunc . }}", "template: :1: function \"nosuchfunc\" not defined")]
    [InlineData("{{ env \"HOME\" }}", "template: :1: function \"env\" not defined")]
    [InlineData("{{ expandenv \"$HOME\" }}", "template: :1: function \"expandenv\" not defined")]
    [InlineData("{{ getHostByName \"x\" }}", "template: :1: function \"getHostByName\" not defined")]
    [InlineData("x\n{{ if .a }}", "template: :2: unexpected EOF in input")]
    [InlineData("{{ $undefined }}", "template: :1: undefined variable \"$undefined\"")]
    [InlineData("{{ end }}", "template: :1: unexpected \"end\" in input")]
    [InlineData("{{ break }}", "template: :1: {{break}} outside {{range}}")]
    public void Parse_errors_name_the_line(string template, string expected)
        => Assert.Equal(expected, Fails(template).Message);

    [Fact]
    public void Comparison_of_a_float_parameter_with_an_int_literal_is_an_error_as_in_go()
    {
        Assert.Contains("incompatible types for comparison", Fails("{{ eq .replicas 3 }}").Message, StringComparison.Ordinal);
        Assert.Equal("true", R("{{ eq .replicas 3.0 }}"));
        Assert.Equal("true", R("{{ eq .name \"x\" \"guestbook\" }}"));
        Assert.Equal("true", R("{{ lt 1 2 }}|{{ ge \"b\" \"a\" }}".Split('|')[0]));
        Assert.Equal("false", R("{{ eq .missing \"x\" }}"));
    }

    [Fact]
    public void Index_and_slice_follow_go()
    {
        Assert.Equal("web", R("{{ index .labels \"app.kubernetes.io/name\" }}"));
        Assert.Equal("b", R("{{ index .list 1 }}"));
        Assert.Equal("<no value>", R("{{ index .labels \"absent\" }}"));
        Assert.Equal("[b c]", R("{{ slice .list 1 }}"));
        // Sprig's slice replaces Go's built-in in Argo CD's function map, and it takes lists only.
        Assert.Contains("error calling slice: list should be type of slice or array but string", Fails("{{ slice .name 1 4 }}").Message, StringComparison.Ordinal);
        Assert.Contains("error calling index: index out of range: 5", Fails("{{ index .list 5 }}").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defined_templates_and_blocks_are_called_with_their_own_dot()
    {
        Assert.Equal("[deep]", R("{{ define \"t\" }}[{{ .value }}]{{ end }}{{ template \"t\" .nested.inner }}"));
        Assert.Equal("<b>guestbook</b>", R("{{ block \"b\" .name }}<b>{{ . }}</b>{{ end }}"));
    }

    [Fact]
    public void A_template_that_calls_itself_stops_at_the_depth_limit()
    {
        var e = Fails("{{ define \"loop\" }}x{{ template \"loop\" . }}{{ end }}{{ template \"loop\" . }}");
        Assert.Contains("exceeded maximum template depth (100)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execution_stops_when_the_output_limit_is_reached()
    {
        var t = OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.Parse("{{ range 100000 }}0123456789{{ end }}", limits: new GoTemplateLimits(MaxOutputLength: 1000));
        var e = Assert.Throws<GoTemplateException>(() => t.Execute(null));
        Assert.Contains("template output exceeds 1000 characters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execution_stops_when_the_step_limit_is_reached()
    {
        var t = OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate.Parse("{{ range 10000000 }}{{ end }}", limits: new GoTemplateLimits(MaxSteps: 10_000));
        var e = Assert.Throws<GoTemplateException>(() => t.Execute(null));
        Assert.Contains("exceeded 10000 steps", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_parentheses_fail_with_a_parse_error_not_a_crash()
    {
        var text = "{{ " + new string('(', 5000) + "1" + new string(')', 5000) + " }}";
        var e = Fails(text);
        Assert.Contains("nested deeper than 200 levels", e.Message, StringComparison.Ordinal);
        Assert.Equal("1", R("{{ " + new string('(', 50) + "1" + new string(')', 50) + " }}"));
    }

    [Fact]
    public void Unknown_options_are_rejected()
        => Assert.Equal("unrecognized option: missingkey=sometimes", Fails("x", "missingkey=sometimes").Message);
}
