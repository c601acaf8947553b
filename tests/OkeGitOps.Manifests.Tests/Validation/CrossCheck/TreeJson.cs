using System.Globalization;
using System.Text;
using System.Text.Json;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Tests.Validation.CrossCheck;

/// <summary>Converts between manifest trees and JSON, for feeding NJsonSchema and for reading upstream files.</summary>
internal static class TreeJson
{
    public static string ToJson(ManifestNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static JsonElement ToElement(ManifestNode node) => JsonDocument.Parse(ToJson(node)).RootElement.Clone();

    private static void Write(Utf8JsonWriter writer, ManifestNode node)
    {
        switch (node)
        {
            case MappingNode m:
                writer.WriteStartObject();
                foreach (var e in m.Entries)
                {
                    writer.WritePropertyName(e.Key);
                    Write(writer, e.Value);
                }
                writer.WriteEndObject();
                break;
            case SequenceNode s:
                writer.WriteStartArray();
                foreach (var item in s.Items) Write(writer, item);
                writer.WriteEndArray();
                break;
            case StringNode s:
                writer.WriteStringValue(s.Value);
                break;
            case IntegerNode i:
                writer.WriteNumberValue(i.Value);
                break;
            case NumberNode n:
                // Keep a decimal point so that JSON readers see a float, as the tree does.
                writer.WriteRawValue(n.Value == Math.Floor(n.Value) && Math.Abs(n.Value) < 1e15
                    ? n.Value.ToString("0.0", CultureInfo.InvariantCulture)
                    : n.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case BooleanNode b:
                writer.WriteBooleanValue(b.Value);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    public static ManifestNode FromElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => ManifestNode.Map(e.EnumerateObject().Select(p => (p.Name, FromElement(p.Value))).ToArray()),
        JsonValueKind.Array => ManifestNode.List(e.EnumerateArray().Select(FromElement)),
        JsonValueKind.String => ManifestNode.String(e.GetString()!),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? ManifestNode.Integer(l) : ManifestNode.Number(e.GetDouble()),
        JsonValueKind.True => ManifestNode.Boolean(true),
        JsonValueKind.False => ManifestNode.Boolean(false),
        _ => ManifestNode.Null,
    };
}
