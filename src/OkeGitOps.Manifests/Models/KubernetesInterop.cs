using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using k8s;
using k8s.Models;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Models;

/// <summary>
/// Bridges KubernetesClient's <c>k8s.Models</c> types and this library. Any KubernetesClient object can be put into
/// output as a <see cref="ManifestNode"/>, and the core kinds convert to and from their typed models
/// (for example <see cref="Core.Service.FromKubernetes"/> and <see cref="Core.Service.ToKubernetes"/>).
/// The route is KubernetesClient's own JSON form, so its converters for quantities, int-or-string values,
/// timestamps and byte data decide the wire shape, exactly as they do when talking to an API server.
/// </summary>
public static class KubernetesInterop
{
    /// <summary>
    /// Converts a KubernetesClient object (any <c>k8s.Models</c> type, typically an <see cref="IKubernetesObject"/>)
    /// into a manifest tree that can be validated and emitted like any other. When the object leaves
    /// <c>apiVersion</c> or <c>kind</c> unset, they are filled in from the type's <see cref="KubernetesEntityAttribute"/>.
    /// Unset (null) properties are left out.
    /// </summary>
    /// <param name="value">The object, e.g. a <see cref="V1Deployment"/>.</param>
    public static ManifestNode FromKubernetesObject(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var json = JsonDocument.Parse(KubernetesJson.Serialize(value));
        var node = FromJson(json.RootElement);
        if (node is MappingNode map && value.GetType().GetCustomAttribute<KubernetesEntityAttribute>() is { } entity)
        {
            var entries = ImmutableArray.CreateBuilder<MappingEntry>(map.Count + 2);
            if (map.GetString("apiVersion") is null)
            {
                var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
                entries.Add(new MappingEntry("apiVersion", ManifestNode.String(apiVersion)));
            }
            if (map.GetString("kind") is null) entries.Add(new MappingEntry("kind", ManifestNode.String(entity.Kind)));
            foreach (var e in map.Entries)
            {
                if ((e.Key is "apiVersion" or "kind") && e.Value is NullNode) continue;
                entries.Add(e);
            }
            node = new MappingNode(entries.ToImmutable());
        }
        return node;
    }

    /// <summary>Converts a manifest tree into a KubernetesClient object of type <typeparamref name="T"/>.</summary>
    /// <exception cref="JsonException">The tree does not fit <typeparamref name="T"/>.</exception>
    public static T ToKubernetesObject<T>(ManifestNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var json = NodeJson.ToJson(node, NodePath.Root)?.ToJsonString() ?? "null";
        return KubernetesJson.Deserialize<T>(json);
    }

    /// <summary>Converts a typed model into a KubernetesClient object of type <typeparamref name="T"/>.</summary>
    public static T ToKubernetesObject<T>(IManifestModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ToKubernetesObject<T>(model.ToNode());
    }

    /// <summary>Converts a parsed JSON value into a manifest tree (integers stay integers, other numbers become floats).</summary>
    public static ManifestNode FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var entries = ImmutableArray.CreateBuilder<MappingEntry>();
                foreach (var p in element.EnumerateObject()) entries.Add(new MappingEntry(p.Name, FromJson(p.Value)));
                return new MappingNode(entries.ToImmutable());
            }
            case JsonValueKind.Array:
                return ManifestNode.List(element.EnumerateArray().Select(FromJson));
            case JsonValueKind.String:
                return ManifestNode.String(element.GetString()!);
            case JsonValueKind.Number:
                return element.TryGetInt64(out var l) ? ManifestNode.Integer(l) : ManifestNode.Number(element.GetDouble());
            case JsonValueKind.True:
                return ManifestNode.Boolean(true);
            case JsonValueKind.False:
                return ManifestNode.Boolean(false);
            default:
                return ManifestNode.Null;
        }
    }
}
