namespace OkeGitOps.Manifests.Tests.Reliability;

/// <summary>The "tests themselves" part of issue 14: in CI a missing ../shared fails; locally it is a skip with a reason.</summary>
public class TestPathsTests
{
    [Fact]
    public void A_missing_shared_folder_fails_in_ci()
    {
        var e = Assert.Throws<Xunit.Sdk.XunitException>(() => TestPaths.RequiredInCi(null, "../shared", inCi: true));
        Assert.Contains("../shared is missing", e.Message);
    }

    [Fact]
    public void A_missing_shared_folder_is_null_locally_so_tests_can_skip()
        => Assert.Null(TestPaths.RequiredInCi(null, "../shared", inCi: false));

    [Fact]
    public void A_present_folder_is_passed_through_in_ci()
        => Assert.Equal("/x", TestPaths.RequiredInCi("/x", "../shared", inCi: true));
}
