using System.Text.Json.Nodes;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>Converts a manifest tree (for example a CRD read from YAML) into a <see cref="JsonNode"/> tree.</summary>
internal static class NodeJson
{
    /// <summary>Converts a node; <paramref name="path"/> is the node's own path, used in errors.</summary>
    /// <exception cref="SchemaImportException">A float is NaN or infinite, which JSON cannot hold.</exception>
    public static JsonNode? ToJson(ManifestNode node, NodePath path)
    {
        switch (node)
        {
            case MappingNode map:
            {
                var obj = new JsonObject();
                foreach (var entry in map.Entries) obj[entry.Key] = ToJson(entry.Value, path.Key(entry.Key));
                return obj;
            }
            case SequenceNode seq:
            {
                var array = new JsonArray();
                for (var i = 0; i < seq.Count; i++) array.Add(ToJson(seq[i], path.Index(i)));
                return array;
            }
            case StringNode s:
                return JsonValue.Create(s.Value);
            case IntegerNode i:
                return JsonValue.Create(i.Value);
            case NumberNode n when double.IsFinite(n.Value):
                return JsonValue.Create(n.Value);
            case NumberNode n:
                throw new SchemaImportException(Diagnostic.Error(
                    SchemaRules.BadValue,
                    $"the number {n.Text} cannot be written as JSON",
                    path,
                    n.Location));
            case BooleanNode b:
                return JsonValue.Create(b.Value);
            case NullNode:
                return null;
            default:
                throw new ArgumentException($"Unknown node type {node.GetType().Name}.", nameof(node));
        }
    }
}
