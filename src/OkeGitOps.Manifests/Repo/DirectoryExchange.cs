using System.Runtime.InteropServices;

namespace OkeGitOps.Manifests.Repo;

/// <summary>
/// Swaps two folders in one step where the operating system can: Linux <c>renameat2</c> with <c>RENAME_EXCHANGE</c>,
/// macOS <c>renamex_np</c> with <c>RENAME_SWAP</c>. Elsewhere, or when the file system refuses, it says so and the
/// caller falls back to two renames.
/// </summary>
internal static class DirectoryExchange
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2; // Linux RENAME_EXCHANGE
    private const uint RenameSwap = 2;     // macOS RENAME_SWAP

    /// <summary>Environment variable that turns the atomic exchange off, so tests can exercise the two-rename fallback.</summary>
    internal const string DisableVariable = "OKEGITOPS_REPOWRITER_NO_EXCHANGE";

    /// <summary>Exchanges the two folders atomically; false when this system or file system cannot.</summary>
    public static bool TryExchange(string a, string b)
    {
        if (Environment.GetEnvironmentVariable(DisableVariable) == "1") return false;
        try
        {
            if (OperatingSystem.IsLinux()) return Native.RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
            if (OperatingSystem.IsMacOS()) return Native.RenameXNp(a, b, RenameSwap) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // An old C library: fall back.
        }
        return false;
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
        public static extern int RenameAt2(int oldDirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirFd,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

        [DllImport("libc", EntryPoint = "renamex_np", SetLastError = true)]
        public static extern int RenameXNp([MarshalAs(UnmanagedType.LPUTF8Str)] string from, [MarshalAs(UnmanagedType.LPUTF8Str)] string to, uint flags);
    }
}
