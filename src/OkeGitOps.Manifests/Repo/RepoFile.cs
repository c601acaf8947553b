using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Repo;

/// <summary>One file of a repository to render: either manifests (emitted as a YAML stream) or a text artefact.</summary>
public abstract record RepoFile(string RelativePath)
{
    /// <summary>
    /// The cluster the file's manifests are applied to, when a repository serves several. Checks across documents
    /// (duplicates, references) compare only manifests bound for the same cluster; <c>null</c> is the default cluster.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>Returns this file bound for the named cluster.</summary>
    public RepoFile ForCluster(string cluster) => this with { Cluster = cluster };

    /// <summary>
    /// A YAML file holding one or more manifests, in the given order. The models become trees when the file is
    /// rendered, not before, so a large repository holds its (smaller) models rather than all of its trees.
    /// </summary>
    public static RepoFile Manifests(string relativePath, params IManifestModel[] manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        foreach (var m in manifests) ArgumentNullException.ThrowIfNull(m, nameof(manifests));
        return new ManifestRepoFile(relativePath, new ModelDocuments(() => manifests));
    }

    /// <summary>
    /// A YAML file whose manifests are built when it is rendered, and built again each time its documents are read:
    /// a repository of many such files holds only the recipes, never all the models or trees at once.
    /// </summary>
    internal static RepoFile Deferred(string relativePath, Func<IManifestModel[]> build)
        => new ManifestRepoFile(relativePath, new ModelDocuments(build));

    /// <summary>A YAML file holding one or more manifests given as trees.</summary>
    public static RepoFile Nodes(string relativePath, params ManifestNode[] manifests) => new ManifestRepoFile(relativePath, manifests);

    /// <summary>A text artefact written as given, e.g. IAM policy statements.</summary>
    public static RepoFile Text(string relativePath, string content) => new TextRepoFile(relativePath, content);
}

/// <summary>A YAML file of manifests.</summary>
/// <param name="RelativePath">Where the file goes inside the output folder.</param>
/// <param name="Documents">The manifests, one YAML document each.</param>
public sealed record ManifestRepoFile(string RelativePath, IReadOnlyList<ManifestNode> Documents) : RepoFile(RelativePath);

/// <summary>A text artefact, held as UTF-8 (the bytes the rendered file shares, so a large repository keeps one copy).</summary>
public sealed record TextRepoFile : RepoFile
{
    private readonly byte[] _utf8 = [];

    /// <summary>Creates a text artefact.</summary>
    /// <param name="relativePath">Where the file goes inside the output folder.</param>
    /// <param name="content">The text; a final newline is added when missing.</param>
    /// <exception cref="ArgumentException"><paramref name="content"/> is not valid UTF-16 (it holds an unpaired surrogate).</exception>
    public TextRepoFile(string relativePath, string content)
        : base(relativePath)
        => Content = content;

    /// <summary>The text; a final newline is added when missing.</summary>
    public string Content
    {
        get => GeneratedFile.Utf8.GetString(_utf8);
        init => _utf8 = GeneratedFile.Utf8.GetBytes(value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>The rendered file: the same bytes, with a final newline added when missing.</summary>
    internal GeneratedFile Rendered()
        => new(RelativePath, _utf8.Length > 0 && _utf8[^1] == (byte)'\n' ? _utf8 : [.. _utf8, (byte)'\n']);

    /// <summary>The path and the text.</summary>
    public void Deconstruct(out string relativePath, out string content)
    {
        relativePath = RelativePath;
        content = Content;
    }

    /// <inheritdoc />
    public bool Equals(TextRepoFile? other) => base.Equals(other) && _utf8.AsSpan().SequenceEqual(other._utf8);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), _utf8.Length);
}

/// <summary>Manifests kept as models (or a recipe for them); each read builds the trees afresh (trees are values, so nothing differs).</summary>
internal sealed class ModelDocuments(Func<IManifestModel[]> models) : IReadOnlyList<ManifestNode>
{
    public ManifestNode this[int index] => models()[index].ToNode();

    public int Count => models().Length;

    public IEnumerator<ManifestNode> GetEnumerator()
    {
        foreach (var model in models()) yield return model.ToNode();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
