using System.Text.Json.Nodes;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// The <c>components.schemas</c> section of a Kubernetes OpenAPI v3 document, for resolving <c>$ref</c>.
/// A few apimachinery types are not inlined as written but replaced by the shape a CRD would give them.
/// </summary>
internal sealed class OpenApiComponents(JsonObject schemas)
{
    private const string RefPrefix = "#/components/schemas/";

    /// <summary>The path of <c>components.schemas</c> in the document.</summary>
    public static NodePath SchemasPath { get; } = NodePath.Root.Key("components").Key("schemas");

    /// <summary>The schema names, in ordinal order.</summary>
    public IEnumerable<string> Names => schemas.Select(p => p.Key).OrderBy(n => n, StringComparer.Ordinal);

    /// <summary>The schema name a <c>$ref</c> points at, or <c>null</c> when it does not point into <c>components.schemas</c>.</summary>
    public static string? NameOf(string reference)
        => reference.StartsWith(RefPrefix, StringComparison.Ordinal)
            ? reference[RefPrefix.Length..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)
            : null;

    /// <summary>The raw schema of a name, or <c>null</c> when there is none.</summary>
    public JsonNode? Get(string name) => schemas.TryGetPropertyValue(name, out var node) ? node : null;

    /// <summary>True when the document defines the name.</summary>
    public bool Contains(string name) => schemas.ContainsKey(name);

    /// <summary>Where a named schema sits in the document.</summary>
    public static NodePath PathOf(string name) => SchemasPath.Key(name);

    /// <summary>
    /// The replacement for an apimachinery type whose OpenAPI form is not what the API server accepts
    /// (IntOrString takes an integer or a string, Quantity any number or a string; Time is an RFC 3339 string; FieldsV1 is free-form),
    /// or <c>null</c> for every other name. Returns a new tree on each call.
    /// </summary>
    public static JsonObject? Replacement(string name) => name switch
    {
        "io.k8s.apimachinery.pkg.util.intstr.IntOrString" => new JsonObject { ["x-kubernetes-int-or-string"] = true },
        // A quantity may also be a JSON number with a fraction (cpu: 0.5): the format tells the validator so.
        "io.k8s.apimachinery.pkg.api.resource.Quantity" => new JsonObject { ["format"] = "quantity", ["x-kubernetes-int-or-string"] = true },
        "io.k8s.apimachinery.pkg.apis.meta.v1.Time" or "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"
            => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
        "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1"
            => new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
        _ => null,
    };
}
