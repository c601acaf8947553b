using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Writes JSON in the one layout schema files use: keys sorted ordinally at every level, 2-space indent,
/// <c>\n</c> line ends, a final newline. The same tree always gives the same bytes.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>Nesting limit for reading and writing schema JSON; CRD schemas nest far less deeply.</summary>
    internal const int MaxDepth = 256;

    internal static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = MaxDepth };

    internal static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",
        MaxDepth = MaxDepth,
        // Patterns hold '<', '>', '&', '+' and '\''; keep them readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the canonical text of a node, ending in a newline.</summary>
    public static string Write(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteNode(writer, node);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteNode(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) WriteNode(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
