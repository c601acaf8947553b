using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation.Compiled;

/// <summary>The JSON types a schema node accepts, as flags.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Object = 1,
    Array = 2,
    String = 4,
    Integer = 8,
    Number = 16,
    Boolean = 32,
    Null = 64,
}

/// <summary>The <c>x-kubernetes-list-type</c> of an array.</summary>
internal enum ListType
{
    Atomic,
    Set,
    Map,
}

/// <summary>A value listed under <c>enum</c> (or a list-map key default), kept in a form that compares cheaply with tree scalars.</summary>
internal readonly record struct JsonValue(JsonValueKind Kind, string? String, double Number, bool IsInteger)
{
    public static JsonValue From(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => new(JsonValueKind.String, e.GetString(), 0, false),
        JsonValueKind.Number => e.TryGetInt64(out var l)
            ? new(JsonValueKind.Number, null, l, true)
            : new(JsonValueKind.Number, null, e.GetDouble(), false),
        JsonValueKind.True => new(JsonValueKind.True, null, 0, false),
        JsonValueKind.False => new(JsonValueKind.False, null, 0, false),
        JsonValueKind.Null => new(JsonValueKind.Null, null, 0, false),
        _ => new(e.ValueKind, e.GetRawText(), 0, false),
    };

    /// <summary>How the value reads in a message: strings quoted, the rest as JSON.</summary>
    public override string ToString() => Kind switch
    {
        JsonValueKind.String => "\"" + String + "\"",
        JsonValueKind.Number => IsInteger ? ((long)Number).ToString(CultureInfo.InvariantCulture) : Number.ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => String ?? "?",
    };
}

/// <summary>
/// A reference to a sub-schema that is compiled on first use. Compiling is pure, so two threads racing on the
/// same slot may both compile it; one result wins and both see the same instance afterwards.
/// </summary>
internal sealed class SchemaSlot
{
    private readonly JsonElement _element;
    private CompiledSchema? _compiled;

    public SchemaSlot(JsonElement element) => _element = element;

    /// <summary>The raw schema this slot compiles.</summary>
    public JsonElement Element => _element;

    /// <summary>Whether the schema has been compiled yet (for tests of laziness).</summary>
    public bool IsCompiled => Volatile.Read(ref _compiled) is not null;

    /// <summary>The compiled schema, compiling it now if this is the first use.</summary>
    public CompiledSchema Schema
    {
        get
        {
            var compiled = Volatile.Read(ref _compiled);
            if (compiled is not null) return compiled;
            compiled = new CompiledSchema(_element);
            return Interlocked.CompareExchange(ref _compiled, compiled, null) ?? compiled;
        }
    }
}

/// <summary>
/// One node of a CRD-style structural schema (<c>openAPIV3Schema</c>), read once into plain fields so the
/// validator's walk does no JSON lookups. Only this node's own keywords are read; child schemas
/// (<c>properties</c>, <c>items</c>, <c>additionalProperties</c>, junctors) are compiled on first use through
/// <see cref="SchemaSlot"/>.
/// </summary>
/// <remarks>
/// This small model exists for speed. NJsonSchema is the reference engine for JSON Schema semantics in this
/// project, but loading the Argo CD schemas into it takes half a second to seconds, which no CLI run can afford;
/// the cross-check tests hold this model to NJsonSchema's verdicts instead.
/// </remarks>
internal sealed class CompiledSchema
{
    public CompiledSchema(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.True)
        {
            AnyValue = true;
            return;
        }
        if (e.ValueKind != JsonValueKind.Object)
        {
            // "false" or garbage: accept nothing but say so plainly at the use site.
            RejectAll = e.ValueKind == JsonValueKind.False;
            return;
        }
        foreach (var p in e.EnumerateObject())
        {
            var v = p.Value;
            switch (p.Name)
            {
                case "type":
                    Types = ReadTypes(v);
                    break;
                case "nullable":
                    Nullable = v.ValueKind == JsonValueKind.True;
                    break;
                case "properties" when v.ValueKind == JsonValueKind.Object:
                    var props = new Dictionary<string, SchemaSlot>(StringComparer.Ordinal);
                    foreach (var prop in v.EnumerateObject()) props[prop.Name] = new SchemaSlot(prop.Value);
                    Properties = props;
                    break;
                case "required" when v.ValueKind == JsonValueKind.Array:
                    Required = ReadStrings(v);
                    break;
                case "additionalProperties":
                    if (v.ValueKind == JsonValueKind.False) AdditionalPropertiesFalse = true;
                    else if (v.ValueKind == JsonValueKind.True) AdditionalPropertiesAny = true;
                    else if (v.ValueKind == JsonValueKind.Object) AdditionalProperties = new SchemaSlot(v);
                    break;
                case "items":
                    if (v.ValueKind == JsonValueKind.Object || v.ValueKind == JsonValueKind.True) Items = new SchemaSlot(v);
                    else if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0) Items = new SchemaSlot(v[0]);
                    break;
                case "enum" when v.ValueKind == JsonValueKind.Array:
                    var values = new JsonValue[v.GetArrayLength()];
                    var i = 0;
                    foreach (var item in v.EnumerateArray()) values[i++] = JsonValue.From(item);
                    Enum = values;
                    break;
                case "pattern" when v.ValueKind == JsonValueKind.String:
                    Pattern = v.GetString();
                    break;
                case "format" when v.ValueKind == JsonValueKind.String:
                    Format = v.GetString();
                    if (Format == "int-or-string") IntOrString = true;
                    break;
                case "minimum" when v.ValueKind == JsonValueKind.Number:
                    Minimum = v.GetDouble();
                    break;
                case "maximum" when v.ValueKind == JsonValueKind.Number:
                    Maximum = v.GetDouble();
                    break;
                case "exclusiveMinimum":
                    // OpenAPI 3.0 spells it as a boolean beside "minimum"; JSON Schema 2019 as a number.
                    if (v.ValueKind == JsonValueKind.True) ExclusiveMinimum = true;
                    else if (v.ValueKind == JsonValueKind.Number) { Minimum = v.GetDouble(); ExclusiveMinimum = true; }
                    break;
                case "exclusiveMaximum":
                    if (v.ValueKind == JsonValueKind.True) ExclusiveMaximum = true;
                    else if (v.ValueKind == JsonValueKind.Number) { Maximum = v.GetDouble(); ExclusiveMaximum = true; }
                    break;
                case "multipleOf" when v.ValueKind == JsonValueKind.Number:
                    MultipleOf = v.GetDouble();
                    break;
                case "minLength" when v.ValueKind == JsonValueKind.Number:
                    MinLength = v.GetInt64();
                    break;
                case "maxLength" when v.ValueKind == JsonValueKind.Number:
                    MaxLength = v.GetInt64();
                    break;
                case "minItems" when v.ValueKind == JsonValueKind.Number:
                    MinItems = v.GetInt64();
                    break;
                case "maxItems" when v.ValueKind == JsonValueKind.Number:
                    MaxItems = v.GetInt64();
                    break;
                case "uniqueItems":
                    UniqueItems = v.ValueKind == JsonValueKind.True;
                    break;
                case "minProperties" when v.ValueKind == JsonValueKind.Number:
                    MinProperties = v.GetInt64();
                    break;
                case "maxProperties" when v.ValueKind == JsonValueKind.Number:
                    MaxProperties = v.GetInt64();
                    break;
                case "allOf" when v.ValueKind == JsonValueKind.Array:
                    AllOf = ReadSlots(v);
                    break;
                case "anyOf" when v.ValueKind == JsonValueKind.Array:
                    AnyOf = ReadSlots(v);
                    break;
                case "oneOf" when v.ValueKind == JsonValueKind.Array:
                    OneOf = ReadSlots(v);
                    break;
                case "not" when v.ValueKind == JsonValueKind.Object:
                    Not = new SchemaSlot(v);
                    break;
                case "default":
                    Default = v;
                    break;
                case "x-kubernetes-preserve-unknown-fields":
                    PreserveUnknownFields = v.ValueKind == JsonValueKind.True;
                    break;
                case "x-kubernetes-int-or-string":
                    IntOrString = v.ValueKind == JsonValueKind.True;
                    break;
                case "x-kubernetes-embedded-resource":
                    EmbeddedResource = v.ValueKind == JsonValueKind.True;
                    break;
                case "x-kubernetes-list-type" when v.ValueKind == JsonValueKind.String:
                    ListType = v.GetString() switch
                    {
                        "set" => ListType.Set,
                        "map" => ListType.Map,
                        _ => ListType.Atomic,
                    };
                    break;
                case "x-kubernetes-list-map-keys" when v.ValueKind == JsonValueKind.Array:
                    ListMapKeys = ReadStrings(v);
                    break;
                case "x-kubernetes-validations" when v.ValueKind == JsonValueKind.Array:
                    // CEL rules are kept as data: this validator does not evaluate CEL, and does not pretend to.
                    var rules = new List<CelRule>();
                    foreach (var rule in v.EnumerateArray())
                    {
                        if (rule.ValueKind != JsonValueKind.Object) continue;
                        rules.Add(new CelRule(
                            rule.TryGetProperty("rule", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "",
                            rule.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null));
                    }
                    CelRules = rules.ToArray();
                    break;
            }
        }
        if (Enum is { Length: > 8 })
        {
            StringEnum = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in Enum)
            {
                if (value.Kind == JsonValueKind.String) StringEnum.Add(value.String!);
            }
        }
    }

    /// <summary>The declared types; <see cref="JsonTypes.None"/> means the schema does not constrain the type.</summary>
    public JsonTypes Types { get; }

    /// <summary>True for a schema that is literally <c>true</c>.</summary>
    public bool AnyValue { get; }

    /// <summary>True for a schema that is literally <c>false</c>.</summary>
    public bool RejectAll { get; }

    public bool Nullable { get; }
    public Dictionary<string, SchemaSlot>? Properties { get; }
    public string[]? Required { get; }
    public SchemaSlot? AdditionalProperties { get; }
    public bool AdditionalPropertiesAny { get; }
    public bool AdditionalPropertiesFalse { get; }
    public SchemaSlot? Items { get; }
    public JsonValue[]? Enum { get; }
    public HashSet<string>? StringEnum { get; }
    public string? Pattern { get; }
    public string? Format { get; }
    public double? Minimum { get; }
    public double? Maximum { get; }
    public bool ExclusiveMinimum { get; }
    public bool ExclusiveMaximum { get; }
    public double? MultipleOf { get; }
    public long? MinLength { get; }
    public long? MaxLength { get; }
    public long? MinItems { get; }
    public long? MaxItems { get; }
    public bool UniqueItems { get; }
    public long? MinProperties { get; }
    public long? MaxProperties { get; }
    public SchemaSlot[]? AllOf { get; }
    public SchemaSlot[]? AnyOf { get; }
    public SchemaSlot[]? OneOf { get; }
    public SchemaSlot? Not { get; }
    public JsonElement? Default { get; }
    public bool PreserveUnknownFields { get; }
    public bool IntOrString { get; }
    public bool EmbeddedResource { get; }
    public ListType ListType { get; }
    public string[]? ListMapKeys { get; }

    /// <summary>The <c>x-kubernetes-validations</c> rules, kept but never evaluated.</summary>
    public CelRule[]? CelRules { get; }

    /// <summary>True when the schema's declared types include objects, or it declares no type but lists properties.</summary>
    public bool DescribesObject => (Types & JsonTypes.Object) != 0 || (Types == JsonTypes.None && Properties is not null);

    private ManifestNode?[]? _listMapKeyDefaults;

    /// <summary>
    /// For a map-list: the default of each <c>x-kubernetes-list-map-keys</c> field as declared by the item schema
    /// (<c>protocol</c> defaults to <c>TCP</c> in Service ports), or <c>null</c> where there is none.
    /// </summary>
    public ManifestNode?[] ListMapKeyDefaults()
    {
        var defaults = Volatile.Read(ref _listMapKeyDefaults);
        if (defaults is not null) return defaults;
        var keys = ListMapKeys ?? [];
        defaults = new ManifestNode?[keys.Length];
        var itemProperties = Items?.Schema.Properties;
        for (var k = 0; k < keys.Length; k++)
        {
            if (itemProperties is not null && itemProperties.TryGetValue(keys[k], out var slot) && slot.Schema.Default is { } value)
                defaults[k] = ScalarFromJson(value);
        }
        return Interlocked.CompareExchange(ref _listMapKeyDefaults, defaults, null) ?? defaults;
    }

    private static ManifestNode? ScalarFromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => new StringNode(e.GetString()!),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? new IntegerNode(l) : new NumberNode(e.GetDouble()),
        JsonValueKind.True => ManifestNode.Boolean(true),
        JsonValueKind.False => ManifestNode.Boolean(false),
        _ => null,
    };

    /// <summary>The compiled <c>pattern</c>, or <c>null</c> when there is none or it cannot be compiled.</summary>
    public Regex? PatternRegex => Pattern is null ? null : PatternCache.Get(Pattern);

    private static JsonTypes ReadTypes(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.String) return TypeFromName(v.GetString());
        if (v.ValueKind != JsonValueKind.Array) return JsonTypes.None;
        var types = JsonTypes.None;
        foreach (var t in v.EnumerateArray())
        {
            if (t.ValueKind == JsonValueKind.String) types |= TypeFromName(t.GetString());
        }
        return types;
    }

    private static JsonTypes TypeFromName(string? name) => name switch
    {
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "string" => JsonTypes.String,
        "integer" => JsonTypes.Integer,
        "number" => JsonTypes.Number,
        "boolean" => JsonTypes.Boolean,
        "null" => JsonTypes.Null,
        _ => JsonTypes.None,
    };

    private static string[] ReadStrings(JsonElement v)
    {
        var list = new List<string>(v.GetArrayLength());
        foreach (var s in v.EnumerateArray())
        {
            if (s.ValueKind == JsonValueKind.String) list.Add(s.GetString()!);
        }
        return list.ToArray();
    }

    private static SchemaSlot[] ReadSlots(JsonElement v)
    {
        var slots = new SchemaSlot[v.GetArrayLength()];
        var i = 0;
        foreach (var s in v.EnumerateArray()) slots[i++] = new SchemaSlot(s);
        return slots;
    }
}

/// <summary>One <c>x-kubernetes-validations</c> entry: a CEL expression and its message, kept as data.</summary>
internal sealed record CelRule(string Rule, string? Message);
