using System.Collections.Immutable;
using System.ComponentModel;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Models;

/// <summary>
/// Conversions between typed values and manifest tree nodes, used by generated models
/// (also by models generated in user projects, hence public). Readers are strict: a value of the wrong
/// node kind throws <see cref="ModelConversionException"/>, and generated <c>FromNode</c> methods then keep
/// the raw field in <c>ExtraFields</c> rather than losing or altering it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ModelNodes
{
    /// <summary>A string scalar.</summary>
    public static ManifestNode String(string value) => ManifestNode.String(value);

    /// <summary>An integer scalar.</summary>
    public static ManifestNode Integer(long value) => ManifestNode.Integer(value);

    /// <summary>A floating-point scalar.</summary>
    public static ManifestNode Number(double value) => ManifestNode.Number(value);

    /// <summary>A boolean scalar.</summary>
    public static ManifestNode Boolean(bool value) => ManifestNode.Boolean(value);

    /// <summary>A sequence of converted items.</summary>
    public static ManifestNode List<T>(EquatableArray<T> items, Func<T, ManifestNode> convert)
    {
        ArgumentNullException.ThrowIfNull(items);
        var builder = ImmutableArray.CreateBuilder<ManifestNode>(items.Count);
        foreach (var item in items) builder.Add(convert(item));
        return new SequenceNode(builder.MoveToImmutable());
    }

    /// <summary>A mapping of converted values, in key order.</summary>
    public static ManifestNode Map<T>(EquatableMap<T> entries, Func<T, ManifestNode> convert)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = ImmutableArray.CreateBuilder<MappingEntry>(entries.Count);
        foreach (var (key, value) in entries) builder.Add(new MappingEntry(key, convert(value)));
        return new MappingNode(builder.MoveToImmutable());
    }

    /// <summary>A builder for a model's mapping entries.</summary>
    public static ImmutableArray<MappingEntry>.Builder Entries(int capacity) => ImmutableArray.CreateBuilder<MappingEntry>(capacity);

    /// <summary>Finishes a model's mapping: typed entries first, then the extra fields whose keys are not typed ones.</summary>
    public static MappingNode Mapping(ImmutableArray<MappingEntry>.Builder entries, MappingNode? extra)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (extra is not null)
        {
            foreach (var e in extra.Entries)
            {
                var clash = false;
                foreach (var typed in entries)
                {
                    if (string.Equals(typed.Key, e.Key, StringComparison.Ordinal)) { clash = true; break; }
                }
                if (!clash) entries.Add(e);
            }
        }
        return new MappingNode(entries.ToImmutable());
    }

    /// <summary>The extra entries as a mapping, or <c>null</c> when there are none.</summary>
    public static MappingNode? Extras(List<MappingEntry>? entries)
        => entries is null || entries.Count == 0 ? null : new MappingNode([.. entries]);

    /// <summary>The node as a mapping.</summary>
    /// <exception cref="ModelConversionException">It is not one.</exception>
    public static MappingNode ReadMapping(ManifestNode node)
        => node as MappingNode ?? throw Mismatch(node, "a mapping");

    /// <summary>Checks that a node is the expected string (a root's <c>apiVersion</c> or <c>kind</c>).</summary>
    /// <exception cref="ModelConversionException">It is not.</exception>
    public static void ExpectString(ManifestNode node, string expected)
    {
        if (node is not StringNode s || !string.Equals(s.Value, expected, StringComparison.Ordinal))
            throw Mismatch(node, $"'{expected}'");
    }

    /// <summary>Reads a string scalar.</summary>
    public static string ReadString(ManifestNode node) => node is StringNode s ? s.Value : throw Mismatch(node, "a string");

    /// <summary>Reads an integer scalar that fits in 32 bits.</summary>
    public static int ReadInt32(ManifestNode node)
        => node is IntegerNode i && i.Value is >= int.MinValue and <= int.MaxValue ? (int)i.Value : throw Mismatch(node, "a 32-bit integer");

    /// <summary>Reads an integer scalar.</summary>
    public static long ReadInt64(ManifestNode node) => node is IntegerNode i ? i.Value : throw Mismatch(node, "an integer");

    /// <summary>
    /// Reads a <c>number</c> field: a floating-point scalar, or an integer (JSON does not tell them apart, and
    /// neither does the API server), which <c>ToNode</c> then writes as a number.
    /// </summary>
    public static double ReadNumber(ManifestNode node) => node switch
    {
        NumberNode n => n.Value,
        IntegerNode i => i.Value,
        _ => throw Mismatch(node, "a number"),
    };

    /// <summary>Reads a boolean scalar.</summary>
    public static bool ReadBoolean(ManifestNode node) => node is BooleanNode b ? b.Value : throw Mismatch(node, "a boolean");

    /// <summary>Returns any node as it is (fields without a structural schema).</summary>
    public static ManifestNode ReadNode(ManifestNode node) => node;

    /// <summary>Reads a sequence, converting every item.</summary>
    public static EquatableArray<T> ReadList<T>(ManifestNode node, Func<ManifestNode, T> read)
    {
        if (node is not SequenceNode s) throw Mismatch(node, "a list");
        var builder = ImmutableArray.CreateBuilder<T>(s.Count);
        foreach (var item in s.Items) builder.Add(read(item));
        return new EquatableArray<T>(builder.MoveToImmutable());
    }

    /// <summary>Reads a mapping of values, converting every value.</summary>
    public static EquatableMap<T> ReadMap<T>(ManifestNode node, Func<ManifestNode, T> read)
    {
        if (node is not MappingNode m) throw Mismatch(node, "a mapping");
        return EquatableMap<T>.Create(m.Entries.Select(e => new KeyValuePair<string, T>(e.Key, read(e.Value))));
    }

    /// <summary>Runs a reader, reporting a shape mismatch as <c>false</c> instead of an exception.</summary>
    public static bool TryRead<T>(ManifestNode node, Func<ManifestNode, T> read, out T value)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            value = read(node);
            return true;
        }
        catch (ModelConversionException)
        {
            value = default!;
            return false;
        }
    }

    /// <summary>The exception for a node that is not what a model expects.</summary>
    public static ModelConversionException Mismatch(ManifestNode node, string expected)
    {
        ArgumentNullException.ThrowIfNull(node);
        var found = node is ScalarNode s ? $"{node.Kind.ToString().ToLowerInvariant()} '{s.Text}'" : node.Kind.ToString().ToLowerInvariant();
        return new ModelConversionException($"Expected {expected}, found {found}.", node.Location);
    }

    /// <summary>Adds a model's own extra fields to <paramref name="into"/>.</summary>
    public static void CollectOwnExtras(MappingNode? extras, NodePath path, ICollection<ExtraField> into)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(into);
        if (extras is null) return;
        foreach (var e in extras.Entries) into.Add(new ExtraField(path.Key(e.Key), e.Value));
    }

    /// <summary>Adds the extra fields found in a property value (a model, or a list or map holding models) to <paramref name="into"/>.</summary>
    public static void CollectExtras(object? value, NodePath path, ICollection<ExtraField> into)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(into);
        switch (value)
        {
            case IManifestModel model:
                model.CollectExtraFields(path, into);
                return;
            case IBoxedMap map:
                foreach (var (key, item) in map.BoxedEntries) CollectExtras(item, path.Key(key), into);
                return;
            case IBoxedList list:
                var index = 0;
                foreach (var item in list.BoxedItems) CollectExtras(item, path.Index(index++), into);
                return;
        }
    }
}

/// <summary>Map entries as objects, for walking models without knowing the value type.</summary>
internal interface IBoxedMap
{
    IEnumerable<KeyValuePair<string, object?>> BoxedEntries { get; }
}

/// <summary>List items as objects, for walking models without knowing the item type.</summary>
internal interface IBoxedList
{
    IEnumerable<object?> BoxedItems { get; }
}
