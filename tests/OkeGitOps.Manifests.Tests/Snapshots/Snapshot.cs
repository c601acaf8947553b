using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex;
using DiffPlex.Model;
using Xunit.Sdk;

namespace OkeGitOps.Manifests.Tests.Snapshots;

/// <summary>
/// A minimal snapshot-testing harness.
/// <para>
/// <c>Snapshot.Match(actual, "name")</c> compares <c>actual</c> with
/// <c>Snapshots/name.verified.yaml</c> in the directory of the calling test's source file.
/// Line endings are normalized to <c>\n</c>; otherwise the comparison is exact.
/// </para>
/// <para>
/// On a mismatch (or a missing verified file) it writes <c>name.received.yaml</c> beside the
/// verified file and fails with a unified diff. On a match it deletes a stale received file.
/// </para>
/// <para>
/// Accepting changes: run the tests with <c>OKEGITOPS_ACCEPT=1</c>
/// (for example <c>OKEGITOPS_ACCEPT=1 dotnet test</c>); the harness then writes the verified file
/// instead of failing. Acceptance never happens when <c>CI</c> is set to a non-empty value other
/// than <c>false</c>. Review the resulting changes with <c>git diff</c> before committing.
/// </para>
/// </summary>
public static class Snapshot
{
    /// <summary>Environment variable that turns on acceptance (value <c>1</c> or <c>true</c>).</summary>
    public const string AcceptVariable = "OKEGITOPS_ACCEPT";

    /// <summary>Environment variable that, when set (and not <c>false</c>), blocks acceptance.</summary>
    public const string CiVariable = "CI";

    /// <summary>Folder, beside the test source file, that holds the snapshot files.</summary>
    public const string FolderName = "Snapshots";

    private const int ContextLines = 3;
    private const string NoNewlineMarker = "\n\\ No newline at end of file";
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Compares <paramref name="actual"/> with <c>Snapshots/&lt;name&gt;.verified.&lt;extension&gt;</c>
    /// next to the calling source file, and fails with a unified diff when they differ.
    /// </summary>
    /// <param name="actual">The text produced by the code under test.</param>
    /// <param name="name">Snapshot name (the file name without <c>.verified.&lt;ext&gt;</c>).</param>
    /// <param name="extension">File extension without the dot, <c>yaml</c> by default.</param>
    /// <param name="sourceFile">Filled in by the compiler; do not pass.</param>
    public static void Match(
        string actual,
        string name,
        string extension = "yaml",
        [CallerFilePath] string sourceFile = "")
    {
        string directory = Path.Combine(ResolveSourceDirectory(sourceFile), FolderName);
        MatchInDirectory(
            actual,
            name,
            extension,
            directory,
            Environment.GetEnvironmentVariable(AcceptVariable),
            Environment.GetEnvironmentVariable(CiVariable));
    }

    /// <summary>
    /// The core of <see cref="Match"/>, with the snapshot directory and environment values
    /// passed explicitly so that it can be tested.
    /// </summary>
    internal static void MatchInDirectory(
        string actual,
        string name,
        string extension,
        string snapshotDirectory,
        string? acceptValue,
        string? ciValue)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotDirectory);
        if (name.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new ArgumentException($"Snapshot name must not contain path separators: '{name}'.", nameof(name));
        }

        extension = extension.TrimStart('.');
        string verifiedPath = Path.Combine(snapshotDirectory, $"{name}.verified.{extension}");
        string receivedPath = Path.Combine(snapshotDirectory, $"{name}.received.{extension}");

        string received = NormalizeLineEndings(actual);
        bool exists = File.Exists(verifiedPath);
        string? verified = exists ? NormalizeLineEndings(File.ReadAllText(verifiedPath)) : null;

        if (verified is not null && string.Equals(verified, received, StringComparison.Ordinal))
        {
            DeleteIfExists(receivedPath);
            return;
        }

        bool ci = IsCi(ciValue);
        bool acceptRequested = IsAcceptRequested(acceptValue);
        if (acceptRequested && !ci)
        {
            Directory.CreateDirectory(snapshotDirectory);
            File.WriteAllText(verifiedPath, received, Utf8NoBom);
            DeleteIfExists(receivedPath);
            return;
        }

        Directory.CreateDirectory(snapshotDirectory);
        File.WriteAllText(receivedPath, received, Utf8NoBom);

        var message = new StringBuilder();
        message.Append(exists
            ? $"Snapshot '{name}' does not match the verified file."
            : $"Snapshot '{name}' has no verified file yet.").Append('\n');
        message.Append("Verified: ").Append(verifiedPath).Append(exists ? "" : " (missing)").Append('\n');
        message.Append("Received: ").Append(receivedPath).Append('\n');
        message.Append('\n');
        message.Append(UnifiedDiff(verified ?? "", received));
        message.Append('\n');
        if (ci)
        {
            message.Append($"Acceptance is disabled because {CiVariable}={ciValue} is set");
            message.Append(acceptRequested ? $" ({AcceptVariable}={acceptValue} was ignored)" : "");
            message.Append(". Accept the change locally and commit the verified file.\n");
        }
        else
        {
            message.Append($"To accept: review the diff, then rerun with {AcceptVariable}=1 ");
            message.Append($"(e.g. `{AcceptVariable}=1 dotnet test`) or copy the received file over the verified file.\n");
        }

        throw new XunitException(message.ToString());
    }

    /// <summary>
    /// The names of the verified files (e.g. <c>hello.namespace.verified.yaml</c>) in the caller's snapshot folder that
    /// start with <paramref name="prefix"/>, sorted. Tests compare them with the snapshots they produce, so that a
    /// producer that yields nothing, or a verified file nothing matches any more, fails instead of passing quietly.
    /// </summary>
    public static IReadOnlyList<string> VerifiedFiles(string prefix, [CallerFilePath] string sourceFile = "")
    {
        string directory = Path.Combine(ResolveSourceDirectory(sourceFile), FolderName);
        if (!Directory.Exists(directory)) return [];
        return [.. Directory.EnumerateFiles(directory, prefix + "*")
            .Select(Path.GetFileName).OfType<string>()
            .Where(n => n.Contains(".verified.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Returns <paramref name="text"/> with <c>\r\n</c> and lone <c>\r</c> replaced by <c>\n</c>.</summary>
    internal static string NormalizeLineEndings(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary><c>CI</c> counts as set when it is non-empty and not <c>false</c> (any case).</summary>
    internal static bool IsCi(string? ciValue) =>
        !string.IsNullOrEmpty(ciValue) && !string.Equals(ciValue.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>Acceptance is requested by <c>1</c> or <c>true</c> (any case).</summary>
    internal static bool IsAcceptRequested(string? acceptValue) =>
        acceptValue is not null
        && (acceptValue.Trim() == "1" || string.Equals(acceptValue.Trim(), "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A unified diff (<c>--- verified</c> / <c>+++ received</c>, three lines of context) of two
    /// texts whose line endings are already normalized. Lines are compared with DiffPlex.
    /// </summary>
    internal static string UnifiedDiff(string verified, string received)
    {
        DiffResult diff = Differ.Instance.CreateDiffs(verified, received, false, false, LineChunker.Instance);
        IReadOnlyList<string> a = diff.PiecesOld;
        IReadOnlyList<string> b = diff.PiecesNew;
        var output = new StringBuilder("--- verified\n+++ received\n");

        List<DiffBlock> blocks = [.. diff.DiffBlocks.OrderBy(block => block.DeleteStartA)];
        int index = 0;
        while (index < blocks.Count)
        {
            // Group blocks whose unchanged gap is small enough to share context.
            int last = index;
            while (last + 1 < blocks.Count
                && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * ContextLines)
            {
                last++;
            }

            DiffBlock first = blocks[index];
            DiffBlock final = blocks[last];
            int startA = Math.Max(0, first.DeleteStartA - ContextLines);
            int startB = first.InsertStartB - (first.DeleteStartA - startA);
            int finalEndA = final.DeleteStartA + final.DeleteCountA;
            int finalEndB = final.InsertStartB + final.InsertCountB;
            int endA = Math.Min(a.Count, finalEndA + ContextLines);
            int endB = finalEndB + (endA - finalEndA);

            output.Append("@@ -").Append(Range(startA, endA - startA))
                .Append(" +").Append(Range(startB, endB - startB)).Append(" @@\n");

            int lineA = startA;
            for (int i = index; i <= last; i++)
            {
                DiffBlock block = blocks[i];
                for (; lineA < block.DeleteStartA; lineA++)
                {
                    output.Append(' ').Append(a[lineA]).Append('\n');
                }

                for (int k = 0; k < block.DeleteCountA; k++)
                {
                    output.Append('-').Append(a[block.DeleteStartA + k]).Append('\n');
                }

                for (int k = 0; k < block.InsertCountB; k++)
                {
                    output.Append('+').Append(b[block.InsertStartB + k]).Append('\n');
                }

                lineA = block.DeleteStartA + block.DeleteCountA;
            }

            for (; lineA < endA; lineA++)
            {
                output.Append(' ').Append(a[lineA]).Append('\n');
            }

            index = last + 1;
        }

        return output.ToString();
    }

    // GNU convention: "start,count", ",1" omitted; an empty range names the line before it.
    private static string Range(int start, int count) => count switch
    {
        0 => $"{start},0",
        1 => $"{start + 1}",
        _ => $"{start + 1},{count}",
    };

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The directory of the calling source file. When the compiler mapped source paths
    /// (deterministic CI builds turn <c>/repo/</c> into <c>/_/</c>), the path is resolved against
    /// the repository root found above the test assembly.
    /// </summary>
    private static string ResolveSourceDirectory(string sourceFile)
    {
        if (string.IsNullOrEmpty(sourceFile))
        {
            throw new ArgumentException("The caller's source file path is unknown.", nameof(sourceFile));
        }

        string directory = Path.GetDirectoryName(sourceFile) ?? "";
        if (Directory.Exists(directory))
        {
            return directory;
        }

        string relative = sourceFile.Replace('\\', '/');
        if (relative.StartsWith("/_/", StringComparison.Ordinal))
        {
            relative = relative[3..];
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return Path.GetDirectoryName(candidate)!;
                }
            }
        }

        throw new InvalidOperationException($"Cannot find the directory of the test source file '{sourceFile}'.");
    }

    /// <summary>
    /// Splits normalized text into lines. A final line without a trailing newline carries the
    /// unified-diff "No newline at end of file" marker, so that it differs from the same line
    /// with a newline and prints the way <c>diff -u</c> prints it.
    /// </summary>
    private sealed class LineChunker : IChunker
    {
        public static readonly LineChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            if (text.Length == 0)
            {
                return [];
            }

            string[] lines = text.Split('\n');
            if (text.EndsWith('\n'))
            {
                return lines[..^1];
            }

            lines[^1] += NoNewlineMarker;
            return lines;
        }
    }
}
