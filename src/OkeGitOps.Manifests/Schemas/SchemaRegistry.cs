using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// The schemas known for each apiVersion and kind. <see cref="Default"/> holds the schemas embedded in this library;
/// <see cref="WithSchemasFrom"/> and <see cref="WithSchema"/> return registries with user schemas added (they win
/// over embedded ones for the same group/version/kind). A registry never changes and may be used from many threads.
/// </summary>
/// <remarks>
/// Embedded schemas load lazily: creating the registry only lists resource names (whose paths give group, version and
/// kind), and a schema's JSON is parsed the first time its kind is asked for.
/// </remarks>
public sealed class SchemaRegistry
{
    private const string ResourcePrefix = "schemas/";
    private static readonly Lazy<SchemaRegistry> LazyDefault = new(() => FromAssembly(typeof(SchemaRegistry).Assembly), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<Key, SchemaEntry> _resources;
    private readonly FrozenDictionary<Key, SchemaEntry> _sharedTypes;

    private readonly Lazy<KubernetesApiIndex?>? _kubernetes;

    private SchemaRegistry(IEnumerable<KeyValuePair<Key, SchemaEntry>> resources, IEnumerable<KeyValuePair<Key, SchemaEntry>> sharedTypes, Lazy<KubernetesApiIndex?>? kubernetes)
    {
        _resources = resources.ToFrozenDictionary(KeyComparer.Instance);
        _sharedTypes = sharedTypes.ToFrozenDictionary(KeyComparer.Instance);
        _kubernetes = kubernetes;
    }

    /// <summary>
    /// The Kubernetes versions whose built-in APIs this registry knows, oldest first (<c>1.33</c>, <c>1.34</c>, <c>1.35</c>
    /// for <see cref="Default"/> and registries made from it); empty for a registry without the built-in index.
    /// <see cref="Validation.ValidatorOptions.KubernetesVersion"/> picks one of them.
    /// </summary>
    /// <exception cref="SchemaLoadException">The embedded index is broken.</exception>
    public IReadOnlyList<string> KubernetesVersions => Kubernetes?.Versions ?? [];

    /// <summary>Which apiVersions each Kubernetes version serves, or <c>null</c> for a registry without that index.</summary>
    internal KubernetesApiIndex? Kubernetes => _kubernetes?.Value;

    /// <summary>The schemas embedded in this library (Argo CD, External Secrets Operator, core Kubernetes kinds, ObjectMeta).</summary>
    public static SchemaRegistry Default => LazyDefault.Value;

    /// <summary>A registry with no schemas, to fill with <see cref="WithSchemasFrom"/> or <see cref="WithSchema"/>.</summary>
    public static SchemaRegistry Empty { get; } = new([], [], null);

    /// <summary>
    /// Every recorded apiVersion and kind, served or not, ordered by apiVersion and then kind. Shared types such as
    /// ObjectMeta are not listed.
    /// </summary>
    public IEnumerable<(string ApiVersion, string Kind)> Kinds
        => _resources.Values
            .Select(e => (e.ApiVersion, e.Kind))
            .OrderBy(k => k.ApiVersion, StringComparer.Ordinal)
            .ThenBy(k => k.Kind, StringComparer.Ordinal)
            .ToList();

    /// <summary>The schema of <c>metadata</c> (Kubernetes ObjectMeta), with its references inlined.</summary>
    /// <exception cref="InvalidOperationException">The registry has no ObjectMeta schema.</exception>
    public JsonElement ObjectMeta
        => _sharedTypes.TryGetValue(new Key(OpenApiReader.SharedGroup, "v1", "objectmeta"), out var entry) && entry.Schema.OpenApiV3Schema is { } schema
            ? schema
            : throw new InvalidOperationException("This registry has no ObjectMeta schema (meta/v1/objectmeta.json).");

    /// <summary>How many schemas have been parsed so far; for tests of lazy loading.</summary>
    internal int LoadedCount => _resources.Values.Count(e => e.IsLoaded) + _sharedTypes.Values.Count(e => e.IsLoaded);

    /// <summary>
    /// Finds the schema recorded for an apiVersion and kind (kinds are case-sensitive). The schema may describe an
    /// unserved version, with no <see cref="ResourceSchema.OpenApiV3Schema"/>; check <see cref="ResourceSchema.Served"/>,
    /// or use <see cref="Lookup"/>, which explains misses.
    /// </summary>
    /// <exception cref="SchemaLoadException">The schema's file is broken.</exception>
    public bool TryGet(string apiVersion, string kind, [NotNullWhen(true)] out ResourceSchema? schema)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        schema = null;
        if (!TrySplit(apiVersion, out var group, out var version)) return false;
        if (!_resources.TryGetValue(new Key(group, version, kind), out var entry) || entry.Kind != kind) return false;
        schema = entry.Schema;
        return true;
    }

    /// <summary>The schema recorded for an apiVersion and kind, or <c>null</c>; see <see cref="TryGet"/>.</summary>
    /// <exception cref="SchemaLoadException">The schema's file is broken.</exception>
    public ResourceSchema? Find(string apiVersion, string kind) => TryGet(apiVersion, kind, out var schema) ? schema : null;

    /// <summary>True when any version of the kind is recorded in the group (empty for core).</summary>
    public bool IsKnownKind(string group, string kind)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(kind);
        return EntriesOf(group, kind).Any();
    }

    /// <summary>The served versions of a kind in a group (empty for core), preferred first: GA, then beta, then alpha.</summary>
    /// <exception cref="SchemaLoadException">One of the kind's schema files is broken.</exception>
    public IReadOnlyList<string> ServedVersions(string group, string kind)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(kind);
        return EntriesOf(group, kind)
            .Where(e => e.Schema.Served)
            .Select(e => e.Version)
            .OrderBy(v => v, KubeVersionComparer.Instance)
            .ToList();
    }

    /// <summary>
    /// Looks up an apiVersion and kind and, when there is no served schema, says why: the version is not served (and
    /// which is), the kind is unknown in that apiVersion (with near misses), or the apiVersion itself is unknown.
    /// </summary>
    /// <exception cref="SchemaLoadException">A schema file needed for the answer is broken.</exception>
    public SchemaLookup Lookup(string apiVersion, string kind)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        if (!TrySplit(apiVersion, out var group, out var version))
        {
            return new SchemaLookup(SchemaLookupStatus.UnknownGroupVersion, apiVersion, kind, null, [], [],
                $"apiVersion '{apiVersion}' is not of the form group/version (or just version for the core group)", null);
        }

        if (_resources.TryGetValue(new Key(group, version, kind), out var entry) && entry.Kind == kind)
        {
            var schema = entry.Schema;
            if (schema.Served)
                return new SchemaLookup(SchemaLookupStatus.Found, apiVersion, kind, schema, [], [], $"{apiVersion} {kind} is known", null);
            return Unserved(apiVersion, kind, group, schema);
        }
        if (IsKnownKind(group, kind)) return Unserved(apiVersion, kind, group, null);

        var elsewhere = _resources.Values
            .Where(e => e.KindKey == kind.ToLowerInvariant() && e.Kind == kind && e.Schema.Served)
            .Select(e => e.ApiVersion)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var servedElsewhere = elsewhere.Count > 0 ? $"{kind} is served as apiVersion: {string.Join(" or ", elsewhere)}" : null;

        var sameGroupVersion = _resources.Values.Where(e => e.Group == group && e.Version == version).ToList();
        if (sameGroupVersion.Count > 0)
        {
            var near = EditDistance.Nearest(kind, sameGroupVersion.Select(e => e.Kind));
            return new SchemaLookup(SchemaLookupStatus.UnknownKind, apiVersion, kind, null, [], near,
                $"{apiVersion} has no kind '{kind}'",
                near.Count > 0 ? $"did you mean {Quoted(near)}?"
                    : servedElsewhere ?? $"the kinds of {apiVersion} are {Quoted(sameGroupVersion.Select(e => e.Kind).Order(StringComparer.Ordinal))}");
        }

        if (servedElsewhere is not null)
        {
            return new SchemaLookup(SchemaLookupStatus.UnknownGroupVersion, apiVersion, kind, null, [], elsewhere,
                $"no schema is known for apiVersion '{apiVersion}'", servedElsewhere);
        }
        var similar = EditDistance.Nearest(apiVersion, _resources.Values.Select(e => e.ApiVersion));
        return new SchemaLookup(SchemaLookupStatus.UnknownGroupVersion, apiVersion, kind, null, [], similar,
            $"no schema is known for apiVersion '{apiVersion}'",
            similar.Count > 0 ? $"did you mean {Quoted(similar)}?" : "add the CRD to a schemas folder to validate custom kinds");
    }

    /// <summary>
    /// Returns a registry that also holds the schemas in a folder, which win over this registry's for the same
    /// group/version/kind. The folder is walked recursively in ordinal order of relative paths; <c>.json</c> files
    /// must be schema files (<c>okegitops.schema/v1</c>) and <c>.yaml</c>/<c>.yml</c> files CRDs, imported as they are
    /// read (without the slow JSON Schema check of <see cref="CrdImporter"/>). Other files are ignored.
    /// </summary>
    /// <remarks>A single schema or CRD file may be given instead of a folder.</remarks>
    /// <exception cref="DirectoryNotFoundException">Neither a folder nor a file of that name exists.</exception>
    /// <exception cref="SchemaLoadException">A schema file is broken, or two files describe the same group/version/kind.</exception>
    /// <exception cref="SchemaImportException">A CRD file is broken.</exception>
    /// <exception cref="YamlReadException">A CRD file is not valid YAML.</exception>
    public SchemaRegistry WithSchemasFrom(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        IReadOnlyList<string> files = File.Exists(directory) ? [directory]
            : Directory.Exists(directory) ? SchemaFolder.Files(directory, SchemaFileExtensions)
            : throw new DirectoryNotFoundException($"no such schemas folder or file: {directory}");
        return WithSchemaFiles(files);
    }

    /// <summary>The endings of the files <see cref="WithSchemasFrom"/> reads in a folder.</summary>
    internal static readonly string[] SchemaFileExtensions = [".json", ".yaml", ".yml"];

    /// <summary>
    /// <see cref="WithSchemasFrom"/> for a list of files already chosen by the caller (one folder's walk, or a single
    /// file), so that a caller can leave out files it must not open.
    /// </summary>
    internal SchemaRegistry WithSchemaFiles(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var added = new Dictionary<Key, SchemaEntry>(KeyComparer.Instance);
        foreach (var file in files)
        {
            IEnumerable<ResourceSchema> schemas = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? [SchemaFile.Read(File.ReadAllText(file), file)]
                : CrdImporter.ReadCrds(YamlReader.ReadFile(file), upstream: null).Select(d => d.ToImported().Schema);
            foreach (var schema in schemas)
            {
                var entry = SchemaEntry.Loaded(schema, file);
                var key = KeyOf(schema);
                if (added.TryGetValue(key, out var earlier))
                {
                    throw new SchemaLoadException(Diagnostic.Error(
                        SchemaRules.Duplicate,
                        $"{schema.ApiVersion} {schema.Kind} is described twice, here and in {earlier.Origin}",
                        location: new SourceLocation(file, 1, 1)));
                }
                added.Add(key, entry);
            }
        }
        var resources = new Dictionary<Key, SchemaEntry>(_resources, KeyComparer.Instance);
        var shared = new Dictionary<Key, SchemaEntry>(_sharedTypes, KeyComparer.Instance);
        foreach (var (key, entry) in added) (entry.Schema.IsSharedType ? shared : resources)[key] = entry;
        return new SchemaRegistry(resources, shared, _kubernetes);
    }

    /// <summary>Returns a registry that also holds <paramref name="schema"/>, replacing any schema for the same group/version/kind.</summary>
    public SchemaRegistry WithSchema(ResourceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var entry = SchemaEntry.Loaded(schema, $"{schema.ApiVersion} {schema.Kind} added in code");
        var resources = new Dictionary<Key, SchemaEntry>(_resources, KeyComparer.Instance);
        var shared = new Dictionary<Key, SchemaEntry>(_sharedTypes, KeyComparer.Instance);
        (schema.IsSharedType ? shared : resources)[KeyOf(schema)] = entry;
        return new SchemaRegistry(resources, shared, _kubernetes);
    }

    /// <summary>
    /// Builds a registry over the embedded resources of an assembly named <c>schemas/&lt;group or core&gt;/&lt;version&gt;/&lt;kind&gt;.json</c>,
    /// reading nothing but the names. Resources of any other shape are ignored.
    /// </summary>
    internal static SchemaRegistry FromAssembly(Assembly assembly)
    {
        var resources = new Dictionary<Key, SchemaEntry>(KeyComparer.Instance);
        var shared = new Dictionary<Key, SchemaEntry>(KeyComparer.Instance);
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            var normalized = name.Replace('\\', '/');
            if (!normalized.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !normalized.EndsWith(".json", StringComparison.Ordinal)) continue;
            var parts = normalized[ResourcePrefix.Length..^".json".Length].Split('/');
            if (parts.Length != 3 || parts.Any(p => p.Length == 0)) continue;
            var group = parts[0] == SchemaFile.CoreFolder ? "" : parts[0];
            var key = new Key(group, parts[1], parts[2]);
            var entry = SchemaEntry.Embedded(assembly, name, group, parts[1], parts[2]);
            (group == OpenApiReader.SharedGroup ? shared : resources)[key] = entry;
        }
        var kubernetes = new Lazy<KubernetesApiIndex?>(
            () => KubernetesApiIndex.FromAssembly(assembly, ResourcePrefix, path => LoadEmbedded(assembly, path)),
            LazyThreadSafetyMode.ExecutionAndPublication);
        return new SchemaRegistry(resources, shared, kubernetes);
    }

    /// <summary>Loads an embedded schema file by its path below the schemas folder (e.g. an older Kubernetes shape).</summary>
    private static ResourceSchema LoadEmbedded(Assembly assembly, string relativePath)
    {
        var parts = relativePath[..^".json".Length].Split('/');
        var (group, version, kind) = (parts[^3] == SchemaFile.CoreFolder ? "" : parts[^3], parts[^2], parts[^1]);
        return SchemaEntry.Embedded(assembly, ResourcePrefix + relativePath, group, version, kind).Schema;
    }

    private SchemaLookup Unserved(string apiVersion, string kind, string group, ResourceSchema? recorded)
    {
        var served = ServedVersions(group, kind).Select(v => group.Length == 0 ? v : $"{group}/{v}").ToList();
        var what = recorded is null
            ? $"{apiVersion} {kind} does not exist"
            : $"{apiVersion} {kind} is not served" + (recorded.Deprecated ? " (the version is deprecated)" : "");
        var upstream = recorded?.Upstream is { } u ? $" by {u}" : "";
        return new SchemaLookup(SchemaLookupStatus.UnservedVersion, apiVersion, kind, recorded, served, served,
            what + upstream,
            served.Count > 0 ? $"use apiVersion: {served[0]}" : $"no version of {kind} is served");
    }

    private IEnumerable<SchemaEntry> EntriesOf(string group, string kind)
    {
        var kindKey = kind.ToLowerInvariant();
        return _resources.Values
            .Where(e => e.Group == group && e.KindKey == kindKey && e.Kind == kind)
            .OrderBy(e => e.Version, StringComparer.Ordinal);
    }

    private static bool TrySplit(string apiVersion, out string group, out string version)
    {
        var slash = apiVersion.IndexOf('/');
        if (slash < 0)
        {
            group = "";
            version = apiVersion;
        }
        else
        {
            group = apiVersion[..slash];
            version = apiVersion[(slash + 1)..];
        }
        return version.Length > 0 && !version.Contains('/') && (slash < 0 || group.Length > 0);
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static Key KeyOf(ResourceSchema schema) => new(schema.Group, schema.Version, schema.Kind);

    /// <summary>A group, version and kind; kinds compare without case, as the lower-case file names do.</summary>
    private readonly record struct Key(string Group, string Version, string Kind);

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key x, Key y)
            => string.Equals(x.Group, y.Group, StringComparison.Ordinal)
               && string.Equals(x.Version, y.Version, StringComparison.Ordinal)
               && string.Equals(x.Kind, y.Kind, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode(Key key)
            => HashCode.Combine(
                StringComparer.Ordinal.GetHashCode(key.Group),
                StringComparer.Ordinal.GetHashCode(key.Version),
                StringComparer.OrdinalIgnoreCase.GetHashCode(key.Kind));
    }
}
