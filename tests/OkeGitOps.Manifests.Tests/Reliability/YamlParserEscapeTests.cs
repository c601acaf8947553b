using System.Text;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Reliability;

/// <summary>
/// Regression tests for issue 14, "Found" 1: inputs on which YamlDotNet threw something other than a
/// YamlDotNet YamlException, which then escaped the reader. Every one must now be a located diagnostic.
/// </summary>
public class YamlParserEscapeTests
{
    public static TheoryData<string> EscapingInputs => new()
    {
        "...\na: 1\n",
        "a: [\nb\n",
        "kind: [\nb\n",
        "name: [{\nb\n",
        "name: {[\nb\n",
        "a: [\n",
        "kind: [\n",
        "name: [{\n",
        "name: {[\n",
    };

    [Theory]
    [MemberData(nameof(EscapingInputs))]
    public void Parser_failures_become_a_yaml_read_exception_with_file_line_and_column(string yaml)
    {
        var error = Assert.Throws<YamlReadException>(() => YamlReader.ReadAll(yaml, "broken.yaml")).Diagnostic;
        Assert.StartsWith("yaml-", error.Rule, StringComparison.Ordinal);
        Assert.True(error.IsError);
        Assert.Equal("broken.yaml", error.Location?.File);
        Assert.True(error.Location!.Line >= 1 && error.Location.Column >= 1, error.ToString());
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EscapingInputs))]
    public void Parser_failures_are_diagnostics_when_streaming_documents_too(string yaml)
    {
        var error = Assert.Throws<YamlReadException>(() => YamlReader.Read(new StringReader(yaml), "broken.yaml").ToList()).Diagnostic;
        Assert.Equal("broken.yaml", error.Location?.File);
    }

    [Fact]
    public void A_document_end_marker_before_content_is_reported_with_a_suggestion()
    {
        var error = Assert.Throws<YamlReadException>(() => YamlReader.ReadAll("...\na: 1\n", "end.yaml")).Diagnostic;
        Assert.Equal("yaml-syntax", error.Rule);
        Assert.NotNull(error.Suggestion);
        Assert.StartsWith("end.yaml:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_failures_from_a_file_larger_than_the_whole_read_limit_are_diagnostics()
    {
        var path = Path.Combine(Path.GetTempPath(), $"okegitops-large-{Guid.NewGuid():N}.yaml");
        try
        {
            var sb = new StringBuilder();
            while (sb.Length < 1_100_000) sb.Append("---\nkind: ConfigMap\ndata:\n  k: v\n");
            sb.Append("---\nname: [{\nb\n");
            File.WriteAllText(path, sb.ToString());
            var error = Assert.Throws<YamlReadException>(() => YamlReader.EnumerateFile(path).ToList()).Diagnostic;
            Assert.Equal(path, error.Location?.File);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("a: 1\n\0", 2, 1)]
    [InlineData("\0\0\0\0", 1, 1)]
    [InlineData("a: \"x\0y\"\n", 1, 6)]
    public void A_nul_anywhere_is_an_error_at_its_line_and_column_never_the_end_of_the_text(string yaml, int line, int column)
    {
        var error = Assert.Throws<YamlReadException>(() => YamlReader.ReadAll(yaml, "nul.yaml")).Diagnostic;
        Assert.Equal("nul.yaml:" + line + ":" + column + ": error: the text contains a NUL character (byte 0x00), which YAML does not allow (remove it; a file with NUL bytes is usually binary, not YAML)", error.ToString());
        var streamed = Assert.Throws<YamlReadException>(() => YamlReader.Read(new StringReader(yaml), "nul.yaml").ToList()).Diagnostic;
        Assert.Equal(error, streamed);
    }
}
