using System.Text.Encodings.Web;
using System.Text.Json;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Cli.AppSets;

/// <summary>The JSON and table forms of <c>okegitops appset preview</c>'s output.</summary>
internal static class AppSetPreviewOutput
{
    /// <summary>A JSON array of the Applications, keys in the emitter's order, two-space indentation.</summary>
    public static void WriteJson(TextWriter writer, IEnumerable<MappingNode> applications)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var app in applications) Write(json, app, isDocumentRoot: true, isMetadataValue: false);
            json.WriteEndArray();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal));
        writer.Write('\n');
    }

    /// <summary>Writes a node with the YAML emitter's key order (<see cref="YamlEmitter"/>), so both outputs agree.</summary>
    private static void Write(Utf8JsonWriter json, ManifestNode node, bool isDocumentRoot, bool isMetadataValue)
    {
        switch (node)
        {
            case MappingNode m:
                json.WriteStartObject();
                foreach (var e in YamlEmitter.OrderedEntries(m, isDocumentRoot, isMetadataValue))
                {
                    json.WritePropertyName(e.Key);
                    Write(json, e.Value, isDocumentRoot: false, isMetadataValue: e.Key == "metadata");
                }
                json.WriteEndObject();
                break;
            case SequenceNode s:
                json.WriteStartArray();
                foreach (var item in s) Write(json, item, isDocumentRoot: false, isMetadataValue: false);
                json.WriteEndArray();
                break;
            case StringNode s:
                json.WriteStringValue(s.Value);
                break;
            case IntegerNode i:
                json.WriteNumberValue(i.Value);
                break;
            case NumberNode n:
                json.WriteNumberValue(n.Value);
                break;
            case BooleanNode b:
                json.WriteBooleanValue(b.Value);
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    /// <summary>One row per Application: name, project, cluster, namespace, source and revision, in aligned columns.</summary>
    public static void WriteTable(TextWriter writer, IReadOnlyList<(string AppSet, MappingNode App)> applications)
    {
        var rows = new List<string[]> { new[] { "APPSET", "NAME", "PROJECT", "CLUSTER", "NAMESPACE", "SOURCE", "REVISION" } };
        foreach (var (appSet, app) in applications)
        {
            var source = app.At(NodePath.Parse("spec.source")) as MappingNode
                ?? (app.At(NodePath.Parse("spec.sources")) as SequenceNode)?.OfType<MappingNode>().FirstOrDefault();
            var sourceCount = (app.At(NodePath.Parse("spec.sources")) as SequenceNode)?.Count ?? 0;
            var where = source is null ? "" : source.GetString("repoURL") + (source.GetString("path") is { } p ? " (path " + p + ")" : source.GetString("chart") is { } c ? " (chart " + c + ")" : "");
            if (sourceCount > 1) where += $" (+{sourceCount - 1} more)";
            var destination = app.At(NodePath.Parse("spec.destination")) as MappingNode;
            rows.Add([
                appSet,
                Text(app, "metadata.name"),
                Text(app, "spec.project"),
                destination?.GetString("name") ?? destination?.GetString("server") ?? "",
                destination?.GetString("namespace") ?? "",
                where,
                source?.GetString("targetRevision") ?? "",
            ]);
        }
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            writer.Write(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
            writer.Write('\n');
        }
    }

    private static string Text(MappingNode app, string path) => app.At(NodePath.Parse(path)) is ScalarNode s ? s.Text : "";
}
