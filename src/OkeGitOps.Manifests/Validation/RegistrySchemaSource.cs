using System.Text.Json;
using OkeGitOps.Manifests.Schemas;

namespace OkeGitOps.Manifests.Validation;

/// <summary>The validator's view of a <see cref="SchemaRegistry"/>.</summary>
internal sealed class RegistrySchemaSource(SchemaRegistry registry) : ISchemaSource
{
    public ResourceSchema? Find(string apiVersion, string kind) => registry.Find(apiVersion, kind);

    public IEnumerable<(string ApiVersion, string Kind)> Kinds => registry.Kinds;

    public IReadOnlyList<string> ServedVersions(string group, string kind) => registry.ServedVersions(group, kind);

    public JsonElement? ObjectMeta => registry.ObjectMeta;
}
