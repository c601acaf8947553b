using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>What a Kubernetes version does with an apiVersion and kind.</summary>
internal enum KubernetesApiState
{
    /// <summary>Not a built-in kind the index knows of: a custom resource, or a typo.</summary>
    Unknown,

    /// <summary>Served, and not deprecated.</summary>
    Served,

    /// <summary>Served, but deprecated; <see cref="KubernetesApiStatus.Replacement"/> or <see cref="KubernetesApiStatus.Instead"/> says what to use.</summary>
    Deprecated,

    /// <summary>Served by an earlier version and removed in <see cref="KubernetesApiStatus.Version"/>.</summary>
    Removed,

    /// <summary>Served only by later versions, the first being <see cref="KubernetesApiStatus.Version"/>.</summary>
    NotYetServed,
}

/// <summary>The answer of <see cref="KubernetesApiIndex.Status"/>.</summary>
/// <param name="State">What the chosen version does with the apiVersion and kind.</param>
/// <param name="SchemaPath">For served kinds: the schema file (relative to the schemas folder) of the chosen version.</param>
/// <param name="Version">For removed kinds the version that removed them; for later kinds the first version serving them.</param>
/// <param name="Replacement">The apiVersion to use instead, when there is one.</param>
/// <param name="Instead">Advice in words when no apiVersion replaces it, or <c>null</c>.</param>
internal sealed record KubernetesApiStatus(KubernetesApiState State, string? SchemaPath, string? Version, string? Replacement, string? Instead)
{
    /// <summary>The status of a kind the index does not know.</summary>
    public static KubernetesApiStatus Unknown { get; } = new(KubernetesApiState.Unknown, null, null, null, null);
}

/// <summary>
/// Which apiVersions and kinds each supported Kubernetes version serves, read from <c>schemas/kubernetes/index.json</c>
/// (written by <see cref="KubernetesImporter"/>), plus <see cref="KubernetesApiHistory"/> for what went before. From it
/// follow removals (served by an earlier supported version, not by this one), deprecations (a more stable version of
/// the same kind is served beside it) and kinds that only later versions serve.
/// </summary>
internal sealed class KubernetesApiIndex
{
    /// <summary>The <c>format</c> of the index file.</summary>
    public const string FormatId = "okegitops.kubernetes-apis/v1";

    private readonly Dictionary<(string ApiVersion, string Kind), Dictionary<string, string>> _served;
    private readonly Dictionary<(string Group, string Kind), List<string>> _versionsOfKind;
    private readonly HashSet<string> _groups = new(StringComparer.Ordinal);
    private readonly Func<string, ResourceSchema>? _loadVariant;
    private readonly ConcurrentDictionary<string, Lazy<ResourceSchema>> _variants = new(StringComparer.Ordinal);

    private KubernetesApiIndex(IReadOnlyList<string> versions, Dictionary<(string, string), Dictionary<string, string>> served, Func<string, ResourceSchema>? loadVariant)
    {
        Versions = versions;
        _served = served;
        _loadVariant = loadVariant;
        _versionsOfKind = new Dictionary<(string, string), List<string>>();
        foreach (var (apiVersion, kind) in served.Keys)
        {
            var (group, version) = Split(apiVersion);
            _groups.Add(group);
            if (!_versionsOfKind.TryGetValue((group, kind), out var list)) _versionsOfKind.Add((group, kind), list = []);
            list.Add(version);
        }
        foreach (var list in _versionsOfKind.Values) list.Sort(KubeVersionComparer.Instance);
        foreach (var removal in KubernetesApiHistory.Removals) _groups.Add(Split(removal.ApiVersion).Group);
    }

    /// <summary>The supported Kubernetes versions, oldest first.</summary>
    public IReadOnlyList<string> Versions { get; }

    /// <summary>The newest supported version, the default.</summary>
    public string Newest => Versions[^1];

    /// <summary>True for the API groups of Kubernetes itself (core is <c>""</c>), served now or in the past.</summary>
    public bool IsBuiltInGroup(string group) => _groups.Contains(group);

    /// <summary>Reads the index file.</summary>
    /// <param name="json">The file text.</param>
    /// <param name="origin">Where it comes from, for messages.</param>
    /// <param name="loadVariant">Loads a schema file by its path relative to the schemas folder.</param>
    /// <exception cref="SchemaLoadException">The text is not an index.</exception>
    public static KubernetesApiIndex Read(string json, string origin, Func<string, ResourceSchema>? loadVariant)
    {
        try
        {
            using var document = JsonDocument.Parse(json, CanonicalJson.ReadOptions);
            var root = document.RootElement;
            if (!root.TryGetProperty("format", out var format) || format.GetString() != FormatId)
                throw Broken(origin, $"not a Kubernetes API index: 'format' must be \"{FormatId}\"");
            var versions = root.GetProperty("versions").EnumerateArray().Select(v => v.GetString()!).ToList();
            if (versions.Count == 0 || versions.Any(v => !KubernetesVersion.TryParse(v, out _)))
                throw Broken(origin, "'versions' must list Kubernetes versions such as \"1.35\"");
            var served = new Dictionary<(string, string), Dictionary<string, string>>();
            foreach (var apiVersion in root.GetProperty("served").EnumerateObject())
            {
                foreach (var kind in apiVersion.Value.EnumerateObject())
                {
                    served[(apiVersion.Name, kind.Name)] = kind.Value.EnumerateObject()
                        .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
                }
            }
            return new KubernetesApiIndex(versions, served, loadVariant);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw Broken(origin, $"the Kubernetes API index is broken: {e.Message}");
        }
    }

    /// <summary>The index embedded in an assembly as <c>schemas/kubernetes/index.json</c>, or <c>null</c> when there is none.</summary>
    public static KubernetesApiIndex? FromAssembly(Assembly assembly, string resourcePrefix, Func<string, ResourceSchema> loadVariant)
    {
        var name = resourcePrefix + KubernetesImporter.IndexPath;
        using var stream = SchemaEntry.OpenEmbedded(assembly, name);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return Read(reader.ReadToEnd(), name, loadVariant);
    }

    /// <summary>True when <paramref name="version"/> is one of <see cref="Versions"/>.</summary>
    public bool Supports(string version) => Versions.Contains(version, StringComparer.Ordinal);

    /// <summary>What <paramref name="version"/> does with an apiVersion and kind.</summary>
    public KubernetesApiStatus Status(string version, string apiVersion, string kind)
    {
        var (group, _) = Split(apiVersion);
        if (!_groups.Contains(group)) return KubernetesApiStatus.Unknown;
        var order = KubernetesVersion.Parse(version).Order;

        if (_served.TryGetValue((apiVersion, kind), out var byVersion))
        {
            if (byVersion.TryGetValue(version, out var path))
            {
                var preferred = PreferredServed(version, group, kind);
                if (preferred is not null && preferred != apiVersion)
                    return new KubernetesApiStatus(KubernetesApiState.Deprecated, path, null, preferred, null);
                foreach (var d in KubernetesApiHistory.Deprecations)
                {
                    if (d.ApiVersion == apiVersion && d.Kind == kind && KubernetesVersion.Parse(d.Since).Order <= order)
                        return new KubernetesApiStatus(KubernetesApiState.Deprecated, path, d.Since, null, d.Instead);
                }
                return new KubernetesApiStatus(KubernetesApiState.Served, path, null, null, null);
            }
            var earlier = byVersion.Keys.Where(v => KubernetesVersion.Parse(v).Order < order).OrderBy(v => KubernetesVersion.Parse(v).Order).LastOrDefault();
            if (earlier is not null)
            {
                var removedIn = Versions.First(v => KubernetesVersion.Parse(v).Order > KubernetesVersion.Parse(earlier).Order);
                return new KubernetesApiStatus(KubernetesApiState.Removed, null, removedIn, PreferredServed(version, group, kind), null);
            }
            var first = byVersion.Keys.OrderBy(v => KubernetesVersion.Parse(v).Order).First();
            return new KubernetesApiStatus(KubernetesApiState.NotYetServed, null, first, PreferredServed(version, group, kind), null);
        }

        foreach (var removal in KubernetesApiHistory.Removals)
        {
            if (removal.ApiVersion == apiVersion && Array.IndexOf(removal.Kinds, kind) >= 0 && KubernetesVersion.Parse(removal.RemovedIn).Order <= order)
            {
                var replacement = removal.Replacement is null ? null
                    : _served.TryGetValue((removal.Replacement, kind), out var r) && r.ContainsKey(version) ? removal.Replacement
                    : PreferredServed(version, Split(removal.Replacement).Group, kind) ?? removal.Replacement;
                return new KubernetesApiStatus(KubernetesApiState.Removed, null, removal.RemovedIn, replacement,
                    removal.Replacement is null ? $"Kubernetes {removal.RemovedIn} has no replacement for {kind}" : null);
            }
        }
        return KubernetesApiStatus.Unknown;
    }

    /// <summary>
    /// The schema of a served apiVersion and kind in a version: <c>null</c> when it is the file at the kind's usual path
    /// (which the registry serves, with any user override), otherwise the older shape loaded from its own file.
    /// </summary>
    public ResourceSchema? Variant(KubernetesApiStatus status)
    {
        if (status.SchemaPath is not { } path || !path.StartsWith(KubernetesImporter.Folder + "/", StringComparison.Ordinal) || _loadVariant is null)
            return null;
        return _variants.GetOrAdd(path, p => new Lazy<ResourceSchema>(() => _loadVariant(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The most stable apiVersion of a kind in a group that <paramref name="version"/> serves, or <c>null</c>.</summary>
    private string? PreferredServed(string version, string group, string kind)
    {
        if (!_versionsOfKind.TryGetValue((group, kind), out var versions)) return null;
        foreach (var v in versions)
        {
            var apiVersion = group.Length == 0 ? v : $"{group}/{v}";
            if (_served.TryGetValue((apiVersion, kind), out var byVersion) && byVersion.ContainsKey(version)) return apiVersion;
        }
        return null;
    }

    private static (string Group, string Version) Split(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/');
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    private static SchemaLoadException Broken(string origin, string message)
        => new(Diagnostic.Error(SchemaRules.BadSchemaFile, message, location: new Tree.SourceLocation(origin, 1, 1)));
}
