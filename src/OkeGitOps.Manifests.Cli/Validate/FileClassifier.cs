using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>
/// Recognizes files that are YAML but not Kubernetes manifests, so they are counted and skipped rather than
/// reported (kustomization files, Helm values and chart files, and the okegitops config file), and tells regular
/// files from pipes, sockets and devices without opening them, since opening a named pipe blocks until something
/// writes to it.
/// </summary>
internal static class FileClassifier
{
    /// <summary>Why a file is skipped by its name, or null when it should be read.</summary>
    public static string? SkipReason(string path)
    {
        var name = Path.GetFileName(path);
        if (name is "kustomization.yaml" or "kustomization.yml" or "Kustomization") return "kustomization file";
        if (name is "Chart.yaml" or "Chart.lock") return "Helm chart file";
        if (name == Config.RepoConfig.FileName) return "okegitops config file";
        if (name is "values.yaml" or "values.yml" || name.StartsWith("values-", StringComparison.Ordinal) || name.EndsWith(".values.yaml", StringComparison.Ordinal))
            return "Helm values file";
        return null;
    }

    /// <summary>What validate and fmt say about a binary file.</summary>
    public const string BinaryMessage = "the file is binary, not YAML text";

    private const int BinaryProbeLength = 8000;

    /// <summary>True when the first bytes look binary (a NUL byte), so the file is not text at all.</summary>
    public static bool LooksBinary(string path)
    {
        Span<byte> head = stackalloc byte[BinaryProbeLength];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return LooksBinary(head[..read]);
    }

    /// <summary>True when the first bytes of <paramref name="content"/> hold a NUL, as <see cref="LooksBinary(string)"/> judges a file.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> content)
        => content[..Math.Min(content.Length, BinaryProbeLength)].Contains((byte)0);

    /// <summary>
    /// What <paramref name="path"/> is, following symbolic links, found with <c>statx</c>/<c>lstat</c> (Unix) or the file
    /// attributes (Windows) so that nothing is opened. Where the system call is not available, an existing file
    /// that is not a folder counts as regular.
    /// </summary>
    public static FileKind KindOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            if (Directory.Exists(path)) return FileKind.Directory;
            if (!File.Exists(path)) return FileKind.Missing;
            return File.GetAttributes(path).HasFlag(FileAttributes.Device) ? FileKind.CharacterDevice : FileKind.Regular;
        }
        if (FileModes.UnixMode(path, out var errno) is { } mode)
        {
            return (mode & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x1000 => FileKind.NamedPipe,
                0xC000 => FileKind.Socket,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                _ => FileKind.CharacterDevice,
            };
        }
        if (errno == (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 62 : 40)) return FileKind.SymbolicLinkLoop; // ELOOP
        if (errno is not null) return FileKind.Missing;
        // No system call to ask: fall back to what .NET can tell without opening the file.
        if (Directory.Exists(path)) return FileKind.Directory;
        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>
    /// Why a path the user named cannot be read as a file, or null when it is a regular file (after following links).
    /// Every command asks this before it opens a path from the command line or a config file, so that a pipe, socket or
    /// device is reported instead of opened.
    /// </summary>
    /// <param name="path">The path as given.</param>
    /// <param name="standardInputToo">Whether the message should mention that <c>-</c> (standard input) is accepted as well.</param>
    public static string? ProblemReading(string path, bool standardInputToo = false) => KindOf(path) switch
    {
        FileKind.Regular => null,
        FileKind.Missing => MissingMessage,
        FileKind.SymbolicLinkLoop => LinkLoopMessage,
        var kind => NotRegular(kind, standardInputToo),
    };

    /// <summary>
    /// The entries of a folder walk that are regular files (or missing, such as a dangling link, so that reading them
    /// reports the error as before), in their order; every pipe, socket, device or link loop among them is handed to
    /// <paramref name="skipped"/> with the reason, and left out.
    /// </summary>
    public static IEnumerable<string> RegularOnly(IEnumerable<string> files, Action<string, string> skipped)
    {
        foreach (var file in files)
        {
            var kind = KindOf(file);
            if (kind is FileKind.Regular or FileKind.Missing)
            {
                yield return file;
                continue;
            }
            skipped(file, kind == FileKind.SymbolicLinkLoop ? LinkLoopMessage : NotRegular(kind, standardInputToo: false));
        }
    }

    /// <summary>The words for a path that does not exist.</summary>
    public const string MissingMessage = "no such file or directory";

    /// <summary>The words for a named link whose chain of targets leads back to itself.</summary>
    public const string LinkLoopMessage = "symbolic link loop: the link's targets lead back to itself, so there is nothing to read";

    /// <summary>The words for a path that is something other than a regular file, naming what it is.</summary>
    public static string NotRegular(FileKind kind, bool standardInputToo)
        => $"not a regular file but {Describe(kind)}, so it is not read; only regular files{(standardInputToo ? " and '-' (standard input)" : "")} are";

    /// <summary>The kind in words, for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLinkLoop => "a symbolic link loop",
        FileKind.Missing => "missing",
        _ => "a regular file",
    };
}
