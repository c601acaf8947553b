using System.Text.RegularExpressions;

namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>One input to validate: a file path as the user gave it (or as found under a folder they gave), or stdin.</summary>
/// <param name="DisplayPath">The path to print: relative if the user gave a relative path, <c>-</c> for stdin.</param>
/// <param name="Problem">Set when the input cannot be read at all (missing, no permission, a symlink loop).</param>
internal sealed record InputFile(string DisplayPath, string? Problem = null)
{
    /// <summary>True for standard input.</summary>
    public bool IsStdin => DisplayPath == "-";
}

/// <summary>
/// Expands the command line's paths into files, in a deterministic order: files as given, folders walked
/// recursively with entries sorted ordinally, symlinked folders followed once (a loop is reported, not followed),
/// and <c>--ignore-filename-pattern</c> regexes applied to each path.
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
            if (File.Exists(path))
            {
                yield return new InputFile(path);
            }
            else if (Directory.Exists(path))
            {
                var visited = new HashSet<string>(StringComparer.Ordinal);
                foreach (var file in Walk(path, visited, ignore, listDirectory)) yield return file;
            }
            else
            {
                yield return new InputFile(path, "no such file or directory");
            }
        }
    }

    private static IEnumerable<InputFile> Walk(string directory, HashSet<string> visited, IReadOnlyList<Regex> ignore, Func<string, string[]> listDirectory)
    {
        var real = RealPath(directory);
        if (!visited.Add(real))
        {
            yield return new InputFile(directory, "symbolic link loop: this folder was already visited, so it is not followed again");
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
            if (Directory.Exists(entry))
            {
                if (Path.GetFileName(entry).StartsWith('.')) continue; // .git and friends
                foreach (var file in Walk(entry, visited, ignore, listDirectory)) yield return file;
            }
            else if (ManifestExtensions.Contains(Path.GetExtension(entry), StringComparer.OrdinalIgnoreCase))
            {
                yield return new InputFile(entry);
            }
        }
    }

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
