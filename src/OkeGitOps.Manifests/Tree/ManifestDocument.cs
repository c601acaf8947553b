namespace OkeGitOps.Manifests.Tree;

/// <summary>One document of a YAML stream: its root node, plus where in which file it sits.</summary>
/// <param name="Root">The document's root node. An empty document has a <see cref="NullNode"/> root.</param>
/// <param name="File">The file the document was read from, or <c>null</c>.</param>
/// <param name="Index">The 0-based position of the document in its stream.</param>
/// <param name="Line">The 1-based line the document starts on, or 0 for documents built in code.</param>
public sealed record ManifestDocument(ManifestNode Root, string? File = null, int Index = 0, int Line = 0)
{
    /// <summary>The root as a mapping, or <c>null</c> when the root is something else.</summary>
    public MappingNode? Mapping => Root as MappingNode;

    /// <summary>The document's <c>apiVersion</c>, when it has a string one.</summary>
    public string? ApiVersion => Mapping?.GetString("apiVersion");

    /// <summary>The document's <c>kind</c>, when it has a string one.</summary>
    public string? Kind => Mapping?.GetString("kind");

    /// <summary>The document's <c>metadata.name</c>, when it has a string one.</summary>
    public string? Name => (Mapping?.GetValueOrDefault("metadata") as MappingNode)?.GetString("name");

    /// <summary>The document's <c>metadata.namespace</c>, when it has a string one.</summary>
    public string? Namespace => (Mapping?.GetValueOrDefault("metadata") as MappingNode)?.GetString("namespace");
}
