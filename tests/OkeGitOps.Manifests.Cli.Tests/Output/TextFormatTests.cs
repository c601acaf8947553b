using OkeGitOps.Manifests.Cli.Output;

namespace OkeGitOps.Manifests.Cli.Tests.Output;

public class TextFormatTests
{
    [Fact]
    public void Text_format_prints_one_line_per_diagnostic_with_location_path_and_suggestion()
    {
        var writer = new StringWriter();
        new TextFormat().Write(writer, SampleResults.Results, SampleResults.Summary, includeSummary: true);
        Assert.Equal(
            "apps/guestbook.yaml:9:5: error: spec.source.repoUrl: unknown field 'repoUrl' (did you mean 'repoURL'?)\n" +
            "apps/guestbook.yaml:7:1: warning: spec: a warning with, commas: and %\n" +
            "broken.yaml:3:3: error: duplicate key 'name' (keep one of the two)\n" +
            "Summary: 4 documents in 3 files: 1 valid, 1 invalid, 1 error, 1 skipped, 1 warning\n",
            writer.ToString().ReplaceLineEndings("\n"));
    }
}
