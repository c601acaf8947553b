using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Models;

/// <summary>A typed model that converts to and from the manifest tree. All generated models implement it.</summary>
public interface IManifestModel
{
    /// <summary>Fields the schema does not describe (or whose values did not fit), kept so nothing is dropped.</summary>
    MappingNode? ExtraFields { get; }

    /// <summary>Converts the model to a mapping node.</summary>
    MappingNode ToNode();

    /// <summary>Adds the extra fields of this model and of every model below it to <paramref name="into"/>, with their paths.</summary>
    void CollectExtraFields(NodePath path, ICollection<ExtraField> into);
}

/// <summary>A field that a typed model kept as raw node because the schema does not describe it or its value did not fit.</summary>
/// <param name="Path">The field's path, e.g. <c>spec.source.unknownThing</c>.</param>
/// <param name="Value">The field's value as read.</param>
public sealed record ExtraField(NodePath Path, ManifestNode Value);

/// <summary>Names the exact API string of an enum member, e.g. <c>[ApiValue("ServerSideApply=true")]</c>.</summary>
/// <param name="value">The string the API uses.</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ApiValueAttribute(string value) : Attribute
{
    /// <summary>The string the API uses.</summary>
    public string Value { get; } = value;
}

/// <summary>A node does not have the shape a typed model expects (for example a string where a number belongs).</summary>
public sealed class ModelConversionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelConversionException(string message, SourceLocation? location = null)
        : base(location is null ? message : $"{location}: {message}")
        => Location = location;

    /// <summary>Where the offending node was read from, when known.</summary>
    public SourceLocation? Location { get; }
}

/// <summary>Extension methods for every typed model.</summary>
public static class ManifestModelExtensions
{
    /// <summary>All fields that the model and the models below it kept as extra, raw fields, with their paths.</summary>
    public static IReadOnlyList<ExtraField> GetExtraFields(this IManifestModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var list = new List<ExtraField>();
        model.CollectExtraFields(NodePath.Root, list);
        return list;
    }
}
