using System.Runtime.InteropServices;

namespace OkeGitOps.Manifests.Cli;

/// <summary>
/// The process's standard input for <c>-</c>, checked on first use. When okegitops is started with standard input
/// closed (<c>&lt;&amp;-</c>), descriptor 0 is free, and the .NET runtime reuses it for one of its own pipes while it
/// starts; reading "standard input" would then wait on that pipe forever. A descriptor inherited from the parent can
/// never carry the close-on-exec flag (exec would have closed it), while the runtime opens its descriptors with that
/// flag, so descriptor 0 being closed, or having the flag, means there is no standard input: reading throws an
/// <see cref="IOException"/>, which the commands report as an unreadable input (exit 2).
/// </summary>
internal sealed class StandardInputReader : TextReader
{
    /// <summary>What the commands print when standard input is missing.</summary>
    public const string ClosedMessage = "standard input is closed (okegitops was started without one, e.g. with <&-), so '-' has nothing to read";

    private TextReader? _reader;

    private TextReader Reader => _reader ??= IsClosed() ? throw new IOException(ClosedMessage) : Console.In;

    /// <inheritdoc />
    public override int Peek() => Reader.Peek();

    /// <inheritdoc />
    public override int Read() => Reader.Read();

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count) => Reader.Read(buffer, index, count);

    /// <inheritdoc />
    public override int Read(Span<char> buffer) => Reader.Read(buffer);

    /// <inheritdoc />
    public override string? ReadLine() => Reader.ReadLine();

    /// <inheritdoc />
    public override string ReadToEnd() => Reader.ReadToEnd();

    /// <summary>
    /// True when descriptor 0 is not open, or was opened inside this process rather than inherited. Asked with
    /// <c>fcntl(0, F_GETFD)</c> on Linux and macOS; elsewhere (Windows) nothing is known and the answer is false.
    /// </summary>
    private static bool IsClosed()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return false;
        try
        {
            var flags = Native.Fcntl(0, GetDescriptorFlags);
            return flags == -1 || (flags & CloseOnExec) != 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    // F_GETFD and FD_CLOEXEC have these values on Linux and macOS alike.
    private const int GetDescriptorFlags = 1;
    private const int CloseOnExec = 1;

    private static class Native
    {
        [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
        public static extern int Fcntl(int descriptor, int command);
    }
}
