using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace OkeGitOps.Manifests.Generators;

/// <summary>
/// Turns all schema files of a compilation into output models: finds the object and enum sub-schemas,
/// merges structurally identical ones (same content hash, same namespace) into one type, names every type
/// from its path (shortest candidate wins, ties go to the earliest), and maps each field to a C# type.
/// </summary>
internal static class Planner
{
    private const string Lib = "global::OkeGitOps.Manifests.Models";
    private const string M = Lib + ".ModelNodes";
    private const string ModelsNamespace = "OkeGitOps.Manifests.Models";
    private const string ObjectMetaType = Lib + ".Meta.ObjectMeta";

    private static readonly Dictionary<string, string> DefaultNamespaces = new(StringComparer.Ordinal)
    {
        [""] = "Core",
        ["core"] = "Core",
        ["meta"] = "Meta",
        ["meta.k8s.io"] = "Meta",
        ["argoproj.io"] = "Argo",
        ["external-secrets.io"] = "Eso",
        ["generators.external-secrets.io"] = "EsoGenerators",
        ["networking.k8s.io"] = "Networking",
        ["rbac.authorization.k8s.io"] = "Rbac",
    };

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "ExtraFields", "ToNode", "FromNode", "EqualityContract", "Equals", "GetHashCode", "ToString",
        "Deconstruct", "PrintMembers", "Clone", "GetType", "MemberwiseClone", "Finalize",
    };

    private sealed class TypeInfo
    {
        public TypeInfo(string ns, SchemaNode schema, bool isEnum, int order)
        {
            Namespace = ns;
            Schema = schema;
            IsEnum = isEnum;
            Order = order;
        }

        public string Namespace { get; }
        public SchemaNode Schema { get; }
        public bool IsEnum { get; }
        public int Order { get; }
        public bool IsRoot { get; set; }
        public SchemaFile? RootFile { get; set; }
        public string? Name { get; set; }
        public List<(string Kind, string Path)> Occurrences { get; } = new();
        public List<(string Name, int Order)> Candidates { get; } = new();
        public List<(string Segment, TypeInfo Child)> Children { get; } = new();
        public bool Queued { get; set; }
    }

    public static GenerationPlan Build(EquatableArray<InputFile> inputs)
    {
        var diagnostics = new List<DiagnosticModel>();
        var typeOverrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var nsOverrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var sharedNamespaces = new List<string>();
        foreach (var input in inputs.OrderBy(i => i.Path, StringComparer.Ordinal))
        {
            if (input.Error is not null) diagnostics.Add(new DiagnosticModel("OKG001", input.Error, input.Path));
            if (input.Names is { } names)
            {
                foreach (var kv in names.Types) typeOverrides[kv.Key] = kv.Value;
                foreach (var kv in names.Namespaces) nsOverrides[kv.Key] = kv.Value;
                foreach (var n in names.SharedTypes) if (!sharedNamespaces.Contains(n)) sharedNamespaces.Add(n);
            }
        }

        var files = inputs.Where(i => i.Schema is { Served: true, Schema: not null })
            .Select(i => i.Schema!)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();

        string GroupNamespace(SchemaFile f)
        {
            // ObjectMeta is referenced by every kind as Models.Meta.ObjectMeta, whatever its group.
            if (f.Kind == "ObjectMeta") return "Meta";
            if (nsOverrides.TryGetValue(f.Group, out var o)) return o;
            if (DefaultNamespaces.TryGetValue(f.Group, out var d)) return d;
            return Pascal(f.Group.Split('.')[0]);
        }

        // Several served versions of one kind: the storage version takes the group namespace, the others a sub-namespace.
        var fileNamespace = new Dictionary<SchemaFile, string>();
        var primary = new HashSet<SchemaFile>();
        foreach (var g in files.GroupBy(f => (f.Group, f.Kind)))
        {
            var list = g.ToList();
            var main = list.FirstOrDefault(f => f.Storage) ?? list[0];
            foreach (var f in list)
            {
                var ns = GroupNamespace(f);
                fileNamespace[f] = f == main ? ns : ns + "." + Pascal(f.Version);
                if (f == main) primary.Add(f);
            }
        }

        // Sub-types that occur in several of the sharing namespaces (names.json "sharedTypes") are declared once, in the
        // first namespace listed: Apps and Batch both use Core's PodSpec. In those namespaces, a nested object shaped
        // exactly like ObjectMeta (a pod template's metadata) is the library's ObjectMeta.
        var sharedHome = FindSharedTypes(files, fileNamespace, sharedNamespaces);
        var metaFile = files.FirstOrDefault(f => f.Kind == "ObjectMeta" && fileNamespace[f] == "Meta");
        var metaHash = metaFile is not null && sharedNamespaces.Count > 0 ? metaFile.Schema!.Hash : null;
        string Effective(string ns, bool isEnum, SchemaNode schema)
        {
            if (!sharedNamespaces.Contains(ns)) return ns + "|" + (isEnum ? "enum:" : "type:") + schema.Hash;
            // A default written where a type is used is not part of the type.
            if (!isEnum && metaHash is not null && schema.ShapeHash == metaHash) return "Meta|type:" + metaHash;
            var key = (isEnum ? "enum:" : "type:") + schema.ShapeHash;
            return (sharedHome.TryGetValue(key, out var home) ? home : ns) + "|" + key;
        }

        // Phase A: discover types. A type's children are walked once, at its first occurrence.
        var types = new Dictionary<string, TypeInfo>(StringComparer.Ordinal);
        var roots = new List<TypeInfo>();
        var order = 0;

        TypeInfo Discover(string ns, SchemaNode schema, bool isEnum, string kind, string path, out bool isNew)
        {
            var key = Effective(ns, isEnum, schema);
            ns = key.Substring(0, key.IndexOf('|'));
            isNew = !types.TryGetValue(key, out var info);
            if (isNew)
            {
                info = new TypeInfo(ns, schema, isEnum, order++);
                types.Add(key, info);
            }
            info!.Occurrences.Add((kind, path));
            return info;
        }

        void WalkProperties(TypeInfo owner, string ns, string kind, string path, bool isRootLevel)
        {
            foreach (var p in owner.Schema.Properties)
            {
                if (isRootLevel && (p.Name == "apiVersion" || p.Name == "kind" || p.Name == "metadata")) continue;
                WalkValue(owner, Pascal(p.Name), p.Schema, ns, kind, Join(path, p.Name));
            }
        }

        void WalkValue(TypeInfo owner, string segment, SchemaNode schema, string ns, string kind, string path)
        {
            switch (Classify(schema))
            {
                case Shape.Record:
                {
                    var child = Discover(ns, schema, false, kind, path, out var isNew);
                    owner.Children.Add((segment, child));
                    if (isNew) WalkProperties(child, child.Namespace, kind, path, false);
                    break;
                }
                case Shape.Enum:
                    owner.Children.Add((segment, Discover(ns, schema, true, kind, path, out _)));
                    break;
                case Shape.List when schema.Items is not null:
                    WalkValue(owner, Singular(segment), schema.Items, ns, kind, path + "[]");
                    break;
                case Shape.Map when schema.AdditionalProperties is not null:
                    WalkValue(owner, Singular(segment), schema.AdditionalProperties, ns, kind, path + "{}");
                    break;
            }
        }

        foreach (var file in files)
        {
            var ns = fileNamespace[file];
            var isMeta = file.Shared || file.Kind == "ObjectMeta";
            var root = new TypeInfo(ns, file.Schema!, false, order++)
            {
                IsRoot = !isMeta,
                RootFile = file,
                Name = Identifier(file.Kind),
            };
            root.Occurrences.Add((file.Kind, ""));
            types.Add(ns + "|root:" + file.Kind, root);
            // ObjectMeta is also the type of nested objects of its exact shape (see Effective).
            if (file == metaFile && metaHash is not null) types["Meta|type:" + metaHash] = root;
            roots.Add(root);
        }
        foreach (var root in roots)
        {
            var isMeta = root.RootFile!.Shared || root.RootFile.Kind == "ObjectMeta";
            WalkProperties(root, root.Namespace, root.RootFile.Kind, "", !isMeta);
        }

        // Phase B: name types breadth-first from the roots, so every type sees the names of its shallower parents.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in roots) taken.Add(r.Namespace + "." + r.Name);
        var queue = new Queue<TypeInfo>();
        foreach (var r in roots) { r.Queued = true; queue.Enqueue(r); }
        var candidateOrder = 0;
        while (queue.Count > 0)
        {
            var t = queue.Dequeue();
            if (t.Name is null)
            {
                string? chosen = null;
                foreach (var (kind, path) in t.Occurrences)
                {
                    if (typeOverrides.TryGetValue(kind + ":" + path, out var o)) { chosen = Identifier(o); break; }
                }
                chosen ??= t.Candidates.OrderBy(c => c.Name.Length).ThenBy(c => c.Order).Select(c => c.Name).FirstOrDefault() ?? "Type";
                var unique = chosen;
                for (var n = 2; !taken.Add(t.Namespace + "." + unique); n++) unique = chosen + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                t.Name = unique;
            }
            foreach (var (segment, child) in t.Children)
            {
                if (child.Name is not null) continue;
                child.Candidates.Add((t.Name + segment, candidateOrder++));
                if (!child.Queued) { child.Queued = true; queue.Enqueue(child); }
            }
        }

        // Phase C: output models.
        var outputs = new List<OutputModel>();
        foreach (var t in types.Values.Distinct().OrderBy(t => t.Order))
        {
            if (t.IsEnum) outputs.Add(BuildEnum(t));
            else outputs.Add(BuildRecord(t, types, Effective));
        }

        foreach (var g in roots.Where(r => r.IsRoot && primary.Contains(r.RootFile!)).GroupBy(r => GroupNamespace(r.RootFile!)))
        {
            var className = Identifier(g.Key.Split('.').Last());
            var entries = g.Select(r => new FactoryEntry(
                    r.Name!,
                    $"global::{ModelsNamespace}.{r.Namespace}.{r.Name}",
                    r.RootFile!.Scope != "Cluster",
                    $"Creates a <c>{Xml(ApiVersionOf(r.RootFile!))}</c> <c>{Xml(r.RootFile!.Kind)}</c> with the given name.",
                    r.RootFile!.Scope != "Cluster" ? "The namespace, or <c>null</c> to leave it unset." : ""))
                .ToEquatableArray();
            outputs.Add(new FactoryModel(
                $"{className}.Factories.g.cs",
                className,
                $"Factories for the <c>{Xml(g.First().RootFile!.Group.Length == 0 ? "core" : g.First().RootFile!.Group)}</c> API group, named after its kinds.",
                entries));
        }

        var registered = roots
            .Where(r => r.IsRoot && primary.Contains(r.RootFile!))
            .OrderBy(r => ApiVersionOf(r.RootFile!), StringComparer.Ordinal)
            .ThenBy(r => r.RootFile!.Kind, StringComparer.Ordinal)
            .Select(r => $"global::{ModelsNamespace}.{r.Namespace}.{r.Name}")
            .ToEquatableArray();
        if (registered.Count > 0) outputs.Add(new RegistryModel("GeneratedModelKinds.g.cs", registered));

        return new GenerationPlan(outputs.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private enum Shape { Record, Enum, List, Map, String, Int32, Int64, Number, Boolean, IntOrString, Node }

    private static Shape Classify(SchemaNode s)
    {
        if (s.IntOrString) return Shape.IntOrString;
        switch (s.Type)
        {
            case "array": return Shape.List;
            case "string": return s.EnumValues.Count > 0 ? Shape.Enum : Shape.String;
            case "integer": return s.Format == "int32" ? Shape.Int32 : Shape.Int64;
            case "number": return Shape.Number;
            case "boolean": return Shape.Boolean;
            case "object":
            case null:
                if (s.Properties.Count > 0) return Shape.Record;
                if (s.AdditionalProperties is not null) return Shape.Map;
                return Shape.Node;
            default: return Shape.Node;
        }
    }

    private sealed record TypeRef(string Type, bool IsValueType, string Read, string Write, Shape Shape, string? Element);

    private static TypeRef Resolve(SchemaNode schema, string ns, Dictionary<string, TypeInfo> types, Func<string, bool, SchemaNode, string> effective, int depth)
    {
        var shape = Classify(schema);
        var x = "x" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var n = "n" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (shape)
        {
            case Shape.Record:
            {
                var target = types[effective(ns, false, schema)];
                var name = target.IsRoot || target.RootFile is not null ? ObjectMetaType : Qualified(target.Namespace, ns, target.Name!);
                return new TypeRef(name, false, $"{name}.FromNode", "{0}.ToNode()", shape, null);
            }
            case Shape.Enum:
            {
                var target = types[effective(ns, true, schema)];
                var name = Qualified(target.Namespace, ns, target.Name!);
                return new TypeRef(name, true, $"{name}Values.FromNode", name + "Values.ToNode({0})", shape, null);
            }
            case Shape.List:
            case Shape.Map:
            {
                var inner = schema.Items is not null && shape == Shape.List ? schema.Items
                    : schema.AdditionalProperties is not null && shape == Shape.Map ? schema.AdditionalProperties
                    : null;
                var item = inner is null
                    ? new TypeRef($"{Lib.Replace(".Models", ".Tree")}.ManifestNode", false, $"{M}.ReadNode", "{0}", Shape.Node, null)
                    : Resolve(inner, ns, types, effective, depth + 1);
                var container = shape == Shape.List ? "EquatableArray" : "EquatableMap";
                var method = shape == Shape.List ? "List" : "Map";
                var write = string.Format(System.Globalization.CultureInfo.InvariantCulture, item.Write, x);
                return new TypeRef(
                    $"{Lib}.{container}<{item.Type}>",
                    false,
                    $"static {n} => {M}.Read{method}({n}, {item.Read})",
                    $"{M}.{method}({{0}}, static {x} => {write})",
                    shape,
                    item.Type);
            }
            case Shape.String: return new TypeRef("string", false, $"{M}.ReadString", M + ".String({0})", shape, null);
            case Shape.Int32: return new TypeRef("int", true, $"{M}.ReadInt32", M + ".Integer({0})", shape, null);
            case Shape.Int64: return new TypeRef("long", true, $"{M}.ReadInt64", M + ".Integer({0})", shape, null);
            case Shape.Number: return new TypeRef("double", true, $"{M}.ReadNumber", M + ".Number({0})", shape, null);
            case Shape.Boolean: return new TypeRef("bool", true, $"{M}.ReadBoolean", M + ".Boolean({0})", shape, null);
            case Shape.IntOrString: return new TypeRef(Lib + ".IntOrString", true, $"{Lib}.IntOrString.FromNode", "{0}.ToNode()", shape, null);
            default: return new TypeRef("global::OkeGitOps.Manifests.Tree.ManifestNode", false, $"{M}.ReadNode", "{0}", Shape.Node, null);
        }
    }

    private static string Qualified(string home, string ns, string name)
        => home == ns ? name : $"global::{ModelsNamespace}.{home}.{name}";

    /// <summary>
    /// For each record and enum sub-schema (by kind and hash) that occurs in more than one of the sharing namespaces,
    /// the namespace that declares it: the first one listed in <paramref name="sharing"/>.
    /// </summary>
    private static Dictionary<string, string> FindSharedTypes(List<SchemaFile> files, Dictionary<SchemaFile, string> fileNamespace, List<string> sharing)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (sharing.Count < 2) return result;
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        void Visit(SchemaNode schema, string ns, HashSet<string> visited, bool isRootLevel)
        {
            var shape = Classify(schema);
            if (shape == Shape.Enum || shape == Shape.Record)
            {
                var key = (shape == Shape.Enum ? "enum:" : "type:") + schema.ShapeHash;
                if (!isRootLevel)
                {
                    if (!visited.Add(key)) return;
                    if (!seen.TryGetValue(key, out var set)) seen.Add(key, set = new HashSet<string>(StringComparer.Ordinal));
                    set.Add(ns);
                }
                if (shape == Shape.Enum) return;
                foreach (var p in schema.Properties)
                {
                    if (isRootLevel && (p.Name == "apiVersion" || p.Name == "kind" || p.Name == "metadata")) continue;
                    Visit(p.Schema, ns, visited, false);
                }
            }
            else if (shape == Shape.List && schema.Items is not null) Visit(schema.Items, ns, visited, false);
            else if (shape == Shape.Map && schema.AdditionalProperties is not null) Visit(schema.AdditionalProperties, ns, visited, false);
        }

        var visitedByNamespace = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Shared || file.Kind == "ObjectMeta") continue;
            var ns = fileNamespace[file];
            if (!sharing.Contains(ns)) continue;
            if (!visitedByNamespace.TryGetValue(ns, out var visited)) visitedByNamespace.Add(ns, visited = new HashSet<string>(StringComparer.Ordinal));
            Visit(file.Schema!, ns, visited, true);
        }
        foreach (var pair in seen)
        {
            if (pair.Value.Count > 1) result[pair.Key] = sharing[0];
        }
        return result;
    }

    private static RecordModel BuildRecord(TypeInfo t, Dictionary<string, TypeInfo> types, Func<string, bool, SchemaNode, string> effective)
    {
        var file = t.RootFile;
        var props = new List<PropertyModel>();
        var used = new HashSet<string>(Reserved, StringComparer.Ordinal) { t.Name! };
        if (t.IsRoot) { used.Add("ApiVersion"); used.Add("Kind"); used.Add("Metadata"); }
        var required = new HashSet<string>(t.Schema.Required, StringComparer.Ordinal);
        if (t.IsRoot)
        {
            props.Add(new PropertyModel("metadata", "\"metadata\"", "Metadata", ObjectMetaType, false,
                "The object's metadata: name, namespace, labels, annotations.",
                ObjectMetaType + ".FromNode", "v0.ToNode()", "Record", null, "v0"));
        }
        foreach (var p in t.Schema.Properties)
        {
            if (t.IsRoot && (p.Name == "apiVersion" || p.Name == "kind" || p.Name == "metadata")) continue;
            var name = Pascal(p.Name);
            if (used.Contains(name)) name += "Value";
            var unique = name;
            for (var i = 2; !used.Add(unique); i++) unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var r = Resolve(p.Schema, t.Namespace, types, effective, 1);
            var summary = $"The <c>{Xml(p.Name)}</c> field" + (required.Contains(p.Name) ? " (required)." : ".");
            props.Add(new PropertyModel(
                p.Name,
                SymbolDisplay.FormatLiteral(p.Name, true),
                Identifier(unique),
                r.Type,
                r.IsValueType,
                summary,
                r.Read,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, r.Write, "v" + props.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                r.Shape.ToString(),
                r.Element,
                "v" + props.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        string summaryText;
        if (t.IsRoot && file is not null)
        {
            summaryText = $"The <c>{Xml(file.Kind)}</c> kind of <c>{Xml(ApiVersionOf(file))}</c> ({(file.Scope == "Cluster" ? "cluster-scoped" : "namespaced")}"
                + (file.Deprecated ? ", deprecated" : "") + ").";
        }
        else if (file is not null)
        {
            summaryText = $"The <c>{Xml(file.Kind)}</c> object.";
        }
        else
        {
            summaryText = "Used at " + string.Join(", ", t.Occurrences.Take(3).Select(o => $"<c>{Xml(o.Path)}</c> of <c>{Xml(o.Kind)}</c>"))
                + (t.Occurrences.Count > 3 ? $" and {t.Occurrences.Count - 3} more places." : ".");
        }

        return new RecordModel(
            $"{t.Namespace}.{t.Name}.g.cs",
            $"{ModelsNamespace}.{t.Namespace}",
            t.Name!,
            summaryText,
            t.IsRoot,
            file is not null && t.IsRoot ? SymbolDisplay.FormatLiteral(ApiVersionOf(file), true) : null,
            file is not null && t.IsRoot ? SymbolDisplay.FormatLiteral(file.Kind, true) : null,
            file?.Scope ?? "",
            props.ToEquatableArray());
    }

    private static EnumModel BuildEnum(TypeInfo t)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMember>();
        foreach (var v in t.Schema.EnumValues)
        {
            var name = v.Length == 0 ? "Empty" : Pascal(v);
            if (name == "Value" || name.Length == 0) name = "Value" + (members.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var unique = name;
            for (var i = 2; !used.Add(unique); i++) unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            members.Add(new EnumMember(Identifier(unique), v, SymbolDisplay.FormatLiteral(v, true), $"The API value <c>{Xml(v.Length == 0 ? "\"\"" : v)}</c>."));
        }
        var summary = "The allowed values of " + string.Join(", ", t.Occurrences.Take(3).Select(o => $"<c>{Xml(o.Path)}</c> of <c>{Xml(o.Kind)}</c>"))
            + (t.Occurrences.Count > 3 ? $" and {t.Occurrences.Count - 3} more places." : ".");
        return new EnumModel($"{t.Namespace}.{t.Name}.g.cs", $"{ModelsNamespace}.{t.Namespace}", t.Name!, summary, members.ToEquatableArray());
    }

    private static string ApiVersionOf(SchemaFile f) => f.Group.Length == 0 || f.Group == "core" ? f.Version : f.Group + "/" + f.Version;

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    /// <summary>PascalCase of a Kubernetes name: split at non-alphanumerics, upper-case each part's first letter, keep the rest (<c>repoURL</c> → <c>RepoURL</c>).</summary>
    internal static string Pascal(string name)
    {
        var sb = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) || c > 127) { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (sb.Length > 0 && char.IsDigit(sb[0])) sb.Insert(0, 'V');
        return sb.ToString();
    }

    /// <summary>A valid C# identifier: <c>@</c>-escaped when it is a keyword.</summary>
    internal static string Identifier(string name)
    {
        if (name.Length == 0) return "Value";
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.FieldKeyword ? "@" + name : name;
    }

    /// <summary>A naive English singular for list item type names (<c>Sources</c> → <c>Source</c>).</summary>
    internal static string Singular(string name)
    {
        if (name.EndsWith("ies", StringComparison.Ordinal) && name.Length > 3) return name.Substring(0, name.Length - 3) + "y";
        if (name.EndsWith("sses", StringComparison.Ordinal) || name.EndsWith("xes", StringComparison.Ordinal)
            || name.EndsWith("ches", StringComparison.Ordinal) || name.EndsWith("shes", StringComparison.Ordinal)
            )
            return name.Substring(0, name.Length - 2);
        if (name.EndsWith("s", StringComparison.Ordinal) && !name.EndsWith("ss", StringComparison.Ordinal) && !name.EndsWith("us", StringComparison.Ordinal) && name.Length > 1) return name.Substring(0, name.Length - 1);
        return name.Length == 0 ? "Item" : name;
    }

    internal static string Xml(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
