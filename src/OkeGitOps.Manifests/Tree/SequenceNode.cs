using System.Collections;
using System.Collections.Immutable;

namespace OkeGitOps.Manifests.Tree;

/// <summary>An ordered list of nodes. Order is significant for equality.</summary>
public sealed class SequenceNode : ManifestNode, IReadOnlyList<ManifestNode>
{
    /// <summary>The empty list.</summary>
    public static SequenceNode Empty { get; } = new(ImmutableArray<ManifestNode>.Empty);

    /// <summary>Creates a list of the given items.</summary>
    public SequenceNode(ImmutableArray<ManifestNode> items, SourceLocation? location = null) : base(location)
    {
        if (items.IsDefault) items = ImmutableArray<ManifestNode>.Empty;
        foreach (var item in items) ArgumentNullException.ThrowIfNull(item, nameof(items));
        Items = items;
    }

    /// <summary>The items.</summary>
    public ImmutableArray<ManifestNode> Items { get; }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Sequence;

    /// <inheritdoc />
    public int Count => Items.Length;

    /// <inheritdoc />
    public ManifestNode this[int index] => Items[index];

    /// <summary>Returns a list with the items appended.</summary>
    public SequenceNode Add(params ManifestNode[] items) => new(Items.AddRange(items), Location);

    /// <summary>Returns a list with the item at <paramref name="index"/> replaced.</summary>
    public SequenceNode SetItem(int index, ManifestNode item) => new(Items.SetItem(index, item), Location);

    /// <inheritdoc />
    public override ManifestNode WithLocation(SourceLocation? location) => new SequenceNode(Items, location);

    /// <inheritdoc />
    public override bool Equals(ManifestNode? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is not SequenceNode s || s.Items.Length != Items.Length) return false;
        for (var i = 0; i < Items.Length; i++)
        {
            if (!Items[i].Equals(s.Items[i])) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(NodeKind.Sequence);
        foreach (var item in Items) hash.Add(item.GetHashCode());
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public IEnumerator<ManifestNode> GetEnumerator() => ((IEnumerable<ManifestNode>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
