namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>What a path names, as the file system says before anything is opened.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there (or a symbolic link points nowhere).</summary>
    Missing,
    /// <summary>A regular file: the only kind that is read.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>A named pipe (FIFO): opening it waits for a writer, so it is never opened.</summary>
    NamedPipe,
    /// <summary>A Unix domain socket.</summary>
    Socket,
    /// <summary>A character device such as <c>/dev/zero</c> or a terminal.</summary>
    CharacterDevice,
    /// <summary>A block device such as a disk.</summary>
    BlockDevice,
    /// <summary>A symbolic link whose chain of targets loops back on itself.</summary>
    SymbolicLinkLoop,
}
