using OkeGitOps.Manifests.AppSets.GoTemplate;
using Engine = OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate;

namespace OkeGitOps.Manifests.Tests.AppSets.GoTemplate;

/// <summary>
/// <c>semver</c> and <c>semverCompare</c> against Masterminds semver v3's documented rules. Each expectation is worked out
/// from those rules (caret and tilde ranges, wildcards, hyphen ranges, prerelease exclusion), not taken from this engine.
/// </summary>
public class SprigSemverTests
{
    public static TheoryData<string, string, bool> Constraints => new()
    {
        // Plain and explicit equality; a leading v is allowed on both sides; build metadata is ignored.
        { "1.2.3", "1.2.3", true },
        { "=1.2.3", "1.2.4", false },
        { "v1.2.3", "1.2.3", true },
        { "1.2.3", "1.2.3+build.7", true },
        { "!=1.2.3", "1.2.4", true },
        { "!=1.2.3", "1.2.3", false },
        // Comparisons, including the => and =< spellings.
        { ">1.2.3", "1.2.4", true },
        { ">1.2.3", "1.2.3", false },
        { "<1.2.3", "1.2.2", true },
        { ">=1.2.3", "1.2.3", true },
        { "<=1.2.3", "1.2.4", false },
        { "=>1.2.3", "1.3.0", true },
        { "=<1.2.3", "1.2.3", true },
        // Tilde: patch updates only when minor is given, minor updates when only the major is.
        { "~1.2.3", "1.2.9", true },
        { "~1.2.3", "1.3.0", false },
        { "~1.2.3", "1.2.2", false },
        { "~1", "1.9.9", true },
        { "~1", "2.0.0", false },
        { "~>1.2", "1.2.5", true },
        { "~0.0.0", "5.0.0", true },
        // Caret: up to the next major, or the next minor/patch while the leading parts are zero.
        { "^1.2.3", "1.9.0", true },
        { "^1.2.3", "2.0.0", false },
        { "^0.2.3", "0.2.9", true },
        { "^0.2.3", "0.3.0", false },
        { "^0.0.3", "0.0.3", true },
        { "^0.0.3", "0.0.4", false },
        { "^0", "0.9.9", true },
        { "^0.0", "0.1.0", false },
        // Wildcards: x, X and * in any place; a missing place counts as a wildcard.
        { "1.2.x", "1.2.7", true },
        { "1.2.x", "1.3.0", false },
        { "1.x", "1.5.0", true },
        { "2.X", "2.1.1", true },
        { "*", "3.4.5", true },
        { ">1.x", "2.0.0", true },
        { ">1.x", "1.9.0", false },
        { ">1.2", "1.2.9", false },
        { ">1.2", "1.3.0", true },
        { "<=1.2", "1.2.9", true },
        { "<=1.2", "1.3.0", false },
        { "!=1.x", "1.5.0", false },
        { "!=1.x", "2.0.0", true },
        // Hyphen ranges are inclusive on both ends.
        { "1.2 - 1.4.5", "1.4.5", true },
        { "1.2 - 1.4.5", "1.4.6", false },
        { "1.2 - 1.4.5", "1.1.9", false },
        // AND with a comma or a space, OR with ||.
        { ">= 1.2, < 2", "1.9.9", true },
        { ">= 1.2, < 2", "2.0.0", false },
        { ">=1.0.0 <2.0.0", "2.0.0", false },
        { "<1.0.0 || >=2.0.0", "0.5.0", true },
        { "<1.0.0 || >=2.0.0", "1.5.0", false },
        { "1.2.3 || 2.x", "2.9.9", true },
        // Prereleases only match a condition that names a prerelease; then they compare by SemVer precedence.
        { "*", "1.0.0-beta", false },
        { ">=1.2.3", "1.2.4-beta", false },
        { "<1.2.3", "1.2.3-rc.1", false },
        { "=1.2", "1.2.0-alpha", false },
        { ">=1.2.3-0", "1.2.3-beta", true },
        { ">1.2.3-alpha.1", "1.2.3-alpha.2", true },
        { ">1.2.3-alpha.10", "1.2.3-alpha.9", false },
        { "^1.2.3-beta.2", "1.2.3-beta.4", true },
        { "^1.2.3-beta.2", "1.2.4-beta.1", true },
        { "<1.2.3-beta", "1.2.3-alpha", true },
    };

    [Theory]
    [MemberData(nameof(Constraints))]
    public void SemverCompare_follows_masterminds_constraint_rules(string constraint, string version, bool expected)
        => Assert.Equal(expected ? "true" : "false", Engine.Render("{{ semverCompare .c .v }}", new Dictionary<string, object?> { ["c"] = constraint, ["v"] = version }));

    [Theory]
    [InlineData("Major", "1")]
    [InlineData("Minor", "2")]
    [InlineData("Patch", "3")]
    [InlineData("Prerelease", "beta.1")]
    [InlineData("Metadata", "build.5")]
    [InlineData("Original", "v1.2.3-beta.1+build.5")]
    [InlineData("String", "1.2.3-beta.1+build.5")]
    public void Semver_exposes_the_version_parts_as_fields(string field, string expected)
        => Assert.Equal(expected, Engine.Render("{{ (semver \"v1.2.3-beta.1+build.5\")." + field + " }}", null));

    [Theory]
    [InlineData("{{ semver \"v1.2\" }}", "1.2.0")]
    [InlineData("{{ semver \"3\" }}", "3.0.0")]
    [InlineData("{{ (semver \"v1.2.3-beta\").IncMinor }}", "1.3.0")]
    [InlineData("{{ (semver \"v1.2.3-beta\").IncMinor.Original }}", "v1.3.0")]
    [InlineData("{{ (semver \"1.2.3-beta\").IncPatch }}", "1.2.3")]
    [InlineData("{{ (semver \"1.2.3\").IncPatch }}", "1.2.4")]
    [InlineData("{{ (semver \"1.2.3\").IncMajor }}", "2.0.0")]
    [InlineData("{{ (semver \"1.2.3\").SetPrerelease \"rc.1\" }}", "1.2.3-rc.1")]
    [InlineData("{{ (semver \"1.2.3\").SetMetadata \"sha.abc\" }}", "1.2.3+sha.abc")]
    [InlineData("{{ (semver \"1.2.3\").LessThan (semver \"1.10.0\") }}", "true")]
    [InlineData("{{ (semver \"1.2.3\").GreaterThan (semver \"1.2.3-rc.1\") }}", "true")]
    [InlineData("{{ (semver \"1.2.3+a\").Equal (semver \"1.2.3+b\") }}", "true")]
    [InlineData("{{ (semver \"1.0.0\").Compare (semver \"2.0.0\") }}", "-1")]
    [InlineData("{{ typeOf (semver \"1.0.0\") }}|{{ kindOf (semver \"1.0.0\") }}", "*semver.Version|ptr")]
    [InlineData("{{ deepEqual (semver \"1.2.3\") (semver \"1.2.3\") }}|{{ deepEqual (semver \"1.2.3\") (semver \"v1.2.3\") }}", "true|false")]
    [InlineData("{{ $v := semver \"2.5.1\" }}{{ if gt $v.Major 1 }}new{{ else }}old{{ end }}", "new")]
    public void Semver_values_have_masterminds_methods(string template, string expected)
        => Assert.Equal(expected, Engine.Render(template, null));

    [Theory]
    [InlineData("{{ semver \"1.2.3.4\" }}", "error calling semver: Invalid Semantic Version")]
    [InlineData("{{ semver \"1.2.3-01\" }}", "error calling semver: Version segment starts with 0")]
    [InlineData("{{ semverCompare \"nope\" \"1.0.0\" }}", "error calling semverCompare: improper constraint: nope")]
    [InlineData("{{ semverCompare \">=1.0 ||\" \"1.0.0\" }}", "error calling semverCompare: improper constraint: ")]
    [InlineData("{{ semverCompare \"^1\" \"x.y\" }}", "error calling semverCompare: Invalid Semantic Version")]
    public void Invalid_versions_and_constraints_fail_with_masterminds_messages(string template, string expected)
    {
        var e = Assert.Throws<GoTemplateException>(() => Engine.Render(template, null));
        Assert.EndsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("template: :1:3: executing \"\" at <semver", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_or_crafted_constraint_fails_in_bounded_time()
    {
        var crafted = string.Join("  ", Enumerable.Repeat(">= 1.0.0", 3000)) + " ,,";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<GoTemplateException>(() => Engine.Render("{{ semverCompare .c \"1.0.0\" }}", new Dictionary<string, object?> { ["c"] = crafted }));
        Assert.Contains("error calling semverCompare: improper constraint: ", e.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
