using System.Xml;
using OkeGitOps.Manifests.Cli.Validate;

namespace OkeGitOps.Manifests.Cli.Output;

/// <summary>
/// JUnit XML as GitLab and Jenkins read it: one <c>testsuite</c> per input file, one <c>testcase</c> per document,
/// a <c>failure</c> for an invalid document, an <c>error</c> for an unreadable one, <c>skipped</c> for skipped ones.
/// </summary>
internal sealed class JUnitFormat : IResultFormat
{
    public void Write(TextWriter writer, IReadOnlyList<DocumentResult> results, ValidationSummary summary, bool includeSummary)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", OmitXmlDeclaration = false, NewLineChars = "\n" };
        using var xml = XmlWriter.Create(writer, settings);
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "okegitops validate");
        xml.WriteAttributeString("tests", results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", summary.Invalid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", summary.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var id = 0;
        foreach (var group in results.GroupBy(r => r.File))
        {
            var docs = group.ToList();
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", group.Key);
            xml.WriteAttributeString("tests", Count(docs.Count));
            xml.WriteAttributeString("failures", Count(docs.Count(d => d.Status == DocumentStatus.Invalid)));
            xml.WriteAttributeString("errors", Count(docs.Count(d => d.Status == DocumentStatus.Error)));
            xml.WriteAttributeString("skipped", Count(docs.Count(d => d.Status == DocumentStatus.Skipped)));
            xml.WriteAttributeString("id", Count(id++));
            xml.WriteAttributeString("package", "okegitops");
            xml.WriteAttributeString("hostname", "localhost");
            xml.WriteAttributeString("timestamp", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteAttributeString("time", "0");
            xml.WriteStartElement("properties");
            xml.WriteEndElement();
            foreach (var doc in docs)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", $"{doc.Kind ?? "?"}/{(doc.Namespace is null ? "" : doc.Namespace + "/")}{doc.Name ?? "?"} (document {doc.Index})");
                xml.WriteAttributeString("classname", doc.ApiVersion is null ? (doc.Kind ?? "document") : $"{doc.ApiVersion}/{doc.Kind}");
                xml.WriteAttributeString("time", "0");
                var messages = string.Join("\n", doc.Diagnostics.Select(d => d.ToString()));
                switch (doc.Status)
                {
                    case DocumentStatus.Invalid:
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", doc.Diagnostics.FirstOrDefault(d => d.IsError)?.Message ?? "invalid");
                        xml.WriteAttributeString("type", "invalid");
                        xml.WriteString(messages);
                        xml.WriteEndElement();
                        break;
                    case DocumentStatus.Error:
                        xml.WriteStartElement("error");
                        xml.WriteAttributeString("message", doc.Diagnostics.FirstOrDefault()?.Message ?? "error");
                        xml.WriteAttributeString("type", "error");
                        xml.WriteString(messages);
                        xml.WriteEndElement();
                        break;
                    case DocumentStatus.Skipped:
                        xml.WriteStartElement("skipped");
                        xml.WriteEndElement();
                        break;
                }
                xml.WriteEndElement();
            }
            xml.WriteElementString("system-out", "");
            xml.WriteElementString("system-err", "");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.Flush();
        writer.WriteLine();
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
