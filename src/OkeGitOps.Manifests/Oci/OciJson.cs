using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OkeGitOps.Manifests.Oci;

/// <summary>Deterministic, compact JSON for annotation values (keys in the order written, no escaping of '+' or '&lt;').</summary>
internal static class OciJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options)) write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary><c>{"key": "value"}</c> with keys sorted ordinally.</summary>
    public static string StringMap(IEnumerable<KeyValuePair<string, string>> entries) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var e in entries.OrderBy(e => e.Key, StringComparer.Ordinal)) w.WriteString(e.Key, e.Value);
        w.WriteEndObject();
    });

    /// <summary><c>{"namespace": {"key": "value"}}</c> with keys sorted ordinally at both levels.</summary>
    public static string NestedStringMap(IEnumerable<KeyValuePair<string, IEnumerable<KeyValuePair<string, string>>>> entries) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var ns in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(ns.Key);
            foreach (var e in ns.Value.OrderBy(e => e.Key, StringComparer.Ordinal)) w.WriteString(e.Key, e.Value);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });
}
