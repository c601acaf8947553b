using System.Text.Json;
using OkeGitOps.Manifests.Cli.Output;

namespace OkeGitOps.Manifests.Cli.Tests.Output;

public class JsonFormatTests
{
    [Fact]
    public void Json_format_lists_every_document_with_status_and_diagnostics()
    {
        var writer = new StringWriter();
        new JsonFormat().Write(writer, SampleResults.Results, SampleResults.Summary, includeSummary: false);
        using var json = JsonDocument.Parse(writer.ToString());
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("summary").GetProperty("documents").GetInt32());
        var docs = root.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["invalid", "valid", "skipped", "error"], docs.Select(d => d.GetProperty("status").GetString()));
        var first = docs[0];
        Assert.Equal("apps/guestbook.yaml", first.GetProperty("file").GetString());
        Assert.Equal(0, first.GetProperty("index").GetInt32());
        Assert.Equal("Application", first.GetProperty("kind").GetString());
        Assert.Equal("argocd", first.GetProperty("namespace").GetString());
        var d = first.GetProperty("diagnostics")[0];
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("spec.source.repoUrl", d.GetProperty("path").GetString());
        Assert.Equal(9, d.GetProperty("line").GetInt32());
        Assert.Equal(5, d.GetProperty("column").GetInt32());
        Assert.Equal("unknown-field", d.GetProperty("rule").GetString());
        Assert.Equal("did you mean 'repoURL'?", d.GetProperty("suggestion").GetString());
        Assert.Equal("Helm values file", docs[2].GetProperty("reason").GetString());
    }
}
