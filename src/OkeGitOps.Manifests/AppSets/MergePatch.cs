using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>
/// Applies a <c>templatePatch</c> to a rendered Application the way a strategic merge patch does for the Application
/// type, which declares no list merge keys: mappings merge key by key, lists and scalars replace, null deletes.
/// </summary>
internal static class MergePatch
{
    public static ManifestNode Apply(ManifestNode target, ManifestNode patch)
    {
        if (patch is not MappingNode p) return patch;
        var result = target as MappingNode ?? MappingNode.Empty;
        foreach (var entry in p.Entries)
        {
            if (entry.Value is NullNode)
            {
                result = result.Remove(entry.Key);
                continue;
            }
            var existing = result.GetValueOrDefault(entry.Key);
            result = result.Set(entry.Key, existing is MappingNode && entry.Value is MappingNode ? Apply(existing, entry.Value) : entry.Value);
        }
        return result;
    }
}
