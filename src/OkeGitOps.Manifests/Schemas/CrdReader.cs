using System.Text.Json.Nodes;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Reads one <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition document into one draft per version:
/// served versions with their cleaned schema, unserved versions recorded without one.
/// </summary>
internal static class CrdReader
{
    private const string CrdApiVersion = "apiextensions.k8s.io/v1";
    private const string CrdKind = "CustomResourceDefinition";

    /// <summary>Reads the drafts of one CRD document.</summary>
    /// <param name="document">The document.</param>
    /// <param name="upstream">The upstream label to record, or <c>null</c>.</param>
    /// <exception cref="SchemaImportException">The document is not a CRD or is broken.</exception>
    public static IReadOnlyList<SchemaDraft> Read(ManifestDocument document, string? upstream)
    {
        var context = new Context(document);
        var root = context.RequireCrd();

        var spec = context.Mapping(root, NodePath.Root, "spec");
        var specPath = NodePath.Root.Key("spec");
        var group = context.String(spec, specPath, "group");
        var names = context.Mapping(spec, specPath, "names");
        var namesPath = specPath.Key("names");
        var kind = context.String(names, namesPath, "kind");
        var plural = context.String(names, namesPath, "plural");
        var listKind = context.OptionalString(names, namesPath, "listKind") ?? kind + "List";
        var scope = context.String(spec, specPath, "scope") switch
        {
            "Namespaced" => ResourceScope.Namespaced,
            "Cluster" => ResourceScope.Cluster,
            var other => throw context.Fail(SchemaRules.MissingField, $"'scope' must be Namespaced or Cluster, found '{other}'", specPath.Key("scope")),
        };

        var versionsPath = specPath.Key("versions");
        if (spec.GetValueOrDefault("versions") is not SequenceNode { Count: > 0 } versions)
        {
            throw context.Fail(
                SchemaRules.MissingField,
                spec.ContainsKey("versions") ? "'versions' must be a non-empty list" : "required field 'versions' is missing",
                versionsPath,
                "list each version with its name, served, storage and schema.openAPIV3Schema");
        }

        var drafts = new List<SchemaDraft>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var storageCount = 0;
        for (var i = 0; i < versions.Count; i++)
        {
            var at = versionsPath.Index(i);
            if (versions[i] is not MappingNode version)
                throw context.Fail(SchemaRules.MissingField, "each entry of 'versions' must be a mapping", at);
            var name = context.String(version, at, "name");
            if (!seen.Add(name))
                throw context.Fail(SchemaRules.Duplicate, $"version '{name}' is listed twice", at.Key("name"));
            var served = context.Boolean(version, at, "served", required: true);
            var storage = context.Boolean(version, at, "storage", required: true);
            if (storage) storageCount++;
            var deprecated = context.Boolean(version, at, "deprecated", required: false);
            var warning = context.OptionalString(version, at, "deprecationWarning");

            JsonObject? openApi = null;
            if (served) openApi = context.Schema(version, at, name);

            var header = new ResourceSchema(group, name, kind, scope, served, storage, deprecated, warning, Label(upstream, document.File), null)
            {
                Plural = plural,
                ListKind = listKind,
            };
            drafts.Add(new SchemaDraft(header, openApi, document.File));
        }
        if (storageCount != 1)
            throw context.Fail(SchemaRules.MissingField, $"exactly one version must have storage: true, found {storageCount}", versionsPath);
        return drafts;
    }

    /// <summary>The upstream label with the input file name added, e.g. <c>Argo CD v3.5.1 (application-crd.yaml)</c>.</summary>
    internal static string? Label(string? upstream, string? file)
        => upstream is null ? null : file is null ? upstream : $"{upstream} ({Path.GetFileName(file)})";

    private sealed class Context(ManifestDocument document)
    {
        public MappingNode RequireCrd()
        {
            var number = document.Index + 1;
            if (document.Root is NullNode)
            {
                throw Fail(SchemaRules.NotCrd, $"document {number} is empty; expected a CustomResourceDefinition", NodePath.Root,
                    "remove the empty document, often left by a stray '---'");
            }
            if (document.Root is not MappingNode root)
                throw Fail(SchemaRules.NotCrd, $"document {number} is not a mapping; expected a CustomResourceDefinition", NodePath.Root);

            var apiVersion = document.ApiVersion;
            var kind = document.Kind;
            if (kind == "List" || (kind?.EndsWith("List", StringComparison.Ordinal) == true && root.ContainsKey("items")))
            {
                throw Fail(SchemaRules.NotCrd, $"document {number} is a {kind}, not a CustomResourceDefinition", NodePath.Root.Key("kind"),
                    "write each CRD as its own document, separated by '---'");
            }
            if (kind != CrdKind)
            {
                var what = kind is null ? "has no kind" : $"is {Identity(apiVersion, kind, document.Name)}";
                throw Fail(SchemaRules.NotCrd, $"document {number} {what}, not a CustomResourceDefinition",
                    root.ContainsKey("kind") ? NodePath.Root.Key("kind") : NodePath.Root,
                    "import-crd reads apiextensions.k8s.io/v1 CustomResourceDefinition documents only");
            }
            if (apiVersion != CrdApiVersion)
            {
                throw Fail(SchemaRules.NotCrd, $"document {number} has apiVersion '{apiVersion}'; only {CrdApiVersion} CRDs are read",
                    root.ContainsKey("apiVersion") ? NodePath.Root.Key("apiVersion") : NodePath.Root,
                    apiVersion == "apiextensions.k8s.io/v1beta1" ? "v1beta1 CRDs were removed in Kubernetes 1.22; convert it to apiextensions.k8s.io/v1" : null);
            }
            return root;
        }

        private static string Identity(string? apiVersion, string kind, string? name)
            => (apiVersion is null ? kind : $"{apiVersion} {kind}") + (name is null ? "" : $" '{name}'");

        public MappingNode Mapping(MappingNode parent, NodePath parentPath, string key)
        {
            if (!parent.TryGetValue(key, out var value))
                throw Fail(SchemaRules.MissingField, $"required field '{key}' is missing", parentPath.Key(key));
            return value as MappingNode
                ?? throw Fail(SchemaRules.MissingField, $"'{key}' must be a mapping", parentPath.Key(key));
        }

        public string String(MappingNode parent, NodePath parentPath, string key)
        {
            if (!parent.TryGetValue(key, out var value))
                throw Fail(SchemaRules.MissingField, $"required field '{key}' is missing", parentPath.Key(key));
            if (value is not StringNode { Value.Length: > 0 } s)
                throw Fail(SchemaRules.MissingField, $"'{key}' must be a non-empty string", parentPath.Key(key));
            return s.Value;
        }

        public string? OptionalString(MappingNode parent, NodePath parentPath, string key)
        {
            if (!parent.TryGetValue(key, out var value) || value is NullNode) return null;
            return value is StringNode s
                ? s.Value
                : throw Fail(SchemaRules.MissingField, $"'{key}' must be a string", parentPath.Key(key));
        }

        public bool Boolean(MappingNode parent, NodePath parentPath, string key, bool required)
        {
            if (!parent.TryGetValue(key, out var value))
            {
                if (required) throw Fail(SchemaRules.MissingField, $"required field '{key}' is missing", parentPath.Key(key), $"add {key}: true or {key}: false");
                return false;
            }
            return value is BooleanNode b
                ? b.Value
                : throw Fail(SchemaRules.MissingField, $"'{key}' must be true or false", parentPath.Key(key));
        }

        public JsonObject Schema(MappingNode version, NodePath at, string name)
        {
            var schemaPath = at.Key("schema").Key("openAPIV3Schema");
            if (version.GetValueOrDefault("schema") is not MappingNode schema || !schema.TryGetValue("openAPIV3Schema", out var openApi))
            {
                throw Fail(SchemaRules.NoSchema, $"version '{name}' is served but has no schema.openAPIV3Schema", schemaPath,
                    "add the schema, or set served: false");
            }
            if (openApi is not MappingNode map)
                throw Fail(SchemaRules.NotObject, $"the schema of version '{name}' must be a mapping", schemaPath);
            if (map.GetString("type") != "object")
            {
                throw Fail(SchemaRules.NotObject, $"the schema of version '{name}' must have type: object at its root",
                    map.ContainsKey("type") ? schemaPath.Key("type") : schemaPath);
            }
            var json = NodeJson.ToJson(map, schemaPath);
            return new SchemaCleaner(Locate).Clean(json, schemaPath);
        }

        private SourceLocation? Locate(NodePath path)
        {
            for (var p = path; ; p = p.Parent)
            {
                if (document.Root.At(p)?.Location is { } location) return location;
                if (p.IsRoot) break;
            }
            return document.File is null ? null : new SourceLocation(document.File, Math.Max(document.Line, 1), 1);
        }

        public SchemaImportException Fail(string rule, string message, NodePath path, string? suggestion = null)
            => new(Diagnostic.Error(rule, message, path.IsRoot ? null : path, Locate(path), suggestion));
    }
}
