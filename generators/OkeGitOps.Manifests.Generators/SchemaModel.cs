using System;
using System.Collections.Generic;
using System.Linq;

namespace OkeGitOps.Manifests.Generators;

/// <summary>
/// The part of a structural schema the generator needs, plus the content hash of the whole sub-schema
/// (<see cref="Hash"/>). Equality is by hash: the hash covers every keyword, so equal hashes mean equal schemas,
/// and comparing two 1.9 MB schemas in the incremental cache costs one string comparison. <see cref="ShapeHash"/> is
/// the hash without the schema's own <c>default</c> and patch hints, which belong to the place a type is used, not to
/// the type: it recognises one shared type behind a <c>default: {}</c> or a patch strategy.
/// </summary>
internal sealed record SchemaNode(
    string Hash,
    string? Type,
    string? Format,
    EquatableArray<SchemaProperty> Properties,
    SchemaNode? Items,
    SchemaNode? AdditionalProperties,
    EquatableArray<string> EnumValues,
    bool IntOrString,
    bool PreserveUnknownFields,
    EquatableArray<string> Required,
    string ShapeHash)
{
    public bool Equals(SchemaNode? other) => other is not null && string.Equals(Hash, other.Hash, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Hash);

    public static SchemaNode From(JsonValue json)
    {
        if (json.Kind != JsonKind.Object) throw new FormatException("a schema must be a JSON object");
        var properties = new List<SchemaProperty>();
        if (json["properties"] is { Kind: JsonKind.Object, Members: { } members })
        {
            foreach (var m in members) properties.Add(new SchemaProperty(m.Key, From(m.Value)));
        }
        var items = json["items"] is { Kind: JsonKind.Object } i ? From(i) : null;
        var additional = json["additionalProperties"] is { Kind: JsonKind.Object } a ? From(a) : null;
        var enumValues = json["enum"] is { Kind: JsonKind.Array, Items: { } e } && e.All(v => v.Kind == JsonKind.String) && e.Count > 0
            ? e.Select(v => v.Text!).Distinct(StringComparer.Ordinal).ToEquatableArray()
            : EquatableArray<string>.Empty;
        var required = json["required"] is { Kind: JsonKind.Array, Items: { } r }
            ? r.Where(v => v.Kind == JsonKind.String).Select(v => v.Text!).ToEquatableArray()
            : EquatableArray<string>.Empty;
        return new SchemaNode(
            json.Hash,
            json.GetString("type"),
            json.GetString("format"),
            properties.ToEquatableArray(),
            items,
            additional,
            enumValues,
            json.GetBool("x-kubernetes-int-or-string") == true,
            json.GetBool("x-kubernetes-preserve-unknown-fields") == true,
            required,
            json.HashWithout("default", "x-kubernetes-patch-strategy", "x-kubernetes-patch-merge-key"));
    }
}

/// <summary>One entry of a schema's <c>properties</c>, in schema order.</summary>
internal sealed record SchemaProperty(string Name, SchemaNode Schema);

/// <summary>
/// One schema file: identity of the group/version/kind plus its structural schema. A file without <c>scope</c>
/// describes a shared type such as ObjectMeta (<see cref="Shared"/>): a plain record, not a kind.
/// </summary>
internal sealed record SchemaFile(
    string Path,
    string Group,
    string Version,
    string Kind,
    string Scope,
    bool Served,
    bool Storage,
    bool Deprecated,
    bool Shared,
    SchemaNode? Schema);

/// <summary>
/// A names override file: type names by <c>Kind:path</c>, namespace names by API group, and the namespaces that
/// share structurally identical sub-types (<c>sharedTypes</c>, in order: a shared type lives in the first one listed).
/// </summary>
internal sealed record NamesFile(
    string Path,
    EquatableArray<KeyValue> Types,
    EquatableArray<KeyValue> Namespaces,
    EquatableArray<string> SharedTypes);

internal sealed record KeyValue(string Key, string Value);

/// <summary>What reading one additional file produced: a schema, a names file, an error, or nothing of ours.</summary>
internal sealed record InputFile(string Path, SchemaFile? Schema, NamesFile? Names, string? Error)
{
    public const string Format = "okegitops.schema/v1";

    public static InputFile? Read(string path, string? text)
    {
        if (text is null) return null;
        var isNames = System.IO.Path.GetFileName(path).Equals("names.json", StringComparison.OrdinalIgnoreCase);
        // Cheap pre-check: only files that mention our format (or are the names file) are parsed.
        if (!isNames && text.IndexOf(Format, StringComparison.Ordinal) < 0) return null;
        try
        {
            var json = JsonValue.Parse(text);
            if (isNames)
            {
                return new InputFile(path, null, new NamesFile(path, Pairs(json["types"]), Pairs(json["namespaces"]), Strings(json["sharedTypes"])), null);
            }
            if (json.Kind != JsonKind.Object || json.GetString("format") != Format) return null;
            var kind = json.GetString("kind");
            var version = json.GetString("version");
            if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(version))
                return new InputFile(path, null, null, "the schema file needs \"kind\" and \"version\"");
            var schemaJson = json["openAPIV3Schema"];
            var served = json.GetBool("served") ?? true;
            var schema = served && schemaJson is { Kind: JsonKind.Object } ? SchemaNode.From(schemaJson) : null;
            return new InputFile(path, new SchemaFile(
                path,
                json.GetString("group") ?? "",
                version!,
                kind!,
                json.GetString("scope") ?? "Namespaced",
                served,
                json.GetBool("storage") ?? true,
                json.GetBool("deprecated") ?? false,
                json["scope"] is null,
                schema), null, null);
        }
        catch (FormatException e)
        {
            return new InputFile(path, null, null, e.Message);
        }
    }

    private static EquatableArray<string> Strings(JsonValue? json)
        => json is { Kind: JsonKind.Array, Items: { } items }
            ? items.Where(v => v.Kind == JsonKind.String).Select(v => v.Text!).ToEquatableArray()
            : EquatableArray<string>.Empty;

    private static EquatableArray<KeyValue> Pairs(JsonValue? json)
        => json is { Kind: JsonKind.Object, Members: { } members }
            ? members.Where(m => m.Value.Kind == JsonKind.String).Select(m => new KeyValue(m.Key, m.Value.Text!)).ToEquatableArray()
            : EquatableArray<KeyValue>.Empty;
}
