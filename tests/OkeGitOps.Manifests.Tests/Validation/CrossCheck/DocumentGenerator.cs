using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Tests.Validation.CrossCheck;

/// <summary>How a generated document was broken on purpose.</summary>
internal enum Mutation
{
    None,
    WrongType,
    UnknownField,
    MissingRequired,
    BadEnum,
    PatternBreak,
}

/// <summary>A generated document, the mutation applied, and where (the path a validator should report).</summary>
internal sealed record GeneratedDocument(ManifestNode Root, Mutation Mutation, NodePath? Site, string ExpectedRule)
{
    public override string ToString() => $"{Mutation} at {Site?.ToString() ?? "-"}: {TreeJson.ToJson(Root)}";
}

/// <summary>
/// Generates documents from a kind's schema: valid instances (required fields always, a few optional ones, values
/// within enum, pattern, length and range limits), then optionally one mutation at a random applicable place.
/// Everything is a function of one seed, which FsCheck supplies, so a failing case can be replayed.
/// </summary>
internal sealed class DocumentGenerator
{
    private const int MaxDepth = 9;
    private const int MaxOptionalPerObject = 3;

    private static readonly string[] PatternCandidates =
    [
        "abc", "a-b", "app-db", "a.b", "key.name", "x1", "kube-system", "ab", "a", "my_key", "@daily",
        "sa@proj.iam.gserviceaccount.com", "0 * * * *", "A1",
    ];

    private static readonly string[] PatternBreakers = ["Bad Value!", "UPPER_case", "-x-", ".", "/", "a b", "é", ""];

    private readonly JsonObject _schema;
    private readonly string _apiVersion;
    private readonly string _kind;
    private readonly ResourceScope _scope;
    private readonly bool _validOnly;

    // validOnly: leave out optional fields whose value cannot be made valid (a pattern none of the candidates
    // match, below them too), so that GenerateValid gives documents that pass validation.
    public DocumentGenerator(JsonObject schema, string apiVersion, string kind, ResourceScope scope, bool validOnly = false)
    {
        _schema = schema;
        _apiVersion = apiVersion;
        _kind = kind;
        _scope = scope;
        _validOnly = validOnly;
    }

    /// <summary>A valid document for a seed: required fields, a few optional ones, values within the schema's limits.</summary>
    public MappingNode GenerateValid(int seed) => (MappingNode)Object(_schema, new Random(seed), 0, NodePath.Root, [], isRoot: true);

    /// <summary>Whether the generator can make a valid value for the schema (patterns it has a matching candidate for).</summary>
    private static bool Satisfiable(JsonObject schema, int depth = 0)
    {
        if (depth > MaxDepth) return true;
        if (schema["enum"] is JsonArray { Count: > 0 }) return true;
        if (UpstreamSchemas.Str(schema, "pattern") is { } pattern && UpstreamSchemas.Str(schema, "type") == "string")
        {
            var regex = new Regex(pattern, RegexOptions.ECMAScript);
            var minLength = (int)(schema["minLength"]?.GetValue<long>() ?? 0);
            var maxLength = (int)Math.Min(schema["maxLength"]?.GetValue<long>() ?? 12, 12);
            return PatternCandidates.Any(c => regex.IsMatch(c) && c.Length >= minLength && c.Length <= Math.Max(maxLength, minLength));
        }
        if (schema["properties"] is JsonObject properties && schema["required"] is JsonArray required)
        {
            foreach (var name in required)
            {
                if (properties[name!.GetValue<string>()] is JsonObject p && !Satisfiable(p, depth + 1)) return false;
            }
        }
        if (schema["items"] is JsonObject items && (schema["minItems"]?.GetValue<long>() ?? 0) > 0) return Satisfiable(items, depth + 1);
        return true;
    }

    /// <summary>A document for a seed; about a quarter are left valid, the rest get one mutation.</summary>
    public GeneratedDocument Generate(int seed)
    {
        var random = new Random(seed);
        var sites = new List<Site>();
        var root = (MappingNode)Object(_schema, random, 0, NodePath.Root, sites, isRoot: true);
        // A quarter stay valid; the rest get one mutation each, spread over the five kinds.
        var wanted = (seed % 8) switch
        {
            0 or 1 => Mutation.None,
            7 => (Mutation)random.Next(1, 6),
            var n => (Mutation)(n - 1),
        };
        if (wanted == Mutation.None) return new GeneratedDocument(root, Mutation.None, null, "");
        // Kinds without, say, enums or patterns get another mutation instead.
        var candidates = sites.Where(s => s.Mutation == wanted).ToList();
        if (candidates.Count == 0) candidates = sites;
        if (candidates.Count == 0) return new GeneratedDocument(root, Mutation.None, null, "");
        var site = candidates[random.Next(candidates.Count)];
        return new GeneratedDocument(Replace(root, site.Path, 0, _ => site.Apply(random)), site.Mutation, site.ReportedAt, site.Rule);
    }

    /// <summary>A place where a mutation can be made: the node's path, what to put there, and where it is reported.</summary>
    private sealed record Site(Mutation Mutation, NodePath Path, NodePath ReportedAt, string Rule, Func<Random, ManifestNode?> Apply);

    private ManifestNode Value(JsonObject schema, Random r, int depth, NodePath path, List<Site> sites)
    {
        var intOrString = UpstreamSchemas.Bool(schema, "x-kubernetes-int-or-string");
        var type = UpstreamSchemas.Str(schema, "type");
        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            var chosen = TreeJson.FromElement(UpstreamSchemas.Element(values[r.Next(values.Count)]!));
            if (chosen is StringNode)
                sites.Add(new Site(Mutation.BadEnum, path, path, ValidationRules.Enum, _ => ManifestNode.String("NotAnAllowedValue")));
            AddWrongType(schema, type, intOrString, path, sites);
            return chosen;
        }
        if (intOrString)
        {
            sites.Add(new Site(Mutation.WrongType, path, path, ValidationRules.Type, _ => ManifestNode.Boolean(true)));
            return r.Next(2) == 0 ? ManifestNode.Integer(r.Next(1, 65536)) : ManifestNode.String(Word(r, 1, 10));
        }
        AddWrongType(schema, type, intOrString, path, sites);
        switch (type)
        {
            case "object":
                return Object(schema, r, depth, path, sites, isRoot: false);
            case "array":
                return Array(schema, r, depth, path, sites);
            case "string":
                return String(schema, r, path, sites);
            case "integer":
                return ManifestNode.Integer(Integer(schema, r));
            case "number":
                return ManifestNode.Number(Integer(schema, r) + 0.5);
            case "boolean":
                return ManifestNode.Boolean(r.Next(2) == 0);
            default:
                // Untyped (free-form) values: a small scalar or map.
                return r.Next(3) switch
                {
                    0 => ManifestNode.String(Word(r, 1, 8)),
                    1 => ManifestNode.Integer(r.Next(100)),
                    _ => ManifestNode.Map(("k", ManifestNode.String(Word(r, 1, 5)))),
                };
        }
    }

    private static void AddWrongType(JsonObject schema, string? type, bool intOrString, NodePath path, List<Site> sites)
    {
        if (UpstreamSchemas.Bool(schema, "x-kubernetes-preserve-unknown-fields") && type is null) return;
        ManifestNode? wrong = type switch
        {
            "object" => ManifestNode.String("not-an-object"),
            "array" => ManifestNode.Map(("not", ManifestNode.String("a-list"))),
            "string" => ManifestNode.List(ManifestNode.String("x")),
            "integer" => ManifestNode.String("seven"),
            "number" => ManifestNode.Boolean(false),
            "boolean" => ManifestNode.String("yes-please"),
            _ => intOrString ? ManifestNode.Boolean(true) : null,
        };
        if (wrong is not null) sites.Add(new Site(Mutation.WrongType, path, path, ValidationRules.Type, _ => wrong));
    }

    private ManifestNode Object(JsonObject schema, Random r, int depth, NodePath path, List<Site> sites, bool isRoot)
    {
        var entries = new List<(string, ManifestNode)>();
        var properties = schema["properties"] as JsonObject;
        var required = (schema["required"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToHashSet() ?? [];
        if (isRoot)
        {
            entries.Add(("apiVersion", ManifestNode.String(_apiVersion)));
            entries.Add(("kind", ManifestNode.String(_kind)));
            entries.Add(("metadata", _scope == ResourceScope.Cluster
                ? ManifestNode.Map(("name", ManifestNode.String("generated")))
                : ManifestNode.Map(("name", ManifestNode.String("generated")), ("namespace", ManifestNode.String("default")))));
        }
        if (properties is not null)
        {
            var optional = properties.Select(p => p.Key).Where(k => !required.Contains(k) && !(isRoot && k is "apiVersion" or "kind" or "metadata" or "status"))
                .Where(k => !_validOnly || Satisfiable(properties[k]!.AsObject()))
                .ToList();
            var take = depth >= MaxDepth ? 0 : r.Next(Math.Min(MaxOptionalPerObject, optional.Count) + 1);
            var requiredCount = properties.Count(p => required.Contains(p.Key));
            if (schema["maxProperties"] is JsonValue maxProperties) take = Math.Min(take, (int)maxProperties.GetValue<long>() - requiredCount);
            if (schema["minProperties"] is JsonValue minProperties) take = Math.Max(take, (int)minProperties.GetValue<long>() - requiredCount);
            take = Math.Clamp(take, 0, optional.Count);
            var chosen = optional.OrderBy(_ => r.Next()).Take(take).ToHashSet();
            foreach (var (key, value) in properties)
            {
                if (isRoot && key is "apiVersion" or "kind" or "metadata") continue;
                if (!required.Contains(key) && !chosen.Contains(key)) continue;
                entries.Add((key, Value(value!.AsObject(), r, depth + 1, path.Key(key), sites)));
                if (required.Contains(key))
                {
                    var k = key;
                    sites.Add(new Site(Mutation.MissingRequired, path.Key(k), path, ValidationRules.Required, _ => null));
                }
            }
        }
        else if (schema["additionalProperties"] is JsonObject additional && depth < MaxDepth)
        {
            var count = r.Next(3);
            if (schema["maxProperties"] is JsonValue maxProperties) count = Math.Min(count, (int)maxProperties.GetValue<long>());
            if (schema["minProperties"] is JsonValue minProperties) count = Math.Max(count, (int)minProperties.GetValue<long>());
            for (var i = 0; i < count; i++)
            {
                var key = $"{Word(r, 1, 6)}{i}";
                entries.Add((key, Value(additional, r, depth + 1, path.Key(key), sites)));
            }
        }
        var strict = !UpstreamSchemas.Bool(schema, "x-kubernetes-preserve-unknown-fields") && !schema.ContainsKey("additionalProperties");
        if (strict && UpstreamSchemas.Str(schema, "type") == "object")
        {
            var unknown = properties is { Count: > 0 } && r.Next(2) == 0
                ? properties.Select(p => p.Key).First() + "Typo"
                : "zzUnknownField";
            if (properties?.ContainsKey(unknown) != true)
                sites.Add(new Site(Mutation.UnknownField, path.Key(unknown), path.Key(unknown), ValidationRules.UnknownField, _ => ManifestNode.String("x")));
        }
        return ManifestNode.Map(entries.ToArray());
    }

    private ManifestNode Array(JsonObject schema, Random r, int depth, NodePath path, List<Site> sites)
    {
        var min = (int)(schema["minItems"]?.GetValue<long>() ?? 0);
        var listType = UpstreamSchemas.Str(schema, "x-kubernetes-list-type");
        // Sets and map-lists get at most one generated item (plus copies are never made), so uniqueness holds.
        var max = listType is "set" or "map" ? 1 : 2;
        var count = depth >= MaxDepth ? min : Math.Max(min, r.Next(max + 1));
        var items = new List<ManifestNode>();
        if (schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < count; i++) items.Add(Value(itemSchema, r, depth + 1, path.Index(i), sites));
        }
        return ManifestNode.List(items);
    }

    private static StringNode String(JsonObject schema, Random r, NodePath path, List<Site> sites)
    {
        var minLength = (int)(schema["minLength"]?.GetValue<long>() ?? 0);
        var maxLength = (int)Math.Min(schema["maxLength"]?.GetValue<long>() ?? 12, 12);
        var format = UpstreamSchemas.Str(schema, "format");
        if (format == "date-time") return new StringNode("2025-01-31T12:00:00Z");
        if (format == "byte") return new StringNode(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Word(r, 0, 9))));
        if (UpstreamSchemas.Str(schema, "pattern") is { } pattern)
        {
            var regex = new Regex(pattern, RegexOptions.ECMAScript);
            var matching = PatternCandidates.Where(c => regex.IsMatch(c) && c.Length >= minLength && c.Length <= Math.Max(maxLength, minLength)).ToList();
            var breaker = PatternBreakers.FirstOrDefault(b => !regex.IsMatch(b) && b.Length >= minLength);
            if (breaker is not null)
                sites.Add(new Site(Mutation.PatternBreak, path, path, ValidationRules.Pattern, _ => ManifestNode.String(breaker)));
            if (matching.Count > 0) return new StringNode(matching[r.Next(matching.Count)]);
        }
        return new StringNode(Word(r, Math.Max(minLength, 1), Math.Max(maxLength, Math.Max(minLength, 1))));
    }

    private static long Integer(JsonObject schema, Random r)
    {
        var min = (long)(schema["minimum"]?.GetValue<double>() ?? 0);
        var max = (long)(schema["maximum"]?.GetValue<double>() ?? 1000);
        if (schema["exclusiveMinimum"]?.GetValue<bool>() == true) min++;
        if (schema["exclusiveMaximum"]?.GetValue<bool>() == true) max--;
        max = Math.Min(max, min + 1000);
        return r.NextInt64(min, max + 1);
    }

    private static string Word(Random r, int minLength, int maxLength)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        var length = r.Next(minLength, Math.Max(minLength, maxLength) + 1);
        return string.Create(length, r, (span, rnd) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = letters[rnd.Next(letters.Length)];
        });
    }

    /// <summary>Rebuilds the tree with the node at <paramref name="path"/> replaced (or removed, or added, when the key is new).</summary>
    private static ManifestNode Replace(ManifestNode node, NodePath path, int depth, Func<ManifestNode?, ManifestNode?> change)
    {
        var segment = path.Segments[depth];
        var last = depth == path.Segments.Count - 1;
        switch (node, segment)
        {
            case (MappingNode m, string key):
            {
                m.TryGetValue(key, out var current);
                var replacement = last ? change(current) : Replace(current!, path, depth + 1, change);
                return replacement is null ? m.Remove(key) : m.Set(key, replacement);
            }
            case (SequenceNode s, int index):
            {
                var replacement = last ? change(s[index]) : Replace(s[index], path, depth + 1, change);
                return replacement is null ? new SequenceNode(s.Items.RemoveAt(index)) : s.SetItem(index, replacement);
            }
            default:
                throw new InvalidOperationException($"cannot follow {path} at segment {depth}");
        }
    }
}
