using System.Text.Json;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>Whether objects of a kind live in a namespace or at cluster level.</summary>
public enum ResourceScope
{
    /// <summary>Objects carry <c>metadata.namespace</c>.</summary>
    Namespaced,
    /// <summary>Objects are cluster-wide and carry no namespace.</summary>
    Cluster,
}

/// <summary>
/// The schema of one group/version/kind, as stored in a file under <c>schemas/</c>: identity, whether the
/// version is served, where the shape came from, and the structural <c>openAPIV3Schema</c> itself.
/// </summary>
public sealed class ResourceSchema
{
    /// <summary>Creates a schema description.</summary>
    public ResourceSchema(
        string group,
        string version,
        string kind,
        ResourceScope scope,
        bool served,
        bool storage,
        bool deprecated,
        string? deprecationWarning,
        string? upstream,
        JsonElement? openApiV3Schema)
    {
        Group = group;
        Version = version;
        Kind = kind;
        Scope = scope;
        Served = served;
        Storage = storage;
        Deprecated = deprecated;
        DeprecationWarning = deprecationWarning;
        Upstream = upstream;
        OpenApiV3Schema = openApiV3Schema;
    }

    /// <summary>The API group; empty for the core group.</summary>
    public string Group { get; }

    /// <summary>The version, e.g. <c>v1alpha1</c>.</summary>
    public string Version { get; }

    /// <summary>The kind, e.g. <c>Application</c>.</summary>
    public string Kind { get; }

    /// <summary>The <c>apiVersion</c> a manifest writes: <c>group/version</c>, or just the version for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Namespaced or cluster-wide.</summary>
    public ResourceScope Scope { get; }

    /// <summary>Whether an API server with this upstream version installed accepts objects of this version.</summary>
    public bool Served { get; }

    /// <summary>Whether this is the version objects are stored in.</summary>
    public bool Storage { get; }

    /// <summary>Whether upstream marks the version deprecated.</summary>
    public bool Deprecated { get; }

    /// <summary>Upstream's deprecation warning, if any.</summary>
    public string? DeprecationWarning { get; }

    /// <summary>Which upstream release and file the shape reflects, e.g. <c>Argo CD v3.5.1 (application-crd.yaml)</c>.</summary>
    public string? Upstream { get; }

    /// <summary>The structural schema, shaped like a CRD's <c>openAPIV3Schema</c>. Absent for unserved versions.</summary>
    public JsonElement? OpenApiV3Schema { get; }

    /// <summary>The lower-case plural used in API paths, e.g. <c>applications</c>, when known.</summary>
    public string? Plural { get; init; }

    /// <summary>The kind of a list of these objects, e.g. <c>ApplicationList</c>, when known.</summary>
    public string? ListKind { get; init; }

    /// <summary>
    /// True for the schema of a shared type that is not a resource of its own, such as <c>ObjectMeta</c>:
    /// no manifest names it in <c>apiVersion</c>/<c>kind</c>, and its scope and served flags mean nothing.
    /// </summary>
    public bool IsSharedType { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{ApiVersion}/{Kind}";
}
