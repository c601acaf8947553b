using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// One schema in a <see cref="SchemaRegistry"/>, known first by its group, version and lower-case kind (which its
/// file path gives) and loaded only when needed. Loading is thread-safe and happens at most once; a load error is
/// remembered and thrown again on every later use.
/// </summary>
internal sealed class SchemaEntry
{
    private const int PeekBytes = 8192;

    private readonly Lazy<ResourceSchema> _schema;
    private readonly Lazy<string> _kind;

    private SchemaEntry(string group, string version, string kindKey, string origin, Func<ResourceSchema> load, Func<string?>? peekKind)
    {
        Group = group;
        Version = version;
        KindKey = kindKey;
        Origin = origin;
        _schema = new Lazy<ResourceSchema>(load, LazyThreadSafetyMode.ExecutionAndPublication);
        _kind = new Lazy<string>(
            () =>
            {
                var peeked = _schema.IsValueCreated ? null : peekKind?.Invoke();
                // A kind that disagrees with the file name is left to the full load, which reports it.
                return peeked is not null && peeked.ToLowerInvariant() == kindKey ? peeked : _schema.Value.Kind;
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The group; empty for core.</summary>
    public string Group { get; }

    /// <summary>The version.</summary>
    public string Version { get; }

    /// <summary>The kind in lower case, as in the file name.</summary>
    public string KindKey { get; }

    /// <summary>Where the schema comes from (resource name or file path), for messages.</summary>
    public string Origin { get; }

    /// <summary>The kind with its real casing; reads only the start of the file when the schema is not loaded yet.</summary>
    public string Kind => _kind.Value;

    /// <summary>The schema, loaded on first use.</summary>
    /// <exception cref="SchemaLoadException">The file is broken.</exception>
    public ResourceSchema Schema => _schema.Value;

    /// <summary>Whether the schema has been loaded (or failed to load).</summary>
    public bool IsLoaded => _schema.IsValueCreated;

    /// <summary>The <c>apiVersion</c> of this entry.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>An entry for an embedded resource named <c>schemas/&lt;group&gt;/&lt;version&gt;/&lt;kind&gt;.json</c>.</summary>
    public static SchemaEntry Embedded(Assembly assembly, string resourceName, string group, string version, string kindKey)
    {
        ResourceSchema Load()
        {
            using var stream = Open(assembly, resourceName);
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            var schema = SchemaFile.Read(bytes.GetBuffer().AsMemory(0, (int)bytes.Length), resourceName);
            CheckPlacement(schema, resourceName, group, version, kindKey);
            return schema;
        }

        string? Peek()
        {
            using var stream = Open(assembly, resourceName);
            var buffer = new byte[PeekBytes];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return SchemaFile.PeekKind(buffer.AsSpan(0, length), isFinalBlock: length < buffer.Length);
        }

        return new SchemaEntry(group, version, kindKey, resourceName, Load, Peek);
    }

    /// <summary>An entry for a schema already in memory.</summary>
    public static SchemaEntry Loaded(ResourceSchema schema, string origin)
    {
        var entry = new SchemaEntry(schema.Group, schema.Version, schema.Kind.ToLowerInvariant(), origin, () => schema, null);
        _ = entry.Schema;
        return entry;
    }

    private static Stream Open(Assembly assembly, string resourceName)
        => OpenEmbedded(assembly, resourceName)
           ?? throw new InvalidOperationException($"The embedded schema '{resourceName}' is missing.");

    /// <summary>
    /// Opens an embedded schema resource for reading, or returns <c>null</c> when there is none of that name. The
    /// library embeds its schemas gzip-compressed (see the project file); a resource that does not start with the gzip
    /// magic bytes is read as it is.
    /// </summary>
    internal static Stream? OpenEmbedded(Assembly assembly, string resourceName)
    {
        var stream = assembly.GetManifestResourceStream(resourceName);
        if (stream is null) return null;
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    private static void CheckPlacement(ResourceSchema schema, string file, string group, string version, string kindKey)
    {
        if (schema.Group == group && schema.Version == version && schema.Kind.ToLowerInvariant() == kindKey) return;
        throw new SchemaLoadException(Diagnostics.Diagnostic.Error(
            SchemaRules.BadSchemaFile,
            $"the file describes {schema.ApiVersion} {schema.Kind}, but its path says {(group.Length == 0 ? version : group + "/" + version)} {kindKey}",
            location: new Tree.SourceLocation(file, 1, 1),
            suggestion: $"move it to {SchemaFile.RelativePath(schema)}"));
    }
}
