using System.Text.Encodings.Web;
using System.Text.Json;
using OkeGitOps.Manifests.Cli.Validate;
using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Cli.Output;

/// <summary>One JSON object: <c>{"summary": {...}, "documents": [...]}</c>, every input document listed.</summary>
internal sealed class JsonFormat : IResultFormat
{
    public void Write(TextWriter writer, IReadOnlyList<DocumentResult> results, ValidationSummary summary, bool includeSummary)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("summary");
            json.WriteNumber("files", summary.Files);
            json.WriteNumber("documents", summary.Documents);
            json.WriteNumber("valid", summary.Valid);
            json.WriteNumber("invalid", summary.Invalid);
            json.WriteNumber("skipped", summary.Skipped);
            json.WriteNumber("errors", summary.Errors);
            json.WriteNumber("warnings", summary.Warnings);
            json.WriteEndObject();
            json.WriteStartArray("documents");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("file", r.File);
                json.WriteNumber("index", r.Index);
                json.WriteNumber("line", r.Line);
                WriteNullable(json, "apiVersion", r.ApiVersion);
                WriteNullable(json, "kind", r.Kind);
                WriteNullable(json, "name", r.Name);
                WriteNullable(json, "namespace", r.Namespace);
                json.WriteString("status", r.StatusText);
                if (r.SkipReason is not null) json.WriteString("reason", r.SkipReason);
                json.WriteStartArray("diagnostics");
                foreach (var d in r.Diagnostics)
                {
                    json.WriteStartObject();
                    json.WriteString("severity", d.Severity == DiagnosticSeverity.Error ? "error" : "warning");
                    WriteNullable(json, "path", d.Path?.ToString());
                    json.WriteNumber("line", d.Location?.Line ?? r.Line);
                    json.WriteNumber("column", d.Location?.Column ?? 1);
                    json.WriteString("rule", d.Rule);
                    json.WriteString("message", d.Message);
                    WriteNullable(json, "suggestion", d.Suggestion);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
