using System.Collections;
using System.Collections.Immutable;

namespace OkeGitOps.Manifests.Tree;

/// <summary>One key/value pair of a <see cref="MappingNode"/>, with the key's own source location.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
/// <param name="KeyLocation">Where the key was read from, or <c>null</c> for entries built in code.</param>
public readonly record struct MappingEntry(string Key, ManifestNode Value, SourceLocation? KeyLocation = null);

/// <summary>
/// A map from string keys to nodes that remembers the order its keys were given in.
/// Keys are unique. Equality ignores order, since a YAML mapping has none.
/// </summary>
public sealed class MappingNode : ManifestNode, IReadOnlyList<MappingEntry>
{
    private const int IndexThreshold = 8;
    private Dictionary<string, int>? _index;

    /// <summary>The empty mapping.</summary>
    public static MappingNode Empty { get; } = new(ImmutableArray<MappingEntry>.Empty);

    /// <summary>Creates a mapping from entries whose keys must be unique.</summary>
    /// <exception cref="ArgumentException">A key appears twice.</exception>
    public MappingNode(ImmutableArray<MappingEntry> entries, SourceLocation? location = null) : base(location)
    {
        if (entries.IsDefault) entries = ImmutableArray<MappingEntry>.Empty;
        Entries = entries;
        if (entries.Length > IndexThreshold)
        {
            _index = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
            for (var i = 0; i < entries.Length; i++)
            {
                ArgumentNullException.ThrowIfNull(entries[i].Value, nameof(entries));
                if (!_index.TryAdd(entries[i].Key, i))
                    throw new ArgumentException($"Duplicate key '{entries[i].Key}'.", nameof(entries));
            }
        }
        else
        {
            for (var i = 0; i < entries.Length; i++)
            {
                ArgumentNullException.ThrowIfNull(entries[i].Key, nameof(entries));
                ArgumentNullException.ThrowIfNull(entries[i].Value, nameof(entries));
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(entries[i].Key, entries[j].Key, StringComparison.Ordinal))
                        throw new ArgumentException($"Duplicate key '{entries[i].Key}'.", nameof(entries));
                }
            }
        }
    }

    /// <summary>Creates a mapping from key/value pairs, kept in the given order.</summary>
    public static MappingNode Create(IEnumerable<(string Key, ManifestNode Value)> entries)
        => new(entries.Select(e => new MappingEntry(e.Key, e.Value)).ToImmutableArray());

    /// <summary>The entries in their original order.</summary>
    public ImmutableArray<MappingEntry> Entries { get; }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Mapping;

    /// <inheritdoc />
    public int Count => Entries.Length;

    /// <inheritdoc />
    public MappingEntry this[int index] => Entries[index];

    /// <summary>The value for a key.</summary>
    /// <exception cref="KeyNotFoundException">The key is absent.</exception>
    public ManifestNode this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"No key '{key}'.");

    /// <summary>The keys in their original order.</summary>
    public IEnumerable<string> Keys => Entries.Select(e => e.Key);

    /// <summary>True when the key is present.</summary>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Looks up a key.</summary>
    public bool TryGetValue(string key, out ManifestNode value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? Entries[i].Value : null!;
        return i >= 0;
    }

    /// <summary>Looks up a key, returning its entry (with the key's location).</summary>
    public bool TryGetEntry(string key, out MappingEntry entry)
    {
        var i = IndexOf(key);
        entry = i >= 0 ? Entries[i] : default;
        return i >= 0;
    }

    /// <summary>The value for a key, or <c>null</c> when absent.</summary>
    public ManifestNode? GetValueOrDefault(string key) => TryGetValue(key, out var v) ? v : null;

    /// <summary>The string value for a key, or <c>null</c> when absent or not a string.</summary>
    public string? GetString(string key) => GetValueOrDefault(key) is StringNode s ? s.Value : null;

    /// <summary>Returns a mapping where <paramref name="key"/> maps to <paramref name="value"/>, replacing it in place or appending it.</summary>
    public MappingNode Set(string key, ManifestNode value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var i = IndexOf(key);
        return i >= 0
            ? new MappingNode(Entries.SetItem(i, Entries[i] with { Value = value }), Location)
            : new MappingNode(Entries.Add(new MappingEntry(key, value)), Location);
    }

    /// <summary>Returns a mapping without <paramref name="key"/>.</summary>
    public MappingNode Remove(string key)
    {
        var i = IndexOf(key);
        return i < 0 ? this : new MappingNode(Entries.RemoveAt(i), Location);
    }

    private int IndexOf(string key)
    {
        if (_index is not null) return _index.TryGetValue(key, out var found) ? found : -1;
        for (var i = 0; i < Entries.Length; i++)
        {
            if (string.Equals(Entries[i].Key, key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <inheritdoc />
    public override ManifestNode WithLocation(SourceLocation? location) => new MappingNode(Entries, location);

    /// <inheritdoc />
    public override bool Equals(ManifestNode? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is not MappingNode m || m.Count != Count) return false;
        foreach (var entry in Entries)
        {
            if (!m.TryGetValue(entry.Key, out var theirs) || !entry.Value.Equals(theirs)) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Order-independent: combine per-entry hashes with addition.
        var sum = 0;
        foreach (var entry in Entries)
        {
            sum = unchecked(sum + HashCode.Combine(StringComparer.Ordinal.GetHashCode(entry.Key), entry.Value.GetHashCode()));
        }
        return HashCode.Combine(NodeKind.Mapping, sum);
    }

    /// <inheritdoc />
    public IEnumerator<MappingEntry> GetEnumerator() => ((IEnumerable<MappingEntry>)Entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
