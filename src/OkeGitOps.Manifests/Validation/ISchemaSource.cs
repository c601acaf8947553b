using System.Text.Json;
using OkeGitOps.Manifests.Schemas;

namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// What the validator needs from a schema registry. Stand-in until <c>SchemaRegistry</c> lands; then an adapter over it.
/// Every member except <see cref="Find"/> runs only on failure paths.
/// </summary>
internal interface ISchemaSource
{
    /// <summary>The schema for an exact apiVersion and kind, served or not; <c>null</c> when unknown.</summary>
    ResourceSchema? Find(string apiVersion, string kind);

    /// <summary>Every recorded apiVersion and kind, served or not, without loading their schemas.</summary>
    IEnumerable<(string ApiVersion, string Kind)> Kinds { get; }

    /// <summary>The served versions of a kind in a group (empty for core), preferred first.</summary>
    IReadOnlyList<string> ServedVersions(string group, string kind);

    /// <summary>The structural schema of <c>metadata</c> (Kubernetes ObjectMeta), when known.</summary>
    JsonElement? ObjectMeta { get; }
}
