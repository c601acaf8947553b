using System.Collections.Immutable;
using System.Reflection;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Models;

/// <summary>
/// One kind that has a generated typed model: its <c>apiVersion</c>, <c>kind</c>, the model's CLR type, and a
/// reader that turns a manifest tree into that model.
/// </summary>
public sealed class ModelKind
{
    private readonly Func<ManifestNode, IManifestModel> _fromNode;

    internal ModelKind(string apiVersion, string kind, Type type, Func<ManifestNode, IManifestModel> fromNode)
    {
        ApiVersion = apiVersion;
        Kind = kind;
        Type = type;
        _fromNode = fromNode;
    }

    /// <summary>The kind's <c>apiVersion</c>, e.g. <c>argoproj.io/v1alpha1</c>.</summary>
    public string ApiVersion { get; }

    /// <summary>The kind, e.g. <c>Application</c>.</summary>
    public string Kind { get; }

    /// <summary>The generated record, e.g. <c>OkeGitOps.Manifests.Models.Argo.Application</c>.</summary>
    public Type Type { get; }

    /// <summary>Reads a document of this kind into its typed model (the generated <c>FromNode</c>).</summary>
    /// <exception cref="ModelConversionException">The node is not a mapping, or names another apiVersion or kind.</exception>
    public IManifestModel FromNode(ManifestNode node) => _fromNode(node);

    /// <inheritdoc />
    public override string ToString() => $"{ApiVersion}/{Kind} ({Type.FullName})";
}

/// <summary>
/// Maps <c>apiVersion</c> and <c>kind</c> to the generated typed model, so code that reads existing YAML
/// (such as <c>okegitops fmt</c>) can turn any known document into its model. The default registry holds the
/// models generated into this library; models generated in your own project are added with <see cref="WithAssembly"/>.
/// </summary>
public sealed class ModelRegistry
{
    private static readonly Lazy<ModelRegistry> LazyDefault = new(() => new ModelRegistry(ImmutableDictionary<(string, string), ModelKind>.Empty).WithAssembly(typeof(ModelRegistry).Assembly));

    private readonly ImmutableDictionary<(string ApiVersion, string Kind), ModelKind> _kinds;

    private ModelRegistry(ImmutableDictionary<(string ApiVersion, string Kind), ModelKind> kinds) => _kinds = kinds;

    /// <summary>A registry with no kinds.</summary>
    public static ModelRegistry Empty { get; } = new(ImmutableDictionary<(string, string), ModelKind>.Empty);

    /// <summary>The kinds whose models are generated into this library (Argo CD, External Secrets, core).</summary>
    public static ModelRegistry Default => LazyDefault.Value;

    /// <summary>Every registered kind, ordered by apiVersion then kind.</summary>
    public IEnumerable<ModelKind> Kinds => _kinds.Values
        .OrderBy(k => k.ApiVersion, StringComparer.Ordinal)
        .ThenBy(k => k.Kind, StringComparer.Ordinal);

    /// <summary>Finds the model of a kind.</summary>
    public bool TryGet(string apiVersion, string kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelKind? model)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        return _kinds.TryGetValue((apiVersion, kind), out model);
    }

    /// <summary>Finds the model of a kind, or returns <c>null</c>.</summary>
    public ModelKind? Find(string apiVersion, string kind) => TryGet(apiVersion, kind, out var model) ? model : null;

    /// <summary>Finds the model of a typed model type, or returns <c>null</c>.</summary>
    public ModelKind? Find(Type type) => _kinds.Values.FirstOrDefault(k => k.Type == type);

    /// <summary>
    /// Returns a registry that also holds every generated root model in <paramref name="assembly"/>: the records that
    /// implement <see cref="IManifestModel"/> and carry <c>ApiVersion</c> and <c>Kind</c> constants. A kind already
    /// registered is replaced.
    /// </summary>
    public ModelRegistry WithAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var builder = _kinds.ToBuilder();
        foreach (var type in assembly.GetExportedTypes())
        {
            if (!typeof(IManifestModel).IsAssignableFrom(type) || type.IsAbstract) continue;
            var apiVersion = type.GetField("ApiVersion", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
            var kind = type.GetField("Kind", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
            var fromNode = type.GetMethod("FromNode", BindingFlags.Public | BindingFlags.Static, [typeof(ManifestNode)]);
            if (apiVersion is null || kind is null || fromNode is null || !type.IsAssignableFrom(fromNode.ReturnType)) continue;
            var read = fromNode.CreateDelegate<Func<ManifestNode, IManifestModel>>();
            builder[(apiVersion, kind)] = new ModelKind(apiVersion, kind, type, read);
        }
        return new ModelRegistry(builder.ToImmutable());
    }
}
