using System.Collections.Immutable;

namespace OkeGitOps.Manifests.Tree;

/// <summary>The kinds of node a manifest tree is made of.</summary>
public enum NodeKind
{
    /// <summary>An ordered map from string keys to nodes.</summary>
    Mapping,
    /// <summary>An ordered list of nodes.</summary>
    Sequence,
    /// <summary>A string scalar.</summary>
    String,
    /// <summary>A whole-number scalar that fits in 64 bits.</summary>
    Integer,
    /// <summary>A floating-point scalar.</summary>
    Number,
    /// <summary>A <c>true</c> or <c>false</c> scalar.</summary>
    Boolean,
    /// <summary>The null scalar.</summary>
    Null,
}

/// <summary>
/// One node of the manifest tree: the single representation every manifest passes through between
/// typed models, the validator and the YAML emitter. Nodes are immutable. Equality is structural and
/// ignores source locations; two mappings are equal when they hold the same keys with equal values, in any order.
/// </summary>
public abstract class ManifestNode : IEquatable<ManifestNode>
{
    private protected ManifestNode(SourceLocation? location) => Location = location;

    /// <summary>Where the node was read from, or <c>null</c> for nodes built in code.</summary>
    public SourceLocation? Location { get; }

    /// <summary>What sort of node this is.</summary>
    public abstract NodeKind Kind { get; }

    /// <summary>Returns a copy of this node that carries the given location.</summary>
    public abstract ManifestNode WithLocation(SourceLocation? location);

    /// <summary>Creates a string scalar.</summary>
    public static StringNode String(string value) => new(value);

    /// <summary>Creates an integer scalar.</summary>
    public static IntegerNode Integer(long value) => new(value);

    /// <summary>Creates a floating-point scalar.</summary>
    public static NumberNode Number(double value) => new(value);

    /// <summary>Creates a boolean scalar.</summary>
    public static BooleanNode Boolean(bool value) => value ? BooleanNode.True : BooleanNode.False;

    /// <summary>The null scalar.</summary>
    public static NullNode Null => NullNode.Instance;

    /// <summary>Creates a mapping from key/value pairs, kept in the given order.</summary>
    /// <exception cref="ArgumentException">A key appears twice.</exception>
    public static MappingNode Map(params (string Key, ManifestNode Value)[] entries) => MappingNode.Create(entries);

    /// <summary>Creates a sequence of the given items.</summary>
    public static SequenceNode List(params ManifestNode[] items) => new(ImmutableArray.Create(items));

    /// <summary>Creates a sequence of the given items.</summary>
    public static SequenceNode List(IEnumerable<ManifestNode> items) => new(items.ToImmutableArray());

    /// <summary>Structural equality that ignores source locations.</summary>
    public abstract bool Equals(ManifestNode? other);

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => Equals(obj as ManifestNode);

    /// <inheritdoc />
    public abstract override int GetHashCode();

    /// <summary>Compares two nodes structurally; either may be null.</summary>
    public static bool operator ==(ManifestNode? left, ManifestNode? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two nodes structurally; either may be null.</summary>
    public static bool operator !=(ManifestNode? left, ManifestNode? right) => !(left == right);

    /// <summary>Finds the node at a path below this one, or <c>null</c> when there is none.</summary>
    public ManifestNode? At(NodePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ManifestNode? current = this;
        foreach (var segment in path.Segments)
        {
            current = (current, segment) switch
            {
                (MappingNode m, string key) => m.TryGetValue(key, out var v) ? v : null,
                (SequenceNode s, int i) => i >= 0 && i < s.Count ? s[i] : null,
                _ => null,
            };
            if (current is null) return null;
        }
        return current;
    }
}
