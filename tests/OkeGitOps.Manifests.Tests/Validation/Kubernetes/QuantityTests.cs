using FsCheck;
using FsCheck.Fluent;
using OkeGitOps.Manifests.Validation.Kubernetes;
using static OkeGitOps.Manifests.Tests.Validation.Kubernetes.BuiltInKinds;
using static OkeGitOps.Manifests.Tests.Validation.TestSchemas;

namespace OkeGitOps.Manifests.Tests.Validation.Kubernetes;

public class QuantityTests
{
    [Theory]
    [InlineData("500m")]
    [InlineData("1Gi")]
    [InlineData("1.5")]
    [InlineData("0")]
    [InlineData("1e3")]
    [InlineData("1E-2")]
    [InlineData("+2k")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("128974848")]
    [InlineData("129M")]
    [InlineData("100n")]
    [InlineData("8Ei")]
    public void Quantities_the_API_server_reads_are_accepted(string text)
        => Assert.Null(Quantity.Problem(text, out _));

    [Theory]
    [InlineData("1.5.5Gi", "a quantity has at most one sign and one decimal point")]
    [InlineData("1GB", "GB is not a unit: use Ki, Mi, Gi (powers of 1024) or k, M, G (powers of 1000)")]
    [InlineData("1K", "K is not a unit: use Ki, Mi, Gi (powers of 1024) or k, M, G (powers of 1000)")]
    [InlineData("2 cores", "a quantity may not contain spaces")]
    [InlineData("Gi", "a quantity starts with a number, such as 500m or 1Gi")]
    [InlineData("", "a quantity may not be empty")]
    [InlineData("1e", "the unit e is unknown: use Ki, Mi, Gi, Ti, Pi, Ei; n, u, m, k, M, G, T, P, E; or an exponent such as e3")]
    [InlineData("--1", "a quantity has at most one sign and one decimal point")]
    public void Malformed_quantities_are_refused_with_the_reason(string text, string problem)
        => Assert.Equal(problem, Quantity.Problem(text, out _));

    [Theory]
    [InlineData("1Gi", "1024Mi", 0)]
    [InlineData("1G", "1Gi", -1)]
    [InlineData("500m", "0.5", 0)]
    [InlineData("1", "999m", 1)]
    [InlineData("1e3", "1k", 0)]
    [InlineData("0.1n", "1n", 0)]
    public void Quantities_compare_by_value_whatever_their_unit(string a, string b, int expected)
    {
        Assert.Null(Quantity.Problem(a, out var qa));
        Assert.Null(Quantity.Problem(b, out var qb));
        Assert.Equal(expected, Math.Sign(qa.CompareTo(qb)));
    }

    private static readonly string[] Suffixes = ["", "m", "k", "M", "G", "T", "Ki", "Mi", "Gi", "Ti", "n", "u"];

    /// <summary>Canonical quantities as Kubernetes writes them: a whole number and a suffix.</summary>
    private static readonly Gen<string> Canonical =
        from number in Gen.Choose(0, 1_000_000)
        from suffix in Gen.Elements(Suffixes)
        select number.ToString(System.Globalization.CultureInfo.InvariantCulture) + suffix;

    [Fact]
    public void Every_canonical_quantity_is_accepted_and_equals_itself_scaled_by_its_unit()
    {
        var property = Prop.ForAll(Arb.From(Canonical), text =>
        {
            if (Quantity.Problem(text, out var q) is not null) return false;
            // The same amount one unit step down (×1000 or ×1024) compares equal.
            var digits = text.TrimEnd('m', 'k', 'M', 'G', 'T', 'K', 'i', 'n', 'u');
            var suffix = text[digits.Length..];
            var (down, factor) = suffix switch
            {
                "k" => ("", 1000), "M" => ("k", 1000), "G" => ("M", 1000), "T" => ("G", 1000), "" => ("m", 1000), "m" => ("u", 1000), "u" => ("n", 1000),
                "Mi" => ("Ki", 1024), "Gi" => ("Mi", 1024), "Ti" => ("Gi", 1024), "Ki" => ("", 1024),
                _ => (suffix, 1),
            };
            var scaled = (long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) * factor).ToString(System.Globalization.CultureInfo.InvariantCulture) + down;
            return Quantity.Problem(scaled, out var q2) is null && q.CompareTo(q2) == 0;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true), property);
    }

    [Fact]
    public void A_quantity_with_a_second_point_or_sign_is_always_refused()
    {
        var property = Prop.ForAll(Arb.From(Canonical), Arb.From(Gen.Elements(".5", ".", "+1", "-")), (text, tail) =>
        {
            var digits = text.TrimEnd('m', 'k', 'M', 'G', 'T', 'K', 'i', 'n', 'u');
            return Quantity.Problem(digits + ".1" + tail + text[digits.Length..], out _) is not null;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true), property);
    }

    [Fact]
    public void A_malformed_container_quantity_is_reported_at_its_path()
        => Same(
            "quantity-invalid | test.yaml:20:23: error: spec.template.spec.containers[0].resources.limits.memory: \"1.5.5Gi\" is not a quantity: a quantity has at most one sign and one decimal point (write a number with an optional unit, e.g. 500m, 2, 512Mi, 1Gi)",
            Findings(Container("resources:\n  requests: {cpu: 500m, memory: 1Gi}\n  limits:\n    memory: 1.5.5Gi")));

    [Fact]
    public void Numbers_are_quantities_too()
        => Same("", Findings(Container("resources:\n  requests: {cpu: 0.5, memory: 1073741824}\n  limits: {cpu: 1}")));

    [Fact]
    public void A_negative_amount_is_refused()
        => Same(
            "resource-quantity | test.yaml:19:20: error: spec.template.spec.containers[0].resources.requests.cpu: \"-1\" must not be negative",
            Findings(Container("resources:\n  requests:\n    cpu: -1")));

    [Fact]
    public void An_emptyDir_size_limit_is_a_quantity()
        => Same(
            "quantity-invalid | test.yaml:17:33: error: spec.template.spec.volumes[0].emptyDir.sizeLimit: \"1 GB\" is not a quantity: a quantity may not contain spaces (write a number with an optional unit, e.g. 500m, 2, 512Mi, 1Gi)",
            Findings(Deployment("containers: [{name: app, image: nginx}]\nvolumes:\n  - name: scratch\n    emptyDir: {sizeLimit: 1 GB}")));
}
