using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace OkeGitOps.Manifests.Models;

/// <summary>
/// An immutable list that compares by its items, so that records holding lists compare structurally
/// (a record compares an <see cref="ImmutableArray{T}"/> by reference). Build one with a collection expression
/// (<c>[a, b]</c>), <see cref="EquatableArray.Create{T}(ReadOnlySpan{T})"/>, or an implicit conversion from an array.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public sealed class EquatableArray<T> : IReadOnlyList<T>, IEquatable<EquatableArray<T>>, IBoxedList
{
    IEnumerable<object?> IBoxedList.BoxedItems => Items.Select(i => (object?)i);

    /// <summary>The empty list.</summary>
    public static EquatableArray<T> Empty { get; } = new(ImmutableArray<T>.Empty);

    /// <summary>Wraps an immutable array.</summary>
    public EquatableArray(ImmutableArray<T> items) => Items = items.IsDefault ? ImmutableArray<T>.Empty : items;

    /// <summary>The items.</summary>
    public ImmutableArray<T> Items { get; }

    /// <inheritdoc />
    public int Count => Items.Length;

    /// <inheritdoc />
    public T this[int index] => Items[index];

    /// <summary>Returns a list with <paramref name="items"/> appended.</summary>
    public EquatableArray<T> AddRange(params T[] items) => new(Items.AddRange(items));

    /// <summary>Returns a list with <paramref name="item"/> appended.</summary>
    public EquatableArray<T> Add(T item) => new(Items.Add(item));

    /// <summary>Returns a list with the item at <paramref name="index"/> replaced.</summary>
    public EquatableArray<T> SetItem(int index, T item) => new(Items.SetItem(index, item));

    /// <summary>Returns a list without the item at <paramref name="index"/>.</summary>
    public EquatableArray<T> RemoveAt(int index) => new(Items.RemoveAt(index));

    /// <summary>Wraps an array (copied).</summary>
    public static implicit operator EquatableArray<T>(T[] items) => new(ImmutableArray.Create(items));

    /// <summary>Wraps an immutable array.</summary>
    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) => new(items);

    /// <inheritdoc />
    public bool Equals(EquatableArray<T>? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Count != Count) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < Items.Length; i++)
        {
            if (!comparer.Equals(Items[i], other.Items[i])) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EquatableArray<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <summary>Compares two lists by their items.</summary>
    public static bool operator ==(EquatableArray<T>? left, EquatableArray<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two lists by their items.</summary>
    public static bool operator !=(EquatableArray<T>? left, EquatableArray<T>? right) => !(left == right);

    /// <summary>Prints the items, e.g. <c>[a, b]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", Items) + "]";

    /// <summary>Gets a struct enumerator over the items.</summary>
    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();
}

/// <summary>Creates <see cref="EquatableArray{T}"/> instances; also the builder behind collection expressions.</summary>
public static class EquatableArray
{
    /// <summary>Creates a list of the given items.</summary>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new(ImmutableArray.Create(items));

    /// <summary>Creates a list of the given items.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items.ToImmutableArray());
}
