using System.Collections;
using System.Collections.Immutable;

namespace OkeGitOps.Manifests.Models;

/// <summary>
/// An immutable map from string keys to values, kept sorted by key (ordinal) so output is deterministic,
/// that compares by its entries. Used for schema maps (<c>additionalProperties</c>) such as labels.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class EquatableMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<EquatableMap<TValue>>, IBoxedMap
{
    IEnumerable<KeyValuePair<string, object?>> IBoxedMap.BoxedEntries => Entries.Select(e => new KeyValuePair<string, object?>(e.Key, e.Value));

    /// <summary>The empty map.</summary>
    public static EquatableMap<TValue> Empty { get; } = new(ImmutableSortedDictionary.Create<string, TValue>(StringComparer.Ordinal));

    private EquatableMap(ImmutableSortedDictionary<string, TValue> entries) => Entries = entries;

    /// <summary>The entries, sorted by key.</summary>
    public ImmutableSortedDictionary<string, TValue> Entries { get; }

    /// <summary>Creates a map from key/value pairs; a later pair wins over an earlier one with the same key.</summary>
    public static EquatableMap<TValue> Create(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, TValue>(StringComparer.Ordinal);
        foreach (var e in entries) builder[e.Key] = e.Value;
        return new EquatableMap<TValue>(builder.ToImmutable());
    }

    /// <summary>Returns a map where <paramref name="key"/> maps to <paramref name="value"/>.</summary>
    public EquatableMap<TValue> SetItem(string key, TValue value) => new(Entries.SetItem(key, value));

    /// <summary>Returns a map without <paramref name="key"/>.</summary>
    public EquatableMap<TValue> Remove(string key) => new(Entries.Remove(key));

    /// <summary>Creates a map from a dictionary.</summary>
    public static implicit operator EquatableMap<TValue>(Dictionary<string, TValue> entries) => Create(entries);

    /// <inheritdoc />
    public TValue this[string key] => Entries[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => Entries.Keys;

    /// <inheritdoc />
    public IEnumerable<TValue> Values => Entries.Values;

    /// <inheritdoc />
    public int Count => Entries.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => Entries.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out TValue value) => Entries.TryGetValue(key, out value!);

    /// <inheritdoc />
    public bool Equals(EquatableMap<TValue>? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Count != Count) return false;
        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in Entries)
        {
            if (!other.Entries.TryGetValue(key, out var theirs) || !comparer.Equals(value, theirs)) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EquatableMap<TValue>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in Entries)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    /// <summary>Compares two maps by their entries.</summary>
    public static bool operator ==(EquatableMap<TValue>? left, EquatableMap<TValue>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two maps by their entries.</summary>
    public static bool operator !=(EquatableMap<TValue>? left, EquatableMap<TValue>? right) => !(left == right);

    /// <summary>Prints the entries, e.g. <c>{a: 1, b: 2}</c>.</summary>
    public override string ToString() => "{" + string.Join(", ", Entries.Select(e => $"{e.Key}: {e.Value}")) + "}";

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => Entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
