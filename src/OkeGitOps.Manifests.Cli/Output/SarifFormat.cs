using System.Text.Encodings.Web;
using System.Text.Json;
using OkeGitOps.Manifests.Cli.Validate;
using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Cli.Output;

/// <summary>SARIF 2.1.0 for GitHub code scanning: one run, one rule per rule id, one result per diagnostic.</summary>
internal sealed class SarifFormat : IResultFormat
{
    public void Write(TextWriter writer, IReadOnlyList<DocumentResult> results, ValidationSummary summary, bool includeSummary)
    {
        var diagnostics = results.SelectMany(r => r.Diagnostics.Select(d => (Result: r, Diagnostic: d))).ToList();
        var rules = diagnostics.Select(x => x.Diagnostic.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "okegitops");
            json.WriteString("informationUri", "https://www.nuget.org/packages/OkeGitOps.Manifests.Cli");
            json.WriteString("version", typeof(SarifFormat).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", $"okegitops rule {rule}");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var (result, d) in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", d.Rule);
                json.WriteNumber("ruleIndex", rules.IndexOf(d.Rule));
                json.WriteString("level", d.Severity == DiagnosticSeverity.Error ? "error" : "warning");
                json.WriteStartObject("message");
                var path = d.Path is null || d.Path.IsRoot ? "" : d.Path + ": ";
                json.WriteString("text", path + d.Message + (d.Suggestion is null ? "" : $" ({d.Suggestion})"));
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", ToUri(d.Location?.File ?? result.File));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", Math.Max(1, d.Location?.Line ?? result.Line));
                json.WriteNumber("startColumn", Math.Max(1, d.Location?.Column ?? 1));
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    // SARIF wants URIs: relative paths with forward slashes, each segment escaped.
    private static string ToUri(string file)
    {
        if (file == "-") return "stdin";
        var normalized = file.Replace('\\', '/');
        var segments = normalized.Split('/').Select(Uri.EscapeDataString);
        var joined = string.Join('/', segments);
        return Path.IsPathRooted(file) ? "file://" + joined : joined;
    }
}
