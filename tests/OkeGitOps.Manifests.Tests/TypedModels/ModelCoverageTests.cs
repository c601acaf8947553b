using System.Reflection;
using System.Text.Json;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Tests.TypedModels;

/// <summary>
/// Walks every covered schema beside its generated types and lists every schema field that the typed API cannot
/// reach: for each property, a mapping holding only that key (with a minimal value of the schema's type) is read
/// with the type's FromNode; the field is reachable when it lands in a typed property (not in ExtraFields), and the
/// walk then continues into that property's type. Enum values must each parse. Subtrees typed as a raw
/// <see cref="ManifestNode"/> (preserve-unknown-fields, free-form values) are reachable as they are.
/// </summary>
public class ModelCoverageTests
{
    [Fact]
    public void Every_schema_field_of_every_covered_kind_is_reachable_from_the_typed_api()
    {
        var gaps = new List<string>();
        var visited = new HashSet<Type>();
        var fields = 0;
        foreach (var (apiVersion, kind) in CoveredKinds.All)
        {
            var schema = CoveredKinds.Schema(apiVersion, kind).OpenApiV3Schema!.Value;
            var type = CoveredKinds.Model(apiVersion, kind).Type;
            WalkRecord(type, schema, $"{kind}:", gaps, visited, isRoot: true, ref fields);
        }
        WalkRecord(typeof(OkeGitOps.Manifests.Models.Meta.ObjectMeta), SchemaRegistry.Default.ObjectMeta, "ObjectMeta:", gaps, visited, isRoot: false, ref fields);
        Assert.True(gaps.Count == 0, $"{gaps.Count} schema fields are not reachable from the typed API:\n{string.Join("\n", gaps)}");
        Assert.True(fields > 1000, $"only {fields} fields were walked; the walk is not reaching into the schemas");
    }

    [Fact]
    public void The_walk_reports_a_field_that_has_no_typed_property()
    {
        var gaps = new List<string>();
        var fields = 0;
        using var doc = JsonDocument.Parse("""{"type":"object","properties":{"name":{"type":"string"},"notInTheModel":{"type":"string"}}}""");
        WalkRecord(typeof(OkeGitOps.Manifests.Models.Core.ServiceSpecPort), doc.RootElement, "X:", gaps, [], isRoot: false, ref fields);
        Assert.Equal(["X:notInTheModel"], gaps);
    }

    private static void WalkRecord(Type type, JsonElement schema, string path, List<string> gaps, HashSet<Type> visited, bool isRoot, ref int fields)
    {
        // One type is one sub-schema (the generator merges identical ones), so each type is walked once.
        if (!visited.Add(type)) return;
        if (!schema.TryGetProperty("properties", out var properties)) return;
        var fromNode = type.GetMethod("FromNode", BindingFlags.Public | BindingFlags.Static, [typeof(ManifestNode)])!;
        foreach (var property in properties.EnumerateObject())
        {
            var key = property.Name;
            if (isRoot && key is "apiVersion" or "kind") continue; // constants of every root model
            fields++;
            var fieldPath = Join(path, key);
            var sub = isRoot && key == "metadata" ? SchemaRegistry.Default.ObjectMeta : property.Value;
            var model = (IManifestModel)fromNode.Invoke(null, [ManifestNode.Map((key, Sample(sub)))])!;
            var holder = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.Name != nameof(IManifestModel.ExtraFields) && p.GetIndexParameters().Length == 0)
                .SingleOrDefault(p => p.GetValue(model) is not null);
            if (model.ExtraFields is not null || holder is null || !model.ToNode().ContainsKey(key))
            {
                gaps.Add(fieldPath);
                continue;
            }
            if (isRoot && key == "metadata") continue; // ObjectMeta is walked on its own
            WalkValue(Nullable.GetUnderlyingType(holder.PropertyType) ?? holder.PropertyType, sub, fieldPath, gaps, visited, ref fields);
        }
    }

    private static void WalkValue(Type type, JsonElement schema, string path, List<string> gaps, HashSet<Type> visited, ref int fields)
    {
        if (typeof(IManifestModel).IsAssignableFrom(type))
        {
            WalkRecord(type, schema, path, gaps, visited, isRoot: false, ref fields);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>) && schema.TryGetProperty("items", out var items))
        {
            WalkValue(type.GetGenericArguments()[0], items, path + "[]", gaps, visited, ref fields);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableMap<>)
            && schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            WalkValue(type.GetGenericArguments()[0], values, path + "{}", gaps, visited, ref fields);
        }
        else if (type.IsEnum && schema.TryGetProperty("enum", out var allowed))
        {
            var values2 = type.Assembly.GetType(type.FullName + "Values")!;
            var read = values2.GetMethod("FromNode", BindingFlags.Public | BindingFlags.Static)!;
            foreach (var value in allowed.EnumerateArray())
            {
                try
                {
                    read.Invoke(null, [ManifestNode.String(value.GetString()!)]);
                }
                catch (TargetInvocationException)
                {
                    gaps.Add($"{path} = \"{value.GetString()}\"");
                }
            }
        }
    }

    /// <summary>A minimal value of the schema's type: enough for FromNode to put it into its typed property.</summary>
    private static ManifestNode Sample(JsonElement schema)
    {
        if (schema.TryGetProperty("x-kubernetes-int-or-string", out var ios) && ios.ValueKind == JsonValueKind.True) return ManifestNode.Integer(1);
        if (schema.TryGetProperty("enum", out var e) && e.GetArrayLength() > 0 && e[0].ValueKind == JsonValueKind.String) return ManifestNode.String(e[0].GetString()!);
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        return type switch
        {
            "string" => ManifestNode.String("x"),
            "integer" => ManifestNode.Integer(1),
            "number" => ManifestNode.Number(1.5),
            "boolean" => ManifestNode.Boolean(true),
            "array" => SequenceNode.Empty,
            _ => MappingNode.Empty,
        };
    }

    private static string Join(string path, string key) => path.EndsWith(':') ? path + key : path + "." + key;
}
