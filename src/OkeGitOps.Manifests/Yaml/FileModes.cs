using System.Runtime.InteropServices;

namespace OkeGitOps.Manifests.Yaml;

/// <summary>
/// The file type of a path, read with <c>statx</c> (Linux) or <c>stat</c> (macOS) without opening it: opening a named
/// pipe blocks until something writes to it, so every reader of user-named files asks this first.
/// </summary>
internal static class FileModes
{
    /// <summary>
    /// True when the path is a pipe, socket or device (after following links), which must not be opened; false for
    /// regular files, folders, missing paths and wherever the system cannot be asked.
    /// </summary>
    public static bool IsSpecial(string path)
        => UnixMode(path, out _) is { } mode && (mode & 0xF000) is not (0x8000 or 0x4000);

    /// <summary>The <c>st_mode</c> of the path (following links), or null with the errno (null too when the call is unavailable).</summary>
    public static ushort? UnixMode(string path, out int? errno)
    {
        errno = null;
        var buffer = new byte[512];
        try
        {
            int rc;
            if (OperatingSystem.IsLinux())
            {
                // statx has one layout on every architecture: stx_mode is a 16-bit field at offset 28.
                rc = Native.Statx(AtFdCwd, path, 0, StatxType, buffer);
                if (rc == 0) return BitConverter.ToUInt16(buffer, 28);
            }
            else if (OperatingSystem.IsMacOS())
            {
                // Darwin's 64-bit-inode struct stat: st_dev (4 bytes), then st_mode (2 bytes) at offset 4.
                rc = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? Native.StatInode64(path, buffer) : Native.Stat(path, buffer);
                if (rc == 0) return BitConverter.ToUInt16(buffer, 4);
            }
            else
            {
                return null;
            }
            errno = Marshal.GetLastPInvokeError();
            return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;

    private static class Native
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        public static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

        [DllImport("libc", EntryPoint = "stat$INODE64", SetLastError = true)]
        public static extern int StatInode64([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
    }
}
