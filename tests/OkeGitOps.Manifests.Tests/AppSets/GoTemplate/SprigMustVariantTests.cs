using OkeGitOps.Manifests.AppSets.GoTemplate;
using Engine = OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate;

namespace OkeGitOps.Manifests.Tests.AppSets.GoTemplate;

/// <summary>
/// Where Sprig's plain function swallows a problem and its <c>must</c> variant reports it, and where both fail alike
/// (Sprig panics in the plain one, which Go's template engine reports as the same error).
/// </summary>
public class SprigMustVariantTests
{
    private static string Render(string template) => Engine.Render(template, new Dictionary<string, object?> { ["s"] = "abc", ["n"] = 1.5 });

    private static string Error(string template) => Assert.Throws<GoTemplateException>(() => Render(template)).Message;

    [Theory]
    [InlineData("{{ regexMatch \"(\" \"x\" }}", "false")]
    [InlineData("{{ fromJson \"{\" }}", "<no value>")]
    [InlineData("{{ toJson (float64 \"NaN\") }}", "")]
    [InlineData("{{ toPrettyJson (list (float64 \"Infinity\")) }}", "")]
    [InlineData("{{ dateModify \"soon\" (toDate \"2006\" \"2024\") | date \"2006\" }}", "2024")]
    [InlineData("{{ toDate \"2006\" \"later\" | date \"2006\" }}", "0001")]
    [InlineData("{{ has 1 nil }}", "false")]
    [InlineData("{{ b32dec \"!!!!!!!!\" }}", "illegal base32 data at input byte 0")]
    public void The_plain_function_swallows_the_problem(string template, string expected)
        => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ mustRegexMatch \"(\" \"x\" }}", "error calling mustRegexMatch: error parsing regexp")]
    [InlineData("{{ mustFromJson \"{\" }}", "error calling mustFromJson: ")]
    [InlineData("{{ mustToJson (float64 \"NaN\") }}", "error calling mustToJson: json: unsupported value: NaN")]
    [InlineData("{{ mustToRawJson (dict \"x\" (float64 \"-Infinity\")) }}", "error calling mustToRawJson: json: unsupported value: -Inf")]
    [InlineData("{{ mustDateModify \"soon\" (toDate \"2006\" \"2024\") }}", "error calling mustDateModify: time: invalid duration \"soon\"")]
    [InlineData("{{ mustToDate \"2006\" \"later\" }}", "error calling mustToDate: parsing time \"later\" as \"2006\": cannot parse \"later\" as \"2006\"")]
    public void The_must_variant_reports_it(string template, string expected)
        => Assert.Contains(expected, Error(template), StringComparison.Ordinal);

    [Theory]
    [InlineData("first", "{{ first .s }}", "Cannot find first on type string")]
    [InlineData("mustFirst", "{{ mustFirst .s }}", "Cannot find first on type string")]
    [InlineData("mustLast", "{{ mustLast .n }}", "Cannot find last on type float64")]
    [InlineData("mustRest", "{{ mustRest (dict) }}", "Cannot find rest on type map")]
    [InlineData("mustInitial", "{{ mustInitial .s }}", "Cannot find initial on type string")]
    [InlineData("mustAppend", "{{ mustAppend .s 1 }}", "Cannot push on type string")]
    [InlineData("mustPush", "{{ mustPush .s 1 }}", "Cannot push on type string")]
    [InlineData("mustPrepend", "{{ mustPrepend .s 1 }}", "Cannot prepend on type string")]
    [InlineData("mustReverse", "{{ mustReverse .s }}", "Cannot find reverse on type string")]
    [InlineData("mustUniq", "{{ mustUniq .s }}", "Cannot find uniq on type string")]
    [InlineData("mustWithout", "{{ mustWithout .s 1 }}", "Cannot find without on type string")]
    [InlineData("mustHas", "{{ mustHas 1 .s }}", "Cannot find has on type string")]
    [InlineData("has", "{{ has 1 .s }}", "Cannot find has on type string")]
    [InlineData("mustCompact", "{{ mustCompact .s }}", "Cannot compact on type string")]
    [InlineData("mustSlice", "{{ mustSlice .s 1 }}", "list should be type of slice or array but string")]
    [InlineData("slice", "{{ slice .s 1 }}", "list should be type of slice or array but string")]
    [InlineData("mustSlice", "{{ mustSlice (list 1 2) 1 5 }}", "reflect.Value.Slice: slice index out of bounds")]
    [InlineData("mustChunk", "{{ mustChunk 2 .s }}", "Cannot chunk type string")]
    [InlineData("mustRegexFind", "{{ mustRegexFind \"[\" \"x\" }}", "error parsing regexp")]
    [InlineData("regexFind", "{{ regexFind \"[\" \"x\" }}", "error parsing regexp")]
    [InlineData("mustRegexFindAll", "{{ mustRegexFindAll \"[\" \"x\" -1 }}", "error parsing regexp")]
    [InlineData("mustRegexReplaceAll", "{{ mustRegexReplaceAll \"[\" \"x\" \"y\" }}", "error parsing regexp")]
    [InlineData("mustRegexReplaceAllLiteral", "{{ mustRegexReplaceAllLiteral \"[\" \"x\" \"y\" }}", "error parsing regexp")]
    [InlineData("mustRegexSplit", "{{ mustRegexSplit \"[\" \"x\" -1 }}", "error parsing regexp")]
    public void List_and_regex_functions_fail_with_sprigs_message(string function, string template, string expected)
    {
        var message = Error(template);
        Assert.Contains($"error calling {function}: ", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ slice (list) 0 }}", "<no value>")]
    [InlineData("{{ chunk 3 (list) }}", "[]")]
    [InlineData("{{ mustFirst (list) }}", "<no value>")]
    [InlineData("{{ regexQuoteMeta \"a.b c[d]\" }}", "a\\.b c\\[d\\]")]
    [InlineData("{{ splitList \"\" \"abc\" }}", "[a b c]")]
    [InlineData("{{ wrap 10 \"a veryveryverylongword here\" }}", "a\nveryveryverylongword\nhere")]
    [InlineData("{{ wrapWith 4 \"|\" \"abcdefgh ij\" }}", "abcd|efgh|ij")]
    [InlineData("{{ abbrevboth 0 6 \"1234567890\" }}", "123...")]
    [InlineData("{{ abbrevboth 5 6 \"1234567890\" }}", "1234567890")]
    [InlineData("{{ divf 1 4 2 }}|{{ mulf 0.1 0.2 }}|{{ subf 1 0.9 }}", "0.125|0.02|0.1")]
    [InlineData("{{ toDecimal 777 }}|{{ toDecimal \"-10\" }}", "511|-8")]
    [InlineData("{{ maxf 1 (float64 \"NaN\") }}", "NaN")]
    public void Edge_cases_follow_sprig_and_go(string template, string expected)
        => Assert.Equal(expected, Render(template));

    [Fact]
    public void Decimal_division_by_zero_fails()
        => Assert.Contains("error calling divf: decimal division by zero", Error("{{ divf 1 0 }}"), StringComparison.Ordinal);

    [Theory]
    [InlineData("scheme", "https")]
    [InlineData("host", "example.com:8443")]
    [InlineData("hostname", "example.com")]
    [InlineData("path", "/a b/c")]
    [InlineData("query", "x=1&y=2")]
    [InlineData("fragment", "top")]
    [InlineData("userinfo", "user:pa%20ss")]
    [InlineData("opaque", "")]
    public void UrlParse_splits_a_url_like_net_url(string field, string expected)
        => Assert.Equal(expected, Engine.Render("{{ get (urlParse \"https://user:pa%20ss@example.com:8443/a%20b/c?x=1&y=2#top\") \"" + field + "\" }}", null));

    [Theory]
    [InlineData("{{ urlParse \"mailto:ops@example.com\" | toJson }}", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"ops@example.com\",\"path\":\"\",\"query\":\"\",\"scheme\":\"mailto\",\"userinfo\":\"\"}")]
    [InlineData("{{ urlParse \"https://u:p@example.com/x?q=1#f\" | urlJoin }}", "https://u:p@example.com/x?q=1#f")]
    [InlineData("{{ urlJoin (dict \"host\" \"example.com\" \"path\" \"a\") }}", "//example.com/a")]
    [InlineData("{{ urlJoin (dict \"path\" \"a:b/c\") }}", "./a:b/c")]
    [InlineData("{{ urlJoin (dict \"scheme\" \"mailto\" \"opaque\" \"ops@example.com\") }}", "mailto:ops@example.com")]
    public void UrlParse_and_urlJoin_round_trip(string template, string expected)
        => Assert.Equal(expected, Engine.Render(template, null));
}
