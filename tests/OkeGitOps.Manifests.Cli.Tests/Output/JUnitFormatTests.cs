using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using OkeGitOps.Manifests.Cli.Output;

namespace OkeGitOps.Manifests.Cli.Tests.Output;

public class JUnitFormatTests
{
    private static string Render()
    {
        var writer = new StringWriter();
        new JUnitFormat().Write(writer, SampleResults.Results, SampleResults.Summary, includeSummary: false);
        return writer.ToString();
    }

    [Fact]
    public void JUnit_output_is_valid_against_the_junit_xsd()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Output", "junit.xsd"));
        var errors = new List<string>();
        XDocument.Parse(Render()).Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
    }

    [Fact]
    public void JUnit_output_has_a_suite_per_file_and_a_case_per_document()
    {
        var doc = XDocument.Parse(Render());
        var suites = doc.Root!.Elements("testsuite").ToList();
        Assert.Equal(["apps/guestbook.yaml", "apps/values.yaml", "broken.yaml"], suites.Select(s => (string)s.Attribute("name")!));
        Assert.Equal("1", (string)suites[0].Attribute("failures")!);
        var failure = suites[0].Elements("testcase").First().Element("failure")!;
        Assert.Equal("unknown field 'repoUrl'", (string)failure.Attribute("message")!);
        Assert.NotNull(suites[1].Element("testcase")!.Element("skipped"));
        Assert.NotNull(suites[2].Element("testcase")!.Element("error"));
    }
}
