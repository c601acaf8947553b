using System.Collections.Immutable;
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

    /// <summary>
    /// Describes the generated model <typeparamref name="TModel"/>. Generated code calls this for every kind it
    /// makes (see the <c>GeneratedModelKinds</c> class generated into each project with schemas).
    /// </summary>
    /// <typeparam name="TModel">The generated record.</typeparam>
    /// <param name="apiVersion">The kind's <c>apiVersion</c>, e.g. <c>acme.example.org/v1</c>.</param>
    /// <param name="kind">The kind, e.g. <c>Rocket</c>.</param>
    /// <param name="fromNode">The generated <c>FromNode</c>.</param>
    public static ModelKind Create<TModel>(string apiVersion, string kind, Func<ManifestNode, TModel> fromNode)
        where TModel : IManifestModel
    {
        ArgumentException.ThrowIfNullOrEmpty(apiVersion);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(fromNode);
        return new ModelKind(apiVersion, kind, typeof(TModel), node => fromNode(node));
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
/// models generated into this library. The generator lists the models it makes in each project in an internal
/// <c>GeneratedModelKinds</c> class, so your own are added with
/// <c>ModelRegistry.Default.WithKinds(GeneratedModelKinds.All)</c>; nothing is discovered by reflection, which keeps
/// the registry working in trimmed and Native AOT programs.
/// </summary>
public sealed class ModelRegistry
{
    private static readonly Lazy<ModelRegistry> LazyDefault = new(() => new ModelRegistry(ImmutableDictionary<(string, string), ModelKind>.Empty).WithKinds(GeneratedModelKinds.All));

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
    /// Returns a registry that also holds <paramref name="kinds"/>, typically a project's generated
    /// <c>GeneratedModelKinds.All</c>. A kind already registered is replaced.
    /// </summary>
    public ModelRegistry WithKinds(IEnumerable<ModelKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var builder = _kinds.ToBuilder();
        foreach (var kind in kinds)
        {
            ArgumentNullException.ThrowIfNull(kind, nameof(kinds));
            builder[(kind.ApiVersion, kind.Kind)] = kind;
        }
        return new ModelRegistry(builder.ToImmutable());
    }
}
