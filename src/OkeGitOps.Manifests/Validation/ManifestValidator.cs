using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation.Compiled;
using OkeGitOps.Manifests.Validation.Kubernetes;

namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// Checks manifest documents the way a Kubernetes API server with the upstream CRDs would, before anything reaches
/// a cluster: the document's apiVersion and kind (known, served, not deprecated), the structural schema of the kind
/// (types, nullability, unknown fields, required fields, enums, patterns, formats, bounds, list types), the
/// server's metadata rules, and the Service, Secret and ConfigMap rules the OpenAPI cannot express. Every finding is
/// a <see cref="Diagnostic"/> with a rule id from <see cref="ValidationRules"/>, the YAML path, the source location
/// and, where there is something specific to say, a suggestion.
/// </summary>
/// <remarks>
/// <para>
/// The engine is a small compiled schema model of our own, not a general JSON Schema library: each kind's
/// <c>openAPIV3Schema</c> is read into it lazily, one node the first time the walk reaches it, and cached per
/// <see cref="ResourceSchema"/> for every validator and thread. NJsonSchema is the project's reference engine for
/// JSON Schema, and the cross-check tests hold this validator to NJsonSchema's verdicts on the original upstream
/// schemas; it is not used at run time because loading the Argo CD schemas into it alone takes 0.5 to 1.8 seconds.
/// </para>
/// <para>
/// <c>x-kubernetes-validations</c> (CEL) rules are kept as data and not evaluated; see
/// <see cref="ValidatorOptions.ReportUnevaluatedCelRules"/>. Empty documents (a null root) are skipped, as kubectl
/// skips them. A <c>kind: List</c> is expanded and each item validated at <c>items[i]</c>.
/// A manifest written with a version that is not served gets a <see cref="ValidationRules.VersionNotServed"/> error
/// and its body is then checked against the served version, so that all the changes needed show at once.
/// </para>
/// <para>
/// Nulls, as the API server treats them: a field whose value is <c>null</c> where the schema does not say
/// <c>nullable: true</c> is dropped (the server prunes such nulls from custom resources before validating, and Go's
/// decoding turns them into the zero value for built-in kinds). It is accepted with a
/// <see cref="ValidationRules.NullDropped"/> warning, and is an error only when dropping it leaves a required field
/// missing, or where the server refuses null outright: an item of a typed list
/// (<see cref="ValidationRules.NullNotAllowed"/>). <c>metadata.creationTimestamp: null</c>, which kubectl writes into
/// generated manifests, is dropped without a word.
/// </para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class ManifestValidator
{
    private static readonly ConditionalWeakTable<ResourceSchema, RootSchema> RootSchemas = new();

    private const int MaxCachedLookups = 1024;

    private readonly SchemaRegistry _registry;
    private readonly Lazy<CompiledSchema?> _objectMeta;

    // The registry never changes, so its answers can be kept; this spares the per-document cost of its lookup.
    private readonly ConcurrentDictionary<(string ApiVersion, string Kind), ResourceSchema?> _lookups = new();
    private readonly ConcurrentDictionary<(string ApiVersion, string Kind), KubernetesApiStatus> _builtIn = new();

    /// <summary>Creates a validator over a registry's schemas.</summary>
    /// <param name="registry">Where schemas come from, e.g. <see cref="SchemaRegistry.Default"/> or one with user schemas added.</param>
    /// <param name="options">Settings; <see cref="ValidatorOptions.Default"/> when null.</param>
    public ManifestValidator(SchemaRegistry registry, ValidatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        Options = options ?? ValidatorOptions.Default;
        _objectMeta = new Lazy<CompiledSchema?>(() => ReadObjectMeta(registry), LazyThreadSafetyMode.PublicationOnly);
        if (Options.KubernetesVersion is { } version && !registry.KubernetesVersions.Contains(version, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                registry.KubernetesVersions.Count == 0
                    ? $"Kubernetes version {version} was asked for, but this registry knows no built-in Kubernetes APIs"
                    : $"Kubernetes version {version} is not supported; use one of {string.Join(", ", registry.KubernetesVersions)}",
                nameof(options));
        }
    }

    /// <summary>The settings this validator applies.</summary>
    public ValidatorOptions Options { get; }

    /// <summary>The registry this validator reads schemas from.</summary>
    public SchemaRegistry Registry => _registry;

    private static CompiledSchema? ReadObjectMeta(SchemaRegistry registry)
    {
        try
        {
            return new CompiledSchema(registry.ObjectMeta);
        }
        catch (InvalidOperationException)
        {
            // A registry without meta/v1/objectmeta.json: the API server's own metadata rules still apply.
            return null;
        }
    }

    /// <summary>Validates one document and returns what was found, errors and warnings, in document order (empty when all is well).</summary>
    /// <param name="document">The document, typically from <c>YamlReader</c> or a model's <c>ToNode()</c>.</param>
    /// <exception cref="SchemaLoadException">A schema file the document needs is broken.</exception>
    public IReadOnlyList<Diagnostic> Validate(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ctx = ValidationContext.Rent(Options);
        try
        {
            ValidateObject(document.Root, ctx, isListItem: false);
            return ctx.TakeDiagnostics();
        }
        finally
        {
            ValidationContext.Return(ctx);
        }
    }

    /// <summary>Validates one document and throws when anything is an error; warnings alone do not throw.</summary>
    /// <exception cref="ManifestValidationException">The document has at least one error; the exception carries every diagnostic found.</exception>
    /// <exception cref="SchemaLoadException">A schema file the document needs is broken.</exception>
    public void ValidateOrThrow(ManifestDocument document)
    {
        var diagnostics = Validate(document);
        foreach (var d in diagnostics)
        {
            if (d.IsError) throw new ManifestValidationException(diagnostics);
        }
    }

    private void ValidateObject(ManifestNode node, ValidationContext ctx, bool isListItem)
    {
        if (node is NullNode && !isListItem) return;
        if (node is not MappingNode root)
        {
            ctx.Error(ValidationRules.DocumentNotMapping,
                $"a manifest must be a mapping with apiVersion and kind, got {SchemaWalker.Describe(node)}", node.Location);
            return;
        }

        var apiVersion = ReadIdentity(root, "apiVersion", ValidationRules.ApiVersionMissing, ValidationRules.ApiVersionInvalid, ctx);
        var kind = ReadIdentity(root, "kind", ValidationRules.KindMissing, ValidationRules.KindInvalid, ctx);
        if (apiVersion is null || kind is null) return;

        if (kind == "List" && apiVersion == "v1")
        {
            ValidateList(root, ctx);
            return;
        }

        var start = ctx.Diagnostics.Count;
        var resource = Find(apiVersion, kind);
        var builtIn = BuiltInStatus(apiVersion, kind);
        if (builtIn is not null && builtIn.State != KubernetesApiState.Unknown)
        {
            resource = ApplyKubernetesVersion(root, apiVersion, kind, builtIn, resource, ctx);
            if (resource is null) return;
        }
        if (resource is null)
        {
            ReportUnknown(root, apiVersion, kind, ctx);
            return;
        }
        var body = resource;
        if (!resource.Served)
        {
            var served = ServedVersionOf(resource.Group, resource.Kind);
            ctx.Push("apiVersion");
            ctx.Error(ValidationRules.VersionNotServed, $"{apiVersion} is not served for {kind}", root["apiVersion"].Location,
                served is null ? $"no served version of {kind} is known" : $"use apiVersion: {served.ApiVersion}");
            ctx.Pop();
            if (served is null) return;
            body = served;
        }
        else if (resource.Deprecated)
        {
            var current = ServedVersionOf(resource.Group, resource.Kind, skipDeprecated: true);
            ctx.Push("apiVersion");
            ctx.Warning(ValidationRules.VersionDeprecated, resource.DeprecationWarning ?? $"{apiVersion} {kind} is deprecated",
                root["apiVersion"].Location, current is null || current == resource ? null : $"use apiVersion: {current.ApiVersion}");
            ctx.Pop();
        }

        var schema = CompiledRootOf(body);
        if (schema is not null) SchemaWalker.WalkObject(root, schema, ctx, skipKey: "metadata");
        MetadataRules.Validate(root, body, ObjectMetaFor(schema), ctx);
        KubernetesRules.Validate(root, body, ctx);
        if (body.Group.Length == 0 && body.Version == "v1")
        {
            switch (body.Kind)
            {
                case "Service":
                    ServiceRules.Validate(root, ctx);
                    break;
                case "Secret":
                    DataRules.ValidateSecret(root, ctx);
                    break;
                case "ConfigMap":
                    DataRules.ValidateConfigMap(root, ctx);
                    break;
            }
        }
        if (ctx.Diagnostics.Count > start) KnownMistakes.Apply(ctx, start, body, ctx.CurrentPath());
    }

    /// <summary>What the chosen Kubernetes version does with a built-in apiVersion and kind; <c>null</c> without the index.</summary>
    private KubernetesApiStatus? BuiltInStatus(string apiVersion, string kind)
    {
        if (_registry.Kubernetes is not { } index) return null;
        if (_builtIn.TryGetValue((apiVersion, kind), out var cached)) return cached;
        var status = index.Status(Options.KubernetesVersion ?? index.Newest, apiVersion, kind);
        if (_builtIn.Count < MaxCachedLookups) _builtIn.TryAdd((apiVersion, kind), status);
        return status;
    }

    /// <summary>
    /// Reports a built-in apiVersion that the chosen Kubernetes version removed, deprecates or does not serve yet, and
    /// returns the schema to check the body against: the shape this version serves, the replacement's for a removed
    /// apiVersion, or <c>null</c> when there is nothing to check against.
    /// </summary>
    private ResourceSchema? ApplyKubernetesVersion(MappingNode root, string apiVersion, string kind, KubernetesApiStatus status, ResourceSchema? resource, ValidationContext ctx)
    {
        var index = _registry.Kubernetes!;
        var version = Options.KubernetesVersion ?? index.Newest;
        var location = root["apiVersion"].Location;
        ctx.Push("apiVersion");
        try
        {
            switch (status.State)
            {
                case KubernetesApiState.Served:
                    return index.Variant(status) ?? resource;
                case KubernetesApiState.Deprecated:
                    ctx.Warning(ValidationRules.VersionDeprecated,
                        $"{apiVersion} {kind} is deprecated in Kubernetes {version}" + (status.Replacement is null && status.Version is { } since ? $" (since {since})" : ""),
                        location,
                        status.Replacement is { } use ? $"use apiVersion: {use}" : status.Instead);
                    return index.Variant(status) ?? resource;
                case KubernetesApiState.Removed:
                {
                    ctx.Error(ValidationRules.VersionNotServed,
                        $"{apiVersion} {kind} is not served by Kubernetes {version}: it was removed in Kubernetes {status.Version}",
                        location,
                        status.Replacement is { } instead ? $"use apiVersion: {instead}" : status.Instead);
                    if (status.Replacement is not { } replacement) return null;
                    var served = index.Status(version, replacement, kind);
                    return served.State is KubernetesApiState.Served or KubernetesApiState.Deprecated
                        ? index.Variant(served) ?? Find(replacement, kind)
                        : null;
                }
                case KubernetesApiState.NotYetServed:
                    ctx.Error(ValidationRules.VersionNotYetServed,
                        $"{apiVersion} {kind} is not served by Kubernetes {version}; Kubernetes {status.Version} is the first version to serve it",
                        location,
                        status.Replacement is { } older
                            ? $"use apiVersion: {older}, or validate for a later version (--kubernetes-version {status.Version})"
                            : $"validate for a later version (--kubernetes-version {status.Version}), or leave {kind} out on this cluster");
                    return null;
                default:
                    return resource;
            }
        }
        finally
        {
            ctx.Pop();
        }
    }

    private ResourceSchema? Find(string apiVersion, string kind)
    {
        if (_lookups.TryGetValue((apiVersion, kind), out var cached)) return cached;
        var found = _registry.Find(apiVersion, kind);
        if (_lookups.Count < MaxCachedLookups) _lookups.TryAdd((apiVersion, kind), found);
        return found;
    }

    /// <summary>The registry's ObjectMeta schema, or else the kind's own <c>metadata</c> schema when it spells ObjectMeta out (core kinds).</summary>
    private CompiledSchema? ObjectMetaFor(CompiledSchema? kindSchema)
    {
        if (_objectMeta.Value is { } shared) return shared;
        if (kindSchema?.Properties is { } properties && properties.TryGetValue("metadata", out var slot) && slot.Schema.Properties is not null)
            return slot.Schema;
        return null;
    }

    private static string? ReadIdentity(MappingNode root, string field, string missingRule, string invalidRule, ValidationContext ctx)
    {
        if (!root.TryGetValue(field, out var node))
        {
            ctx.Error(missingRule, $"missing required field \"{field}\"", root.Location,
                field == "kind" ? "add the kind, e.g. kind: Application" : "add the apiVersion, e.g. apiVersion: argoproj.io/v1alpha1");
            return null;
        }
        ctx.Push(field);
        string? value = null;
        if (node is not StringNode s || s.Value.Length == 0)
        {
            ctx.Error(invalidRule, $"{field} must be a non-empty string, got {SchemaWalker.Describe(node)}", node.Location);
        }
        else if (field == "apiVersion" && !IsApiVersionShape(s.Value))
        {
            ctx.Error(invalidRule, $"{SchemaWalker.Quote(s.Value)} is not an apiVersion: write version (core group) or group/version",
                node.Location, "e.g. apiVersion: v1, or apiVersion: argoproj.io/v1alpha1");
        }
        else
        {
            value = s.Value;
        }
        ctx.Pop();
        return value;
    }

    private static bool IsApiVersionShape(string value)
    {
        var slash = value.IndexOf('/');
        if (slash < 0) return !value.Contains(' ');
        return slash > 0 && slash < value.Length - 1 && value.IndexOf('/', slash + 1) < 0 && !value.Contains(' ');
    }

    private void ValidateList(MappingNode root, ValidationContext ctx)
    {
        if (!root.TryGetValue("items", out var items) || items is NullNode) return;
        ctx.Push("items");
        if (items is not SequenceNode list)
        {
            ctx.Error(ValidationRules.ListItemsInvalid, $"items of a List must be a list of manifests, got {SchemaWalker.Describe(items)}", items.Location);
        }
        else
        {
            for (var i = 0; i < list.Count; i++)
            {
                ctx.Push(i);
                ValidateObject(list[i], ctx, isListItem: true);
                ctx.Pop();
            }
        }
        ctx.Pop();
    }

    private static string ApiVersionOf(string group, string version) => group.Length == 0 ? version : $"{group}/{version}";

    /// <summary>The preferred served version of a kind in a group, optionally the first that is not deprecated.</summary>
    private ResourceSchema? ServedVersionOf(string group, string kind, bool skipDeprecated = false)
    {
        foreach (var version in _registry.ServedVersions(group, kind))
        {
            var schema = _registry.Find(ApiVersionOf(group, version), kind);
            if (schema is null || !schema.Served || (skipDeprecated && schema.Deprecated)) continue;
            return schema;
        }
        return null;
    }

    private void ReportUnknown(MappingNode root, string apiVersion, string kind, ValidationContext ctx)
    {
        var slash = apiVersion.IndexOf('/');
        var group = slash < 0 ? "" : apiVersion[..slash];
        var target = ServedVersionOf(group, kind);
        var sameGroup = target is not null;
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (knownApiVersion, knownKind) in _registry.Kinds)
        {
            kinds.Add(knownKind);
            if (target is null && knownKind == kind && _registry.Find(knownApiVersion, knownKind) is { Served: true } elsewhere)
            {
                var elsewhereGroup = elsewhere.Group;
                target = ServedVersionOf(elsewhereGroup, kind) ?? elsewhere;
            }
        }
        if (target is not null)
        {
            ctx.Push("apiVersion");
            ctx.Error(ValidationRules.UnknownVersion,
                sameGroup ? $"{apiVersion} is not a version of {kind}" : $"{kind} is not a kind of {apiVersion}",
                root["apiVersion"].Location, $"use apiVersion: {target.ApiVersion}");
            ctx.Pop();
            return;
        }
        var near = NearMatch.Find(kind, kinds);
        string suggestion;
        if (near is not null)
        {
            var nearSchema = ServedVersionOf(group, near);
            if (nearSchema is null)
            {
                foreach (var (knownApiVersion, knownKind) in _registry.Kinds)
                {
                    if (knownKind == near && _registry.Find(knownApiVersion, knownKind) is { Served: true } served) { nearSchema = served; break; }
                }
            }
            suggestion = nearSchema is null || nearSchema.ApiVersion == apiVersion
                ? $"did you mean kind: {near}?"
                : $"did you mean kind: {near} (apiVersion: {nearSchema.ApiVersion})?";
        }
        else
        {
            suggestion = "add its CRD with `okegitops import-crd`, or put its schema in a schema folder";
        }
        ctx.Push("kind");
        ctx.Report(Options.AllowUnknownKinds && near is null ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
            ValidationRules.UnknownKind, $"no schema is known for kind {kind} ({apiVersion})", root["kind"].Location, suggestion);
        ctx.Pop();
    }

    /// <summary>The compiled root of a kind's schema, as cached for every validator (for tests).</summary>
    internal static CompiledSchema? CompiledRootOf(ResourceSchema resource) => RootSchemas.GetValue(resource, static r => new RootSchema(r)).Schema;

    /// <summary>The compiled root of one kind's schema; null when the schema file has no body.</summary>
    private sealed class RootSchema(ResourceSchema resource)
    {
        public CompiledSchema? Schema { get; } = resource.OpenApiV3Schema is { } e ? new CompiledSchema(e) : null;
    }
}
