using System.Text.RegularExpressions;

namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>One input to validate: a file path as the user gave it (or as found under a folder they gave), or stdin.</summary>
/// <param name="DisplayPath">The path to print: relative if the user gave a relative path, <c>-</c> for stdin.</param>
/// <param name="Problem">Set when the input cannot be read at all (missing, no permission, not a regular file when named explicitly): an I/O error.</param>
/// <param name="Warning">Set when the input is skipped without failing the run (a symbolic link loop, or a pipe, socket or device met in a folder).</param>
internal sealed record InputFile(string DisplayPath, string? Problem = null, string? Warning = null)
{
    /// <summary>True for standard input.</summary>
    public bool IsStdin => DisplayPath == "-";
}

/// <summary>
/// Expands the command line's paths into files, in a deterministic order: files as given, folders walked
/// recursively with entries sorted ordinally, symlinked folders followed once (a loop is reported once as a
/// warning, not followed), and <c>--ignore-filename-pattern</c> regexes applied to each path. Only regular files
/// are ever read: a pipe, socket or device is recognised without opening it (an error when named, a warning in a
/// folder), so nothing ever blocks on one.
/// </summary>
internal static class InputWalker
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    /// <summary>Expands the paths.</summary>
    /// <param name="paths">The paths as given on the command line.</param>
    /// <param name="ignore">Patterns of paths to leave out.</param>
    /// <param name="listDirectory">Lists a folder's entries; tests replace it to produce errors that root never meets.</param>
    public static IEnumerable<InputFile> Expand(IReadOnlyList<string> paths, IReadOnlyList<Regex> ignore, Func<string, string[]>? listDirectory = null)
    {
        listDirectory ??= Directory.GetFileSystemEntries;
        foreach (var path in paths)
        {
            if (path == "-")
            {
                yield return new InputFile("-");
                continue;
            }
            if (ignore.Any(r => r.IsMatch(path))) continue;
            var kind = FileClassifier.KindOf(path);
            switch (kind)
            {
                case FileKind.Regular:
                    yield return new InputFile(path);
                    break;
                case FileKind.Directory:
                    var visited = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var file in Walk(path, visited, ignore, listDirectory)) yield return file;
                    break;
                case FileKind.Missing:
                    yield return new InputFile(path, FileClassifier.MissingMessage);
                    break;
                case FileKind.SymbolicLinkLoop:
                    yield return new InputFile(path, FileClassifier.LinkLoopMessage);
                    break;
                default:
                    yield return new InputFile(path, NotRegular(kind));
                    break;
            }
        }
    }

    private static IEnumerable<InputFile> Walk(string directory, HashSet<string> visited, IReadOnlyList<Regex> ignore, Func<string, string[]> listDirectory)
    {
        var real = RealPath(directory);
        if (!visited.Add(real))
        {
            yield return new InputFile(directory, Warning: LoopWarning);
            yield break;
        }
        string[] entries;
        string? problem = null;
        try
        {
            entries = listDirectory(directory);
        }
        catch (UnauthorizedAccessException)
        {
            entries = [];
            problem = "permission denied: the folder cannot be listed";
        }
        catch (IOException e)
        {
            entries = [];
            problem = e.Message;
        }
        if (problem is not null)
        {
            yield return new InputFile(directory, problem);
            yield break;
        }
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (ignore.Any(r => r.IsMatch(entry))) continue;
            var kind = FileClassifier.KindOf(entry);
            var hidden = Path.GetFileName(entry).StartsWith('.');
            if (kind == FileKind.Directory)
            {
                if (hidden) continue; // .git and friends
                foreach (var file in Walk(entry, visited, ignore, listDirectory)) yield return file;
            }
            else if (kind == FileKind.SymbolicLinkLoop)
            {
                // A link that never resolves (it points back to itself through other links), not a folder seen before.
                if (!hidden) yield return new InputFile(entry, Warning: UnresolvableLinkWarning);
            }
            else if (ManifestExtensions.Contains(Path.GetExtension(entry), StringComparer.OrdinalIgnoreCase))
            {
                yield return kind is FileKind.Regular or FileKind.Missing
                    ? new InputFile(entry)
                    : new InputFile(entry, Warning: NotRegular(kind));
            }
        }
    }

    private const string LoopWarning = "symbolic link loop: it leads back to a folder already scanned, so it is skipped";
    private const string UnresolvableLinkWarning = "symbolic link loop: the link's targets lead back to itself, so it is skipped";

    private static string NotRegular(FileKind kind) => FileClassifier.NotRegular(kind, standardInputToo: true);

    private static string RealPath(string directory)
    {
        var info = new DirectoryInfo(Path.GetFullPath(directory));
        try
        {
            // Resolve every symlink on the way, so that two routes to one folder compare equal.
            var parts = new Stack<string>();
            var current = info;
            while (current is not null)
            {
                if (current.LinkTarget is not null)
                {
                    var target = current.ResolveLinkTarget(returnFinalTarget: true);
                    if (target is not null)
                    {
                        var rest = parts.Count == 0 ? "" : Path.Combine(parts.ToArray());
                        return Path.GetFullPath(Path.Combine(RealPath(target.FullName), rest));
                    }
                }
                parts.Push(current.Name);
                current = current.Parent;
            }
        }
        catch (IOException)
        {
            // A broken or looping link: fall back to the path itself.
        }
        return info.FullName;
    }
}
