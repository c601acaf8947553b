using System.Text;
using System.Text.Json;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Finds line and column positions in JSON text, for error messages: where a path's value starts, and where a
/// <see cref="JsonException"/> happened. Only used once something has gone wrong, so it simply rescans the text.
/// </summary>
internal static class JsonLocations
{
    /// <summary>
    /// The location of the value at <paramref name="path"/>, or of its nearest ancestor that exists;
    /// <c>null</c> when the text cannot be scanned.
    /// </summary>
    public static SourceLocation? Locate(ReadOnlySpan<byte> utf8, NodePath path, string? file)
    {
        var target = path.Segments;
        for (var length = target.Count; length >= 0; length--)
        {
            var offset = Find(utf8, target, length);
            if (offset >= 0)
            {
                var (line, column) = Position(utf8, offset);
                return new SourceLocation(file, line, column);
            }
        }
        return null;
    }

    /// <summary>Builds the diagnostic for text that is not valid JSON.</summary>
    public static Diagnostic BadJson(JsonException e, string? file, string what)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        var location = e.LineNumber is { } line
            ? new SourceLocation(file, (int)line + 1, (int)(e.BytePositionInLine ?? 0) + 1)
            : file is null ? null : new SourceLocation(file, 1, 1);
        return Diagnostic.Error(SchemaRules.BadJson, $"{what} is not valid JSON: {message.TrimEnd('.')}", location: location);
    }

    private static long Find(ReadOnlySpan<byte> utf8, IReadOnlyList<object> target, int length)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = CanonicalJson.MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        var path = new List<object?>();
        var arrayIndexes = new List<int>(); // -2 marks an object container
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        path[^1] = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        arrayIndexes.RemoveAt(arrayIndexes.Count - 1);
                        continue;
                }
                if (arrayIndexes.Count > 0 && arrayIndexes[^1] != -2)
                {
                    arrayIndexes[^1]++;
                    path[^1] = arrayIndexes[^1];
                }
                if (Matches(path, target, length)) return reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    path.Add(null);
                    arrayIndexes.Add(reader.TokenType == JsonTokenType.StartArray ? -1 : -2);
                }
            }
        }
        catch (JsonException)
        {
            // Broken text: report what we have.
        }
        return -1;
    }

    private static bool Matches(List<object?> path, IReadOnlyList<object> target, int length)
    {
        if (path.Count != length) return false;
        for (var i = 0; i < length; i++)
        {
            if (!Equals(path[i], target[i])) return false;
        }
        return true;
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)offset];
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
