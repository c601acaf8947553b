using System.Text.Json;
using OkeGitOps.Manifests.Schemas;

namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// What the validator needs from a schema registry. Stand-in until <c>SchemaRegistry</c> lands; then an adapter over it.
/// </summary>
internal interface ISchemaSource
{
    /// <summary>The schema for an exact apiVersion and kind, served or not; <c>null</c> when unknown.</summary>
    ResourceSchema? Find(string apiVersion, string kind);

    /// <summary>Every known schema, used only on failure paths to suggest alternatives.</summary>
    IEnumerable<ResourceSchema> All { get; }

    /// <summary>The structural schema of <c>metadata</c> (Kubernetes ObjectMeta), when known.</summary>
    JsonElement? ObjectMeta { get; }
}
