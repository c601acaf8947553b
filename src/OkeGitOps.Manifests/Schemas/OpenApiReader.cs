using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Reads a Kubernetes OpenAPI v3 document: every schema in <c>components.schemas</c> that carries
/// <c>x-kubernetes-group-version-kind</c> becomes one draft per group/version/kind, with its references inlined.
/// <c>ObjectMeta</c>, which has no group/version/kind of its own, becomes the shared type <c>meta/v1/ObjectMeta</c>.
/// </summary>
internal static class OpenApiReader
{
    /// <summary>The component name of ObjectMeta.</summary>
    public const string ObjectMetaComponent = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    /// <summary>The kind name under which ObjectMeta is asked for and recorded.</summary>
    public const string ObjectMetaKind = "ObjectMeta";

    /// <summary>The group recorded for shared apimachinery types.</summary>
    public const string SharedGroup = "meta";

    /// <summary>Reads the drafts of the kinds asked for (all kinds, plus ObjectMeta, when <paramref name="kinds"/> is null).</summary>
    /// <param name="json">The document text.</param>
    /// <param name="upstream">The upstream label, recorded as is.</param>
    /// <param name="kinds">The kinds to read, or <c>null</c> for all.</param>
    /// <param name="file">The file name for diagnostics.</param>
    /// <param name="available">When given, receives every kind the document offers, read or not.</param>
    /// <exception cref="SchemaImportException">The text is not JSON, not an OpenAPI v3 document, or has a broken schema.</exception>
    /// <param name="resourcesOnly">
    /// When true, only kinds the document serves as resources are read (those with a list or create operation of
    /// their own in <c>paths</c>): not the API machinery kinds every document repeats (Status, DeleteOptions,
    /// WatchEvent, APIResourceList), list kinds, or subresources (Scale, Eviction); and not ObjectMeta.
    /// </param>
    public static IReadOnlyList<SchemaDraft> Read(string json, string? upstream, IReadOnlySet<string>? kinds, string? file, ICollection<string>? available = null, bool resourcesOnly = false)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, CanonicalJson.NodeOptions, CanonicalJson.ReadOptions);
        }
        catch (JsonException e)
        {
            throw new SchemaImportException(JsonLocations.BadJson(e, file, "the OpenAPI document"));
        }

        byte[]? utf8 = null;
        SourceLocation? Locate(NodePath path)
        {
            utf8 ??= Encoding.UTF8.GetBytes(json);
            return JsonLocations.Locate(utf8, path, file);
        }

        if (root?["components"]?["schemas"] is not JsonObject schemas)
        {
            throw new SchemaImportException(Diagnostic.Error(
                SchemaRules.MissingField,
                "not a Kubernetes OpenAPI v3 document: it has no components.schemas",
                location: Locate(NodePath.Root),
                suggestion: "pass a file like api/openapi-spec/v3/api__v1_openapi.json, or a CRD in YAML"));
        }
        var paths = root["paths"] as JsonObject;
        var components = new OpenApiComponents(schemas);
        var drafts = new List<SchemaDraft>();

        foreach (var name in components.Names)
        {
            if (components.Get(name)?["x-kubernetes-group-version-kind"] is not JsonArray gvks) continue;
            for (var i = 0; i < gvks.Count; i++)
            {
                var at = OpenApiComponents.PathOf(name).Key("x-kubernetes-group-version-kind").Index(i);
                var group = OpenApiResourceFacts.Text(gvks[i]?["group"]);
                var version = OpenApiResourceFacts.Text(gvks[i]?["version"]);
                var kind = OpenApiResourceFacts.Text(gvks[i]?["kind"]);
                if (group is null || string.IsNullOrEmpty(version) || string.IsNullOrEmpty(kind))
                {
                    throw new SchemaImportException(Diagnostic.Error(
                        SchemaRules.MissingField, "each group/version/kind needs string 'group', 'version' and 'kind'", at, Locate(at)));
                }
                if (resourcesOnly && !OpenApiResourceFacts.IsResource(paths, group, version, kind)) continue;
                available?.Add(kind);
                if (kinds is not null && !kinds.Contains(kind)) continue;

                var schema = new SchemaCleaner(Locate, components).CleanComponent(name);
                if (OpenApiResourceFacts.Text(schema["type"]) != "object")
                {
                    var path = OpenApiComponents.PathOf(name);
                    throw new SchemaImportException(Diagnostic.Error(
                        SchemaRules.NotObject, $"the schema of {kind} must have type: object at its root", path, Locate(path)));
                }
                var (scope, plural) = OpenApiResourceFacts.For(paths, group, version, kind);
                var header = new ResourceSchema(group, version, kind, scope, served: true, storage: true, deprecated: false, null, upstream, null)
                {
                    Plural = plural,
                    ListKind = kind + "List",
                };
                drafts.Add(new SchemaDraft(header, schema, file));
            }
        }

        if (resourcesOnly) return drafts;
        if (components.Contains(ObjectMetaComponent)) available?.Add(ObjectMetaKind);
        if ((kinds is null || kinds.Contains(ObjectMetaKind)) && components.Contains(ObjectMetaComponent))
        {
            var header = new ResourceSchema(SharedGroup, "v1", ObjectMetaKind, ResourceScope.Namespaced, served: false, storage: false, deprecated: false, null, upstream, null)
            {
                IsSharedType = true,
            };
            drafts.Add(new SchemaDraft(header, new SchemaCleaner(Locate, components).CleanComponent(ObjectMetaComponent), file));
        }
        return drafts;
    }
}
