using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>Small helpers to write Helm values without nesting maps by hand.</summary>
public static class HelmValues
{
    /// <summary>Values holding one string at a dotted path, e.g. <c>At("prometheus.prometheusSpec.retention", "30d")</c>.</summary>
    public static MappingNode At(string dottedPath, string value) => At(dottedPath, ManifestNode.String(value));

    /// <summary>Values holding one node at a dotted path.</summary>
    public static MappingNode At(string dottedPath, ManifestNode value)
    {
        ArgumentException.ThrowIfNullOrEmpty(dottedPath);
        ArgumentNullException.ThrowIfNull(value);
        var parts = dottedPath.Split('.');
        var node = value;
        for (var i = parts.Length - 1; i >= 0; i--) node = ManifestNode.Map((parts[i], node));
        return (MappingNode)node;
    }
}
