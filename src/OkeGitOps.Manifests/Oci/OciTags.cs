using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Oci;

/// <summary>OCI defined and freeform tags as the JSON the CCM reads (keys sorted, so output is stable).</summary>
internal static class OciTags
{
    public static EquatableMap<EquatableMap<string>> AddDefined(EquatableMap<EquatableMap<string>>? tags, string tagNamespace, string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(tagNamespace);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        tags ??= EquatableMap<EquatableMap<string>>.Empty;
        var inner = tags.TryGetValue(tagNamespace, out var existing) ? existing : EquatableMap<string>.Empty;
        return tags.SetItem(tagNamespace, inner.SetItem(key, value));
    }

    public static string DefinedJson(EquatableMap<EquatableMap<string>> tags)
        => OciJson.NestedStringMap(tags.Select(t => new KeyValuePair<string, IEnumerable<KeyValuePair<string, string>>>(t.Key, t.Value)));

    public static string FreeformJson(EquatableMap<string> tags) => OciJson.StringMap(tags);
}
