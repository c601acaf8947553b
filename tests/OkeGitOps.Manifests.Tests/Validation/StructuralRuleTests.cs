using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Validation;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation;

public class StructuralRuleTests
{
    /// <summary>Validates a Widget with the given spec and returns its only diagnostic, formatted.</summary>
    private static string One(string spec, ValidatorOptions? options = null)
    {
        var diagnostics = Validate(WidgetYaml(spec), options);
        Assert.True(diagnostics.Count == 1, "expected one diagnostic, got:\n" + Format(diagnostics));
        return $"{diagnostics[0].Rule} | {diagnostics[0]}";
    }

    [Fact]
    public void A_valid_widget_has_no_diagnostics()
    {
        var yaml = WidgetYaml("""
            size: 3
            ratio: 0.5
            step: 10
            enabled: true
            repoURL: https://example.com/repo.git
            mode: Manual
            slug: ab-1
            note: null
            when: 2025-01-31T12:00:00Z
            blob: aGVsbG8=
            port: http
            tags: [a, b]
            entries:
              - port: 80
              - port: 80
                protocol: UDP
            env: {A: "1"}
            values: {anything: [1, 2, {deep: true}]}
            free: null
            template: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {k: v}}
            source: {git: https://example.com}
            target: {a: x}
            checked: {x: "1"}
            """);
        Assert.Empty(Validate(yaml));
    }

    [Fact]
    public void A_string_where_an_integer_belongs_is_a_type_error_with_a_hint_to_drop_the_quotes()
        => Same("type | test.yaml:7:9: error: spec.size: must be of type integer, got string \"3\" (write the number without quotes: 3)",
            One("size: \"3\""));

    [Fact]
    public void A_float_is_not_an_integer()
        => Same("type | test.yaml:7:9: error: spec.size: must be of type integer, got number 3.5",
            One("size: 3.5"));

    [Fact]
    public void An_integer_is_a_number()
        => Assert.Empty(Validate(WidgetYaml("size: 1\nratio: 0.25")));

    [Fact]
    public void A_number_too_large_for_a_double_where_a_string_belongs_gets_a_hint_without_its_inf_text()
        => Assert.EndsWith("spec.repoURL: must be of type string, got number .inf (quote the value as it is written, so it stays a string)",
            One("size: 1\nrepoURL: 1e400"), StringComparison.Ordinal);

    [Fact]
    public void An_integer_where_a_string_belongs_gets_a_hint_to_quote_it()
        => Same("type | test.yaml:8:12: error: spec.repoURL: must be of type string, got integer 8080 (quote the value so it stays a string: \"8080\")",
            One("size: 1\nrepoURL: 8080"));

    [Fact]
    public void A_quoted_boolean_gets_a_hint_to_drop_the_quotes()
        => Same("type | test.yaml:8:12: error: spec.enabled: must be of type boolean, got string \"true\" (write the boolean without quotes: true)",
            One("size: 1\nenabled: \"true\""));

    [Fact]
    public void A_mapping_where_a_list_belongs_gets_a_hint_to_write_a_list()
        => Same("type | test.yaml:9:5: error: spec.tags: must be of type array, got object (write a list: start each item with \"- \")",
            One("size: 1\ntags:\n  a: b"));

    [Fact]
    public void A_list_where_a_mapping_belongs_gets_a_hint_to_drop_the_dashes()
        => Same("type | test.yaml:9:5: error: spec.env: must be of type object, got array (write a mapping, not a list: remove the leading \"- \")",
            One("size: 1\nenv:\n  - A=1"));

    [Fact]
    public void A_null_in_a_field_that_is_not_nullable_is_dropped_with_a_warning_as_the_api_server_does()
    {
        Same("null-dropped | test.yaml:8:3: warning: spec.repoURL: the API server drops this null; the field is unset (remove the field, or give it a value)",
            One("size: 1\nrepoURL: null"));
        Assert.Empty(Validate(WidgetYaml("size: 1\nnote: ~")));
    }

    [Fact]
    public void A_null_in_a_map_value_is_dropped_and_its_value_rules_are_not_applied()
        => Same("null-dropped | test.yaml:8:9: warning: spec.env.A: the API server drops this null; the field is unset (remove the field, or give it a value)",
            One("size: 1\nenv: {A: null}"));

    [Fact]
    public void A_null_that_leaves_a_required_field_missing_is_an_error()
    {
        var diagnostics = Validate(WidgetYaml("size: null"));
        Assert.Contains(diagnostics, d => d.Rule == "null-dropped" && !d.IsError);
        var error = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal("required | test.yaml:7:9: error: spec.size: missing required field \"size\": its value is null, which the API server drops (give it a value)",
            $"{error.Rule} | {error}");
    }

    [Fact]
    public void A_null_item_of_a_typed_list_is_an_error_as_the_api_server_refuses_it()
        => Same("null-not-allowed | test.yaml:8:13: error: spec.tags[1]: null is not allowed (give a value, or remove the field)",
            One("size: 1\ntags: [a, null]"));

    [Fact]
    public void Null_is_allowed_in_a_free_form_field()
        => Assert.Empty(Validate(WidgetYaml("size: 1\nfree: null\nvalues: {a: null}")));

    [Fact]
    public void An_unknown_field_is_an_error_at_the_key_with_a_near_miss_suggestion()
        => Same("unknown-field | test.yaml:8:3: error: spec.repoUrl: unknown field \"repoUrl\" (did you mean \"repoURL\"?)",
            One("size: 1\nrepoUrl: https://example.com"));

    [Fact]
    public void An_unknown_field_suggestion_uses_edit_distance()
        => Same("unknown-field | test.yaml:8:3: error: spec.enabeld: unknown field \"enabeld\" (did you mean \"enabled\"?)",
            One("size: 1\nenabeld: true"));

    [Fact]
    public void An_unknown_field_without_a_near_miss_lists_the_known_fields_of_small_objects()
        => Same("unknown-field | test.yaml:8:12: error: spec.source.svn: unknown field \"svn\" (known fields here: git, oci)",
            One("size: 1\nsource: {svn: x, git: z}"));

    [Fact]
    public void An_unknown_field_in_a_large_object_without_a_near_miss_has_no_suggestion()
        => Same("unknown-field | test.yaml:8:10: error: spec.wide.zzzzzzz: unknown field \"zzzzzzz\"",
            One("size: 1\nwide: {zzzzzzz: x}"));

    [Fact]
    public void An_object_without_declared_fields_takes_none()
        => Same("unknown-field | test.yaml:8:11: error: spec.empty.x: unknown field \"x\" (this object takes no fields)",
            One("size: 1\nempty: {x: 1}"));

    [Fact]
    public void Unknown_fields_are_warnings_when_not_strict()
    {
        var d = Assert.Single(Validate(WidgetYaml("size: 1\nrepoUrl: x"), new ValidatorOptions { Strict = false }));
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Same("test.yaml:8:3: warning: spec.repoUrl: unknown field \"repoUrl\" (did you mean \"repoURL\"?)", d.ToString());
    }

    [Fact]
    public void Unknown_fields_are_allowed_under_preserve_unknown_fields_and_in_additional_properties_maps()
        => Assert.Empty(Validate(WidgetYaml("size: 1\nvalues: {x: 1, y: {z: 2}}\nenv: {ANY_NAME: v}")));

    [Fact]
    public void Additional_properties_values_are_checked_against_their_schema()
        => Same("type | test.yaml:8:12: error: spec.env.A: must be of type string, got integer 1 (quote the value so it stays a string: \"1\")",
            One("size: 1\nenv: {A: 1}"));

    [Fact]
    public void A_missing_required_field_is_reported_on_its_parent()
        => Same("required | test.yaml:7:3: error: spec: missing required field \"size\"",
            One("mode: Manual"));

    [Fact]
    public void A_value_outside_the_enum_lists_the_allowed_values_and_the_nearest()
        => Same("enum | test.yaml:8:9: error: spec.mode: unsupported value \"automatic\": must be one of \"Automatic\", \"Manual\", \"Off\" (did you mean \"Automatic\"?)",
            One("size: 1\nmode: automatic"));

    [Fact]
    public void A_string_that_breaks_the_pattern_is_reported_with_the_pattern()
        => Same("pattern | test.yaml:8:9: error: spec.slug: \"Ab\" does not match the pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
            One("size: 1\nslug: Ab"));

    [Fact]
    public void String_lengths_are_counted_in_code_points()
    {
        Same("min-length | test.yaml:8:9: error: spec.slug: must be at least 2 characters long", One("size: 1\nslug: a"));
        Same("max-length | test.yaml:8:9: error: spec.slug: must be at most 5 characters long, has 6", One("size: 1\nslug: abcdef"));
        // Two emoji are four UTF-16 chars but two code points; the pattern is what fails here, not the length.
        Same("pattern", Assert.Single(Validate(WidgetYaml("size: 1\nslug: \"😀😀\""))).Rule);
    }

    [Fact]
    public void Int32_values_must_fit()
    {
        var d = Validate(WidgetYaml("size: 4294967296"));
        Same(
            "maximum | test.yaml:7:9: error: spec.size: must be less than or equal to 10\n" +
            "format | test.yaml:7:9: error: spec.size: 4294967296 is out of range for int32 (-2147483648..2147483647)",
            Format(d));
    }

    [Fact]
    public void Minimum_and_maximum_are_inclusive_unless_exclusive()
    {
        Same("minimum | test.yaml:7:9: error: spec.size: must be greater than or equal to 1", One("size: 0"));
        Assert.Empty(Validate(WidgetYaml("size: 10")));
        Same("minimum | test.yaml:8:10: error: spec.ratio: must be greater than 0", One("size: 1\nratio: 0"));
        Same("maximum | test.yaml:8:10: error: spec.ratio: must be less than 1", One("size: 1\nratio: 1.0"));
    }

    [Fact]
    public void MultipleOf_is_checked()
        => Same("multiple-of | test.yaml:8:9: error: spec.step: must be a multiple of 5", One("size: 1\nstep: 7"));

    [Theory]
    [InlineData("when: 2025-01-31", "\"2025-01-31\" is not an RFC 3339 date-time such as 2025-01-31T12:00:00Z")]
    [InlineData("when: 2025-02-30T00:00:00Z", "\"2025-02-30T00:00:00Z\" is not an RFC 3339 date-time such as 2025-01-31T12:00:00Z")]
    [InlineData("blob: hello", "\"hello\" is not valid base64")]
    public void Formats_are_checked(string line, string message)
    {
        var d = Assert.Single(Validate(WidgetYaml("size: 1\n" + line)));
        Assert.Equal(ValidationRules.Format, d.Rule);
        Assert.Equal(message, d.Message);
    }

    [Theory]
    [InlineData("when: 2025-01-31T12:00:00.123+01:00")]
    [InlineData("when: 2025-01-31t12:00:00z")]
    [InlineData("blob: \"\"")]
    [InlineData("blob: aGk=")]
    public void Well_formed_values_pass_their_format(string line) => Assert.Empty(Validate(WidgetYaml("size: 1\n" + line)));

    [Fact]
    public void Int_or_string_accepts_integers_and_strings_only()
    {
        Assert.Empty(Validate(WidgetYaml("size: 1\nport: 8080")));
        Assert.Empty(Validate(WidgetYaml("size: 1\nport: http")));
        Same("type | test.yaml:8:9: error: spec.port: must be of type integer or string, got boolean true (quote the value so it stays a string: \"true\")", One("size: 1\nport: true"));
    }

    [Fact]
    public void Items_are_checked_at_their_index()
        => Same("type | test.yaml:8:13: error: spec.tags[1]: must be of type string, got integer 2 (quote the value so it stays a string: \"2\")",
            One("size: 1\ntags: [a, 2]"));

    [Fact]
    public void Item_counts_are_checked()
    {
        Same("min-items | test.yaml:8:9: error: spec.tags: must have at least 1 item", One("size: 1\ntags: []"));
        Same("max-items | test.yaml:8:9: error: spec.tags: must have at most 3 items, has 4", One("size: 1\ntags: [a, b, c, d]"));
    }

    [Fact]
    public void Property_counts_are_checked()
    {
        Same("min-properties | test.yaml:8:8: error: spec.env: must have at least 1 field", One("size: 1\nenv: {}"));
        Same("max-properties | test.yaml:8:8: error: spec.env: must have at most 2 fields, has 3", One("size: 1\nenv: {A: a, B: b, C: c}"));
    }

    [Fact]
    public void A_set_may_not_repeat_a_value()
        => Same("duplicate-set-item | test.yaml:8:16: error: spec.tags[2]: duplicate item string \"a\" (same as index 0) (a set lists each value once: remove the duplicate)",
            One("size: 1\ntags: [a, b, a]"));

    [Fact]
    public void A_map_list_may_not_repeat_its_keys_and_missing_keys_take_their_default()
    {
        var d = Validate(WidgetYaml("size: 1\nentries:\n  - port: 80\n  - port: 80\n    protocol: TCP"));
        Same(
            "duplicate-list-map-key | test.yaml:10:7: error: spec.entries[1]: duplicate entry port=80, protocol=TCP (same as index 0) (each item needs a unique port and protocol)",
            Format(d));
        var defaulted = Validate(WidgetYaml("size: 1\nentries:\n  - port: 80\n    protocol: TCP\n  - port: 80"));
        Same(
            "duplicate-list-map-key | test.yaml:11:7: error: spec.entries[1]: duplicate entry port=80, protocol=TCP (same as index 0) (each item needs a unique port and protocol; protocol defaults to TCP when not set)",
            Format(defaulted));
    }

    [Fact]
    public void An_embedded_resource_allows_apiVersion_kind_and_metadata_and_requires_the_first_two()
    {
        Assert.Empty(Validate(WidgetYaml("size: 1\ntemplate: {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {}}")));
        Same(
            "embedded-resource | test.yaml:8:13: error: spec.template: missing required field \"kind\" of the embedded object",
            One("size: 1\ntemplate: {apiVersion: v1}"));
    }

    [Fact]
    public void OneOf_requires_exactly_one_branch()
    {
        Same("one-of | test.yaml:8:11: error: spec.source: object matches 2 of the allowed forms, but must match exactly one (with git; with oci)",
            One("size: 1\nsource: {git: a, oci: b}"));
        Same("one-of | test.yaml:8:11: error: spec.source: object matches none of the allowed forms (with git; with oci)",
            One("size: 1\nsource: {}"));
    }

    [Fact]
    public void AnyOf_and_not_are_checked()
    {
        Same("any-of | test.yaml:8:11: error: spec.target: object matches none of the allowed forms (with a; with b)",
            One("size: 1\ntarget: {}"));
        Same("not | test.yaml:8:11: error: spec.target: object matches a form that is not allowed here",
            One("size: 1\ntarget: {a: x, b: z}"));
    }

    [Fact]
    public void Cel_rules_are_not_evaluated_and_only_noted_when_asked()
    {
        Assert.Empty(Validate(WidgetYaml("size: 1\nchecked: {}")));
        var d = Assert.Single(Validate(WidgetYaml("size: 1\nchecked: {}"), new ValidatorOptions { ReportUnevaluatedCelRules = true }));
        Same(
            "test.yaml:8:12: warning: spec.checked: x-kubernetes-validations rule not evaluated: x or y must be set (the API server checks this CEL rule on apply; okegitops does not evaluate CEL)",
            d.ToString());
    }

    [Fact]
    public void Several_problems_are_reported_in_document_order()
    {
        var d = Validate(WidgetYaml("mode: auto\nrepoUrl: x\nsize: \"1\""));
        Same(
            "enum | test.yaml:7:9: error: spec.mode: unsupported value \"auto\": must be one of \"Automatic\", \"Manual\", \"Off\"\n" +
            "unknown-field | test.yaml:8:3: error: spec.repoUrl: unknown field \"repoUrl\" (did you mean \"repoURL\"?)\n" +
            "type | test.yaml:9:9: error: spec.size: must be of type integer, got string \"1\" (write the number without quotes: 1)",
            Format(d));
    }
}

public class PatternDialectTests
{
    [Theory]
    [InlineData("^[a-z]+$", "^[a-z]+(?![\\s\\S])")]
    [InlineData("^a\\$b$", "^a\\$b(?![\\s\\S])")]
    [InlineData("^[$]+$", "^[$]+(?![\\s\\S])")]
    [InlineData("^[]$]$", "^[]$](?![\\s\\S])")]
    [InlineData("^[^]$]x", "^[^]$]x")]
    [InlineData("^(a|b$)", "^(a|b(?![\\s\\S]))")]
    [InlineData("abc", "abc")]
    public void Dollar_anchors_are_rewritten_to_end_of_text_as_in_RE2(string pattern, string expected)
        => Assert.Equal(expected, OkeGitOps.Manifests.Validation.Compiled.PatternCache.EndOfTextAnchors(pattern));

    [Fact]
    public void A_trailing_newline_does_not_satisfy_an_anchored_pattern()
    {
        var d = Assert.Single(TestSchemas.Validate(TestSchemas.WidgetYaml("size: 1\nslug: \"ab\\n\"")));
        Assert.Equal("spec.slug: \"ab\\n\" does not match the pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", $"{d.Path}: {d.Message}");
    }
}
