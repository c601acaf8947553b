using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation.Compiled;

namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// Walks a manifest tree against a <see cref="CompiledSchema"/> with the API server's structural-schema semantics:
/// types, nullability, unknown-field pruning (reported instead of dropped), value validations, list types, and the
/// junctors as CRDs use them. The walk allocates nothing while the document is valid; paths, messages and
/// suggestions are built only when something is reported.
/// </summary>
internal static class SchemaWalker
{
    private const int MaxShownEnumValues = 10;

    /// <summary>Validates <paramref name="node"/> against <paramref name="schema"/>, reporting into <paramref name="ctx"/> at its current path.</summary>
    public static void Walk(ManifestNode node, CompiledSchema schema, ValidationContext ctx)
    {
        if (schema.AnyValue) return;
        if (schema.RejectAll)
        {
            ctx.Error(ValidationRules.NoValueAllowed, "no value is allowed here", node.Location, "remove this field");
            return;
        }
        if (!CheckType(node, schema, ctx)) return;
        if (node.Kind == NodeKind.Null) return;

        if (schema.Enum is not null) CheckEnum(node, schema, ctx);

        switch (node)
        {
            case MappingNode mapping:
                WalkObject(mapping, schema, ctx, null);
                break;
            case SequenceNode sequence:
                WalkArray(sequence, schema, ctx);
                break;
            case StringNode s:
                CheckString(s, schema, ctx);
                break;
            case IntegerNode i:
                CheckNumber(i.Value, node, schema, ctx);
                if (schema.Format is not null && Formats.IntegerProblem(schema.Format, i.Value) is { } problem)
                    ctx.Error(ValidationRules.Format, $"{i.Value.ToString(CultureInfo.InvariantCulture)} {problem}", node.Location);
                break;
            case NumberNode n:
                CheckNumber(n.Value, node, schema, ctx);
                break;
        }

        if (schema.AllOf is not null || schema.AnyOf is not null || schema.OneOf is not null || schema.Not is not null)
            CheckJunctors(node, schema, ctx);

        if (schema.CelRules is not null && ctx.Options.ReportUnevaluatedCelRules && !ctx.Probing)
        {
            foreach (var rule in schema.CelRules)
            {
                ctx.Warning(ValidationRules.CelRuleNotEvaluated,
                    $"x-kubernetes-validations rule not evaluated: {rule.Message ?? rule.Rule}", node.Location,
                    "the API server checks this CEL rule on apply; okegitops does not evaluate CEL");
            }
        }
    }

    /// <summary>Checks the JSON type (and null); returns false when the value has the wrong type and nothing more should be checked.</summary>
    private static bool CheckType(ManifestNode node, CompiledSchema schema, ValidationContext ctx)
    {
        var kind = node.Kind;
        if (kind == NodeKind.Null)
        {
            if (schema.Nullable || (schema.Types & JsonTypes.Null) != 0) return true;
            // A free-form subtree (preserve-unknown-fields without a type) holds arbitrary JSON, null included.
            if (schema.Types == JsonTypes.None && !schema.IntOrString && schema.PreserveUnknownFields) return true;
            ctx.Error(ValidationRules.NullNotAllowed, "null is not allowed", node.Location, "give a value, or remove the field");
            return false;
        }
        if (schema.IntOrString)
        {
            if (kind is NodeKind.Integer or NodeKind.String) return true;
            // A Kubernetes quantity also decodes from a JSON number with a fraction (resources: {requests: {cpu: 0.5}}).
            if (kind == NodeKind.Number && schema.Format == QuantityFormat) return true;
            ReportType(node, schema.Format == QuantityFormat ? "number or string" : "integer or string", ctx);
            return false;
        }
        var types = schema.Types;
        if (types == JsonTypes.None) return true;
        var ok = kind switch
        {
            NodeKind.Mapping => (types & JsonTypes.Object) != 0,
            NodeKind.Sequence => (types & JsonTypes.Array) != 0,
            NodeKind.String => (types & JsonTypes.String) != 0,
            NodeKind.Integer => (types & (JsonTypes.Integer | JsonTypes.Number)) != 0,
            NodeKind.Number => (types & JsonTypes.Number) != 0,
            NodeKind.Boolean => (types & JsonTypes.Boolean) != 0,
            _ => false,
        };
        if (!ok) ReportType(node, TypeNames(types), ctx);
        return ok;
    }

    private static void ReportType(ManifestNode node, string expected, ValidationContext ctx)
    {
        if (ctx.Probing)
        {
            ctx.Error(ValidationRules.Type, "", null);
            return;
        }
        ctx.Error(ValidationRules.Type, $"must be of type {expected}, got {Describe(node)}", node.Location, TypeSuggestion(node, expected));
    }

    private static string? TypeSuggestion(ManifestNode node, string expected)
    {
        var wantsString = expected.Contains("string", StringComparison.Ordinal);
        switch (node)
        {
            case StringNode s when expected is "integer" or "number" or "integer or number"
                && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                return $"write the number without quotes: {n.ToString(CultureInfo.InvariantCulture)}";
            case StringNode s when expected == "number"
                && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                return $"write the number without quotes: {s.Value}";
            case StringNode s when expected == "boolean" && s.Value is "true" or "false":
                return $"write the boolean without quotes: {s.Value}";
            case NumberNode { Value: var huge } when wantsString && !double.IsFinite(huge):
                // The text of an infinite number is '.inf', which is not what the file says.
                return "quote the value as it is written, so it stays a string";
            case IntegerNode or NumberNode or BooleanNode when wantsString:
                return $"quote the value so it stays a string: \"{((ScalarNode)node).Text}\"";
            case MappingNode when expected == "array":
                return "write a list: start each item with \"- \"";
            case SequenceNode when expected == "object":
                return "write a mapping, not a list: remove the leading \"- \"";
            default:
                return null;
        }
    }

    /// <summary>The format our importer gives Kubernetes quantities (an int-or-string that also takes any number).</summary>
    internal const string QuantityFormat = "quantity";

    /// <summary>The type names of a set of flags, e.g. <c>integer or string</c>.</summary>
    private static string TypeNames(JsonTypes types)
    {
        var names = new List<string>(2);
        if ((types & JsonTypes.Object) != 0) names.Add("object");
        if ((types & JsonTypes.Array) != 0) names.Add("array");
        if ((types & JsonTypes.String) != 0) names.Add("string");
        if ((types & JsonTypes.Integer) != 0) names.Add("integer");
        if ((types & JsonTypes.Number) != 0) names.Add("number");
        if ((types & JsonTypes.Boolean) != 0) names.Add("boolean");
        if ((types & JsonTypes.Null) != 0) names.Add("null");
        return string.Join(" or ", names);
    }

    /// <summary>How a node reads in a message: its type, plus the value for scalars.</summary>
    internal static string Describe(ManifestNode node) => node switch
    {
        StringNode s => $"string {Quote(s.Value)}",
        IntegerNode i => $"integer {i.Text}",
        NumberNode n => $"number {n.Text}",
        BooleanNode b => $"boolean {b.Text}",
        NullNode => "null",
        MappingNode => "object",
        SequenceNode => "array",
        _ => node.Kind.ToString(),
    };

    /// <summary>A string in double quotes, shortened to 60 characters.</summary>
    internal static string Quote(string value)
    {
        const int max = 60;
        var shown = value.Length > max ? value[..max] + "…" : value;
        return "\"" + shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Validates the entries of a mapping; <paramref name="skipKey"/> names a key checked elsewhere (top-level <c>metadata</c>).</summary>
    public static void WalkObject(MappingNode mapping, CompiledSchema schema, ValidationContext ctx, string? skipKey)
    {
        var properties = schema.Properties;
        var additional = schema.AdditionalProperties;
        var checkUnknown = schema.DescribesObject && !schema.PreserveUnknownFields && !schema.AdditionalPropertiesAny && !ctx.InJunctor;
        var entries = mapping.Entries;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (skipKey is not null && string.Equals(entry.Key, skipKey, StringComparison.Ordinal)) continue;
            if (properties is not null && properties.TryGetValue(entry.Key, out var slot))
            {
                ctx.Push(entry.Key);
                if (!DropsNull(entry, slot.Schema, ctx)) Walk(entry.Value, slot.Schema, ctx);
                ctx.Pop();
            }
            else if (additional is not null)
            {
                ctx.Push(entry.Key);
                if (!DropsNull(entry, additional.Schema, ctx)) Walk(entry.Value, additional.Schema, ctx);
                ctx.Pop();
            }
            else if (schema.EmbeddedResource && entry.Key is "apiVersion" or "kind" or "metadata")
            {
                ctx.Push(entry.Key);
                CheckEmbeddedField(entry.Key, entry.Value, ctx);
                ctx.Pop();
            }
            else if (skipKey is not null && entry.Key is "apiVersion" or "kind")
            {
                // A resource's identity fields exist even when a hand-written CRD schema leaves them out;
                // the validator checks them itself.
            }
            else if (checkUnknown)
            {
                ReportUnknownField(entry, schema, ctx);
            }
        }

        if (schema.Required is { } required)
        {
            foreach (var name in required)
            {
                if (skipKey is not null && string.Equals(name, skipKey, StringComparison.Ordinal)) continue;
                if (!mapping.TryGetValue(name, out var present)) ReportMissing(mapping, name, ctx);
                else if (present is NullNode && properties is not null && properties.TryGetValue(name, out var requiredSlot) && !AcceptsNull(requiredSlot.Schema))
                {
                    ctx.Push(name);
                    ctx.Error(ValidationRules.Required, $"missing required field \"{name}\": its value is null, which the API server drops", present.Location, "give it a value");
                    ctx.Pop();
                }
            }
        }
        if (schema.EmbeddedResource && !ctx.InJunctor)
        {
            if (!mapping.ContainsKey("apiVersion")) ctx.Error(ValidationRules.EmbeddedResource, "missing required field \"apiVersion\" of the embedded object", mapping.Location);
            if (!mapping.ContainsKey("kind")) ctx.Error(ValidationRules.EmbeddedResource, "missing required field \"kind\" of the embedded object", mapping.Location);
        }
        if (schema.MinProperties is { } minProps && mapping.Count < minProps)
            ctx.Error(ValidationRules.MinProperties, $"must have at least {Plural(minProps, "field")}", mapping.Location);
        if (schema.MaxProperties is { } maxProps && mapping.Count > maxProps)
            ctx.Error(ValidationRules.MaxProperties, $"must have at most {Plural(maxProps, "field")}, has {mapping.Count.ToString(CultureInfo.InvariantCulture)}", mapping.Location);
    }

    /// <summary>True when the schema takes a null as a value (nullable, a null type, free-form or any value).</summary>
    internal static bool AcceptsNull(CompiledSchema schema)
        => schema.AnyValue || schema.Nullable || (schema.Types & JsonTypes.Null) != 0
           || (schema.Types == JsonTypes.None && !schema.IntOrString && schema.PreserveUnknownFields);

    /// <summary>
    /// A field whose value is null where the schema does not take null is dropped, as the API server does (pruning for
    /// custom resources, the zero value for built-in kinds): reported as a warning, and the value is not checked.
    /// </summary>
    private static bool DropsNull(MappingEntry entry, CompiledSchema schema, ValidationContext ctx)
    {
        if (entry.Value is not NullNode || AcceptsNull(schema)) return false;
        // kubectl writes creationTimestamp: null into every ObjectMeta it prints, pod templates included; nobody wrote it.
        if (entry.Key == "creationTimestamp") return true;
        ctx.Warning(ValidationRules.NullDropped, "the API server drops this null; the field is unset", entry.KeyLocation ?? entry.Value.Location,
            "remove the field, or give it a value");
        return true;
    }

    internal static void ReportMissing(MappingNode mapping, string name, ValidationContext ctx)
        => ctx.Error(ValidationRules.Required, $"missing required field \"{name}\"", mapping.Location);

    private static void CheckEmbeddedField(string key, ManifestNode value, ValidationContext ctx)
    {
        if (key == "metadata")
        {
            if (value is not MappingNode) ReportType(value, "object", ctx);
            return;
        }
        if (value is not StringNode s) ReportType(value, "string", ctx);
        else if (s.Value.Length == 0) ctx.Error(ValidationRules.EmbeddedResource, $"{key} must not be empty", value.Location);
    }

    internal static void ReportUnknownField(MappingEntry entry, CompiledSchema schema, ValidationContext ctx)
    {
        ctx.Push(entry.Key);
        var severity = ctx.Options.Strict ? Diagnostics.DiagnosticSeverity.Error : Diagnostics.DiagnosticSeverity.Warning;
        if (ctx.Probing)
        {
            ctx.Report(severity, ValidationRules.UnknownField, "", null);
        }
        else
        {
            ctx.Report(severity, ValidationRules.UnknownField, $"unknown field \"{entry.Key}\"",
                entry.KeyLocation ?? entry.Value.Location, UnknownFieldSuggestion(entry.Key, schema));
        }
        ctx.Pop();
    }

    private static string? UnknownFieldSuggestion(string key, CompiledSchema schema)
    {
        var names = schema.Properties is null ? new List<string>() : new List<string>(schema.Properties.Keys);
        if (schema.EmbeddedResource) names.AddRange(["apiVersion", "kind", "metadata"]);
        if (names.Count == 0) return "this object takes no fields";
        var near = NearMatch.Find(key, names);
        if (near is not null) return $"did you mean \"{near}\"?";
        if (names.Count <= 12)
        {
            names.Sort(StringComparer.Ordinal);
            return "known fields here: " + string.Join(", ", names);
        }
        return null;
    }

    private static void WalkArray(SequenceNode sequence, CompiledSchema schema, ValidationContext ctx)
    {
        var items = sequence.Items;
        if (schema.Items is { } itemSlot)
        {
            var itemSchema = itemSlot.Schema;
            for (var i = 0; i < items.Length; i++)
            {
                ctx.Push(i);
                Walk(items[i], itemSchema, ctx);
                ctx.Pop();
            }
        }
        if (schema.MinItems is { } minItems && items.Length < minItems)
            ctx.Error(ValidationRules.MinItems, $"must have at least {Plural(minItems, "item")}", sequence.Location);
        if (schema.MaxItems is { } maxItems && items.Length > maxItems)
            ctx.Error(ValidationRules.MaxItems, $"must have at most {Plural(maxItems, "item")}, has {items.Length.ToString(CultureInfo.InvariantCulture)}", sequence.Location);
        if (items.Length < 2) return;
        if (schema.ListType == ListType.Map && schema.ListMapKeys is { Length: > 0 } && !ctx.InJunctor)
            CheckMapList(sequence, schema, ctx);
        else if (schema.ListType == ListType.Set || schema.UniqueItems)
            CheckSet(sequence, ctx);
    }

    private static void CheckSet(SequenceNode sequence, ValidationContext ctx)
    {
        var items = sequence.Items;
        for (var i = 1; i < items.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (!items[i].Equals(items[j])) continue;
                ctx.Push(i);
                ctx.Error(ValidationRules.DuplicateSetItem,
                    $"duplicate item {(items[i] is ScalarNode ? Describe(items[i]) : "value")} (same as index {j.ToString(CultureInfo.InvariantCulture)})",
                    items[i].Location, "a set lists each value once: remove the duplicate");
                ctx.Pop();
                break;
            }
        }
    }

    private static void CheckMapList(SequenceNode sequence, CompiledSchema schema, ValidationContext ctx)
    {
        var keys = schema.ListMapKeys!;
        var defaults = schema.ListMapKeyDefaults();
        var items = sequence.Items;
        for (var i = 1; i < items.Length; i++)
        {
            if (items[i] is not MappingNode current) continue;
            for (var j = 0; j < i; j++)
            {
                if (items[j] is not MappingNode earlier) continue;
                var same = true;
                for (var k = 0; k < keys.Length && same; k++)
                {
                    var a = KeyValue(current, keys[k], defaults[k]);
                    var b = KeyValue(earlier, keys[k], defaults[k]);
                    same = a is null ? b is null : a.Equals(b);
                }
                if (!same) continue;
                ReportDuplicateMapEntry(current, i, j, keys, defaults, ctx);
                break;
            }
        }
    }

    private static ManifestNode? KeyValue(MappingNode item, string key, ManifestNode? fallback)
        => item.TryGetValue(key, out var value) ? value : fallback;

    private static void ReportDuplicateMapEntry(MappingNode item, int index, int firstIndex, string[] keys, ManifestNode?[] defaults, ValidationContext ctx)
    {
        ctx.Push(index);
        if (ctx.Probing)
        {
            ctx.Error(ValidationRules.DuplicateMapListKey, "", null);
            ctx.Pop();
            return;
        }
        var text = new StringBuilder();
        string? defaulted = null;
        for (var k = 0; k < keys.Length; k++)
        {
            if (k > 0) text.Append(", ");
            var value = KeyValue(item, keys[k], defaults[k]);
            text.Append(keys[k]).Append('=').Append(value is ScalarNode s ? s.Text : value is null ? "(unset)" : Describe(value));
            if (!item.ContainsKey(keys[k]) && defaults[k] is ScalarNode d)
                defaulted = $"{keys[k]} defaults to {d.Text} when not set";
        }
        var suggestion = $"each item needs a unique {string.Join(" and ", keys)}";
        if (defaulted is not null) suggestion += $"; {defaulted}";
        ctx.Error(ValidationRules.DuplicateMapListKey,
            $"duplicate entry {text} (same as index {firstIndex.ToString(CultureInfo.InvariantCulture)})",
            item.Location, suggestion);
        ctx.Pop();
    }

    private static void CheckEnum(ManifestNode node, CompiledSchema schema, ValidationContext ctx)
    {
        if (schema.StringEnum is not null && node is StringNode str)
        {
            if (schema.StringEnum.Contains(str.Value)) return;
        }
        else
        {
            foreach (var value in schema.Enum!)
            {
                if (EnumMatches(value, node)) return;
            }
        }
        if (ctx.Probing)
        {
            ctx.Error(ValidationRules.Enum, "", null);
            return;
        }
        var allowed = schema.Enum!;
        var text = new StringBuilder();
        for (var i = 0; i < allowed.Length && i < MaxShownEnumValues; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(allowed[i].ToString());
        }
        if (allowed.Length > MaxShownEnumValues) text.Append(", …");
        string? suggestion = null;
        if (node is StringNode s)
        {
            var candidates = new List<string>();
            foreach (var value in allowed)
            {
                if (value.Kind == JsonValueKind.String && value.String!.Length > 0) candidates.Add(value.String);
            }
            var near = NearMatch.Find(s.Value, candidates);
            if (near is not null) suggestion = $"did you mean \"{near}\"?";
        }
        ctx.Error(ValidationRules.Enum, $"unsupported value {ValueText(node)}: must be one of {text}", node.Location, suggestion);
    }

    private static string ValueText(ManifestNode node) => node is StringNode s ? Quote(s.Value) : node is ScalarNode sc ? sc.Text : Describe(node);

    private static bool EnumMatches(JsonValue value, ManifestNode node) => node switch
    {
        StringNode s => value.Kind == JsonValueKind.String && string.Equals(value.String, s.Value, StringComparison.Ordinal),
        IntegerNode i => value.Kind == JsonValueKind.Number && value.Number == i.Value,
        NumberNode n => value.Kind == JsonValueKind.Number && value.Number.Equals(n.Value),
        BooleanNode b => value.Kind == (b.Value ? JsonValueKind.True : JsonValueKind.False),
        NullNode => value.Kind == JsonValueKind.Null,
        _ => false,
    };

    private static void CheckString(StringNode node, CompiledSchema schema, ValidationContext ctx)
    {
        var value = node.Value;
        if (schema.MinLength is { } min && value.Length < min * 2 && CountRunes(value) < min)
        {
            ctx.Error(ValidationRules.MinLength,
                min == 1 ? "must not be empty" : $"must be at least {Plural(min, "character")} long", node.Location);
        }
        if (schema.MaxLength is { } max && value.Length > max)
        {
            var runes = CountRunes(value);
            if (runes > max)
                ctx.Error(ValidationRules.MaxLength, $"must be at most {Plural(max, "character")} long, has {runes.ToString(CultureInfo.InvariantCulture)}", node.Location);
        }
        if (schema.Pattern is not null && schema.PatternRegex is { } regex)
        {
            bool matches;
            try
            {
                matches = regex.IsMatch(value.AsSpan());
            }
            catch (RegexMatchTimeoutException)
            {
                matches = false;
            }
            if (!matches)
                ctx.Error(ValidationRules.Pattern, $"{Quote(value)} does not match the pattern {schema.Pattern}", node.Location);
        }
        if (schema.Format is not null && !schema.IntOrString && Formats.StringProblem(schema.Format, value) is { } problem)
        {
            ctx.Error(ValidationRules.Format, $"{Quote(value)} {problem}", node.Location,
                schema.Format == "byte" ? "encode the value with base64" : null);
        }
    }

    private static int CountRunes(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            count++;
        }
        return count;
    }

    private static void CheckNumber(double value, ManifestNode node, CompiledSchema schema, ValidationContext ctx)
    {
        if (schema.Minimum is { } min && (schema.ExclusiveMinimum ? value <= min : value < min))
        {
            ctx.Error(ValidationRules.Minimum,
                schema.ExclusiveMinimum ? $"must be greater than {Num(min)}" : $"must be greater than or equal to {Num(min)}", node.Location);
        }
        if (schema.Maximum is { } max && (schema.ExclusiveMaximum ? value >= max : value > max))
        {
            ctx.Error(ValidationRules.Maximum,
                schema.ExclusiveMaximum ? $"must be less than {Num(max)}" : $"must be less than or equal to {Num(max)}", node.Location);
        }
        if (schema.MultipleOf is { } step && step > 0)
        {
            var quotient = value / step;
            if (Math.Abs(quotient - Math.Round(quotient)) > 1e-9)
                ctx.Error(ValidationRules.MultipleOf, $"must be a multiple of {Num(step)}", node.Location);
        }
    }

    private static string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static string Plural(long n, string word) => n == 1 ? $"1 {word}" : $"{n.ToString(CultureInfo.InvariantCulture)} {word}s";

    private static void CheckJunctors(ManifestNode node, CompiledSchema schema, ValidationContext ctx)
    {
        if (schema.AllOf is { } allOf)
        {
            ctx.EnterJunctor();
            foreach (var slot in allOf) Walk(node, slot.Schema, ctx);
            ctx.ExitJunctor();
        }
        if (schema.AnyOf is { } anyOf)
        {
            var matched = false;
            foreach (var slot in anyOf)
            {
                if (Matches(node, slot.Schema, ctx)) { matched = true; break; }
            }
            if (!matched)
            {
                ctx.Error(ValidationRules.AnyOf, $"{Describe(node)} matches none of the allowed forms{Forms(anyOf)}", node.Location);
            }
        }
        if (schema.OneOf is { } oneOf)
        {
            var count = 0;
            foreach (var slot in oneOf)
            {
                if (Matches(node, slot.Schema, ctx)) count++;
            }
            if (count != 1)
            {
                ctx.Error(ValidationRules.OneOf,
                    count == 0
                        ? $"{Describe(node)} matches none of the allowed forms{Forms(oneOf)}"
                        : $"{Describe(node)} matches {count.ToString(CultureInfo.InvariantCulture)} of the allowed forms, but must match exactly one{Forms(oneOf)}",
                    node.Location);
            }
        }
        if (schema.Not is { } not && Matches(node, not.Schema, ctx))
            ctx.Error(ValidationRules.Not, $"{Describe(node)} matches a form that is not allowed here", node.Location);
    }

    /// <summary>Describes junctor branches when they are simple: <c>(integer, string)</c> for type-only branches, <c>(with field a, with field b)</c> for required-only ones.</summary>
    private static string Forms(SchemaSlot[] branches)
    {
        var parts = new List<string>(branches.Length);
        foreach (var slot in branches)
        {
            var s = slot.Schema;
            if (s.Types != JsonTypes.None && s.Properties is null && s.Required is null) parts.Add(TypeNames(s.Types));
            else if (s.Types == JsonTypes.None && s.Required is { Length: > 0 } r && s.Properties is null) parts.Add("with " + string.Join(" and ", r));
            else return "";
        }
        return " (" + string.Join("; ", parts) + ")";
    }

    /// <summary>True when the node satisfies the schema; nothing is reported.</summary>
    private static bool Matches(ManifestNode node, CompiledSchema schema, ValidationContext ctx)
    {
        var saved = ctx.TakeProbeErrors();
        ctx.EnterProbe();
        Walk(node, schema, ctx);
        ctx.ExitProbe();
        var errors = ctx.TakeProbeErrors();
        ctx.RestoreProbeErrors(saved);
        return errors == 0;
    }
}
