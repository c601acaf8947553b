using System.Text.Json.Nodes;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>A schema on its way to becoming a file: its header (with no schema yet) and the cleaned structural schema.</summary>
/// <param name="Header">Identity and flags; its <see cref="ResourceSchema.OpenApiV3Schema"/> is unset.</param>
/// <param name="OpenApi">The cleaned schema, or <c>null</c> for an unserved version.</param>
/// <param name="SourceFile">The input file, for messages.</param>
internal sealed record SchemaDraft(ResourceSchema Header, JsonObject? OpenApi, string? SourceFile)
{
    /// <summary>Writes the file text and reads it back, so that every result is exactly what a later load will see.</summary>
    public ImportedSchema ToImported()
    {
        var path = SchemaFile.RelativePath(Header);
        var json = SchemaFile.Write(Header, OpenApi);
        return new ImportedSchema(path, SchemaFile.Read(json, path), json) { SourceFile = SourceFile };
    }
}
