using OkeGitOps.Manifests.Cli.Output;

namespace OkeGitOps.Manifests.Cli.Tests.Output;

public class GitHubFormatTests
{
    [Fact]
    public void GitHub_format_writes_escaped_workflow_commands()
    {
        var writer = new StringWriter();
        new GitHubFormat().Write(writer, SampleResults.Results, SampleResults.Summary, includeSummary: false);
        Assert.Equal(
            "::error file=apps/guestbook.yaml,line=9,col=5,title=unknown-field::spec.source.repoUrl: unknown field 'repoUrl' (did you mean 'repoURL'?)\n" +
            "::warning file=apps/guestbook.yaml,line=7,col=1,title=deprecated::spec: a warning with, commas: and %25\n" +
            "::error file=broken.yaml,line=3,col=3,title=yaml-duplicate-key::duplicate key 'name' (keep one of the two)\n",
            writer.ToString().ReplaceLineEndings("\n"));
    }
}
