using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Reads and writes the <c>okegitops.schema/v1</c> file format: one JSON object per group/version/kind with the
/// identity and served flags at the top level and the structural schema under <c>openAPIV3Schema</c>.
/// </summary>
internal static class SchemaFile
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string FormatId = "okegitops.schema/v1";

    /// <summary>The folder name used for the core group, whose group name is empty.</summary>
    public const string CoreFolder = "core";

    private static readonly string[] Fields =
    [
        "deprecated", "deprecationWarning", "format", "group", "kind", "listKind", "openAPIV3Schema",
        "plural", "scope", "served", "storage", "upstream", "version",
    ];

    private static readonly string[] ResourceOnlyFields = ["served", "storage", "deprecated", "deprecationWarning"];

    /// <summary>The path of a schema's file relative to the schemas folder, always with <c>/</c> separators.</summary>
    public static string RelativePath(string group, string version, string kind)
        => $"{(group.Length == 0 ? CoreFolder : group)}/{version}/{kind.ToLowerInvariant()}.json";

    /// <summary>The path of a schema's file relative to the schemas folder.</summary>
    public static string RelativePath(ResourceSchema schema) => RelativePath(schema.Group, schema.Version, schema.Kind);

    /// <summary>
    /// Writes a schema file. <paramref name="openApi"/> is the structural schema to write; when <c>null</c>,
    /// the schema's own <see cref="ResourceSchema.OpenApiV3Schema"/> is written, if any.
    /// </summary>
    public static string Write(ResourceSchema schema, JsonNode? openApi = null)
    {
        var file = new JsonObject
        {
            ["format"] = FormatId,
            ["group"] = schema.Group,
            ["version"] = schema.Version,
            ["kind"] = schema.Kind,
        };
        if (schema.Plural is not null) file["plural"] = schema.Plural;
        if (schema.ListKind is not null) file["listKind"] = schema.ListKind;
        if (!schema.IsSharedType)
        {
            file["scope"] = schema.Scope.ToString();
            file["served"] = schema.Served;
            file["storage"] = schema.Storage;
            file["deprecated"] = schema.Deprecated;
            if (schema.DeprecationWarning is not null) file["deprecationWarning"] = schema.DeprecationWarning;
        }
        if (schema.Upstream is not null) file["upstream"] = schema.Upstream;
        openApi ??= schema.OpenApiV3Schema is { } element ? JsonNode.Parse(element.GetRawText(), CanonicalJson.NodeOptions, CanonicalJson.ReadOptions) : null;
        if (openApi is not null) file["openAPIV3Schema"] = openApi;
        return CanonicalJson.Write(file);
    }

    /// <summary>Reads a schema file.</summary>
    /// <param name="text">The file's JSON text.</param>
    /// <param name="file">The file name to put in diagnostics.</param>
    /// <exception cref="SchemaLoadException">The text is not JSON or not in the schema file format.</exception>
    public static ResourceSchema Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(Encoding.UTF8.GetBytes(text), file);
    }

    /// <summary>
    /// Reads a schema file from its UTF-8 bytes. The schema keeps the parsed document, which reads the bytes in place,
    /// so loading copies neither the text nor the schema (the embedded schemas load this way).
    /// </summary>
    /// <param name="utf8">The file's bytes; they must not change afterwards.</param>
    /// <param name="file">The file name to put in diagnostics.</param>
    /// <exception cref="SchemaLoadException">The bytes are not JSON or not in the schema file format.</exception>
    internal static ResourceSchema Read(ReadOnlyMemory<byte> utf8, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, CanonicalJson.ReadOptions);
        }
        catch (JsonException e)
        {
            throw new SchemaLoadException(JsonLocations.BadJson(e, file, "the schema file"));
        }
        // Not disposed: the schema's openAPIV3Schema element lives in this document for as long as the schema does.
        return new Reader(utf8, file).Read(document.RootElement);
    }

    /// <summary>
    /// Reads only the <c>kind</c> field from the start of a schema file, without reading the schema itself.
    /// Keys are sorted, so <c>kind</c> comes before <c>openAPIV3Schema</c>. Returns <c>null</c> when it is not found
    /// in the bytes given (the caller then reads the whole file, which reports any error properly).
    /// </summary>
    public static string? PeekKind(ReadOnlySpan<byte> start, bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(start, isFinalBlock, new JsonReaderState(new JsonReaderOptions { MaxDepth = CanonicalJson.MaxDepth }));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject) return null;
                if (reader.TokenType != JsonTokenType.PropertyName) return null;
                var isKind = reader.ValueTextEquals("kind"u8);
                if (!reader.Read()) return null;
                if (isKind) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    // Nothing nested comes before "kind" in a well-formed file.
                    return null;
                }
            }
        }
        catch (JsonException)
        {
            // Let the full read report it.
        }
        return null;
    }

    private sealed class Reader(ReadOnlyMemory<byte> utf8, string file)
    {

        public ResourceSchema Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
                throw Fail($"a schema file holds one JSON object, found {Describe(root)}", NodePath.Root);

            foreach (var property in root.EnumerateObject())
            {
                if (Array.IndexOf(Fields, property.Name) < 0)
                {
                    throw Fail(
                        $"unknown field '{property.Name}' in a schema file",
                        NodePath.Root.Key(property.Name),
                        $"the fields are {string.Join(", ", Fields)}");
                }
            }

            if (!root.TryGetProperty("format", out var format))
                throw Fail($"not an okegitops schema file: 'format' is missing", NodePath.Root, $"add \"format\": \"{FormatId}\"");
            if (format.ValueKind != JsonValueKind.String || format.GetString() != FormatId)
                throw Fail($"unsupported schema file format {format.GetRawText()}", NodePath.Root.Key("format"), $"this version reads \"{FormatId}\"");

            var group = String(root, "group", required: true, allowEmpty: true)!;
            var version = String(root, "version", required: true, allowEmpty: false)!;
            var kind = String(root, "kind", required: true, allowEmpty: false)!;
            var plural = String(root, "plural", required: false, allowEmpty: false);
            var listKind = String(root, "listKind", required: false, allowEmpty: false);
            var upstream = String(root, "upstream", required: false, allowEmpty: true);
            JsonElement? openApi = null;
            if (root.TryGetProperty("openAPIV3Schema", out var schema))
            {
                if (schema.ValueKind != JsonValueKind.Object)
                    throw Fail($"'openAPIV3Schema' must be a JSON object, found {Describe(schema)}", NodePath.Root.Key("openAPIV3Schema"));
                openApi = schema;
            }

            if (!root.TryGetProperty("scope", out var scopeElement))
            {
                // A shared type such as ObjectMeta: no scope, no served flags, always a schema.
                foreach (var name in ResourceOnlyFields)
                {
                    if (root.TryGetProperty(name, out _))
                        throw Fail($"'{name}' belongs to resources, but this file has no 'scope' and so describes a shared type", NodePath.Root.Key(name), "add 'scope' (Namespaced or Cluster) for a resource");
                }
                if (openApi is null)
                    throw Fail("a shared type (a file without 'scope') needs 'openAPIV3Schema'", NodePath.Root);
                return new ResourceSchema(group, version, kind, ResourceScope.Namespaced, served: false, storage: false, deprecated: false, null, upstream, openApi)
                {
                    Plural = plural,
                    ListKind = listKind,
                    IsSharedType = true,
                };
            }

            ResourceScope scope = scopeElement.ValueKind == JsonValueKind.String ? scopeElement.GetString() switch
            {
                "Namespaced" => ResourceScope.Namespaced,
                "Cluster" => ResourceScope.Cluster,
                _ => throw Fail($"'scope' must be \"Namespaced\" or \"Cluster\", found {scopeElement.GetRawText()}", NodePath.Root.Key("scope")),
            } : throw Fail($"'scope' must be \"Namespaced\" or \"Cluster\", found {Describe(scopeElement)}", NodePath.Root.Key("scope"));

            var served = Boolean(root, "served", required: true);
            var storage = Boolean(root, "storage", required: false);
            var deprecated = Boolean(root, "deprecated", required: false);
            var warning = String(root, "deprecationWarning", required: false, allowEmpty: true);
            if (served && openApi is null)
                throw Fail("a served version needs 'openAPIV3Schema'", NodePath.Root, "add the schema, or set \"served\": false");

            return new ResourceSchema(group, version, kind, scope, served, storage, deprecated, warning, upstream, openApi)
            {
                Plural = plural,
                ListKind = listKind,
            };
        }

        private string? String(JsonElement root, string name, bool required, bool allowEmpty)
        {
            if (!root.TryGetProperty(name, out var value) || (!required && value.ValueKind == JsonValueKind.Null))
            {
                if (required) throw Fail($"'{name}' is missing", NodePath.Root);
                return null;
            }
            if (value.ValueKind != JsonValueKind.String || (!allowEmpty && value.GetString()!.Length == 0))
                throw Fail($"'{name}' must be a{(allowEmpty ? "" : " non-empty")} string, found {Describe(value)}", NodePath.Root.Key(name));
            return value.GetString();
        }

        private bool Boolean(JsonElement root, string name, bool required)
        {
            if (!root.TryGetProperty(name, out var value))
            {
                if (required) throw Fail($"'{name}' is missing", NodePath.Root, $"add \"{name}\": true or false");
                return false;
            }
            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Fail($"'{name}' must be true or false, found {Describe(value)}", NodePath.Root.Key(name)),
            };
        }

        private static string Describe(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => $"a string ({e.GetRawText()})",
            JsonValueKind.Number => $"a number ({e.GetRawText()})",
            JsonValueKind.Null => "null",
            _ => e.GetRawText(),
        };

        private SchemaLoadException Fail(string message, NodePath path, string? suggestion = null)
        {
            var location = JsonLocations.Locate(utf8.Span, path, file) ?? new SourceLocation(file, 1, 1);
            return new SchemaLoadException(Diagnostic.Error(SchemaRules.BadSchemaFile, message, path.IsRoot ? null : path, location, suggestion));
        }
    }
}
