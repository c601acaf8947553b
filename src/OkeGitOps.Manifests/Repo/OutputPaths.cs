using System.Text;
using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Repo;

/// <summary>
/// The rules an output path must follow so that the rendered tree stays inside its folder and survives a Git
/// checkout on Linux, macOS and Windows alike. Every message names the path as the caller gave it.
/// </summary>
internal static class OutputPaths
{
    private static readonly HashSet<string> WindowsReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
        // Windows also reserves the superscript digits after COM and LPT, and the console names.
        "COM\u00B9", "COM\u00B2", "COM\u00B3", "LPT\u00B9", "LPT\u00B2", "LPT\u00B3", "CONIN$", "CONOUT$",
    };

    /// <summary>
    /// Code points that macOS (HFS+) ignores in names, so that <c>.g\u200Cit</c> is <c>.git</c> there; Git refuses such
    /// names on checkout.
    /// </summary>
    private static readonly char[] HfsIgnored =
    [
        '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
        '\u206A', '\u206B', '\u206C', '\u206D', '\u206E', '\u206F', '\uFEFF',
    ];

    private const string WindowsForbidden = "<>\"|?*";

    /// <summary>The longest file or folder name most file systems take, in UTF-8 bytes.</summary>
    private const int MaxNameBytes = 255;

    /// <summary>
    /// Checks every path, normalising backslashes to forward slashes, and returns the files sorted by path.
    /// </summary>
    /// <exception cref="ManifestValidationException">Any path breaks a rule; every broken rule is listed.</exception>
    public static List<GeneratedFile> Check(IEnumerable<GeneratedFile> files, string indexFileName)
    {
        ArgumentNullException.ThrowIfNull(files);
        var diagnostics = new List<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<GeneratedFile>();
        foreach (var file in files)
        {
            if (file is null)
            {
                diagnostics.Add(Diagnostic.Error("output-path", "a generated file is null", suggestion: "leave null entries out of the list"));
                continue;
            }
            var given = file.RelativePath ?? "";
            var path = given.Replace('\\', '/');
            if (Problem(path, given) is { } problem)
            {
                diagnostics.Add(problem);
                continue;
            }
            if (path.Equals(indexFileName, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(Diagnostic.Error("output-path", $"'{given}' is reserved for the index of generated files", suggestion: "choose another name"));
                continue;
            }
            if (!seen.Add(path))
            {
                diagnostics.Add(Diagnostic.Error("output-duplicate-path", $"'{given}' is generated twice", suggestion: "give each file a unique path"));
                continue;
            }
            result.Add(file with { RelativePath = path });
        }
        diagnostics.AddRange(Collisions(result));
        if (diagnostics.Count > 0) throw new ManifestValidationException(diagnostics);
        result.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return result;
    }

    private static Diagnostic? Problem(string path, string given)
    {
        var shown = Shown(given);
        if (path.Contains('\0'))
            return Error($"'{shown}' contains a NUL character", "remove it; no file system takes NUL in a name");
        var segments = path.Split('/');
        if (path.Length == 0 || path.StartsWith('/') || segments.Any(s => s is "" or "." or ".."))
        {
            return Diagnostic.Error("output-path",
                $"'{shown}' is not a plain relative path inside the output folder",
                suggestion: "use a forward-slash relative path without '..', '.', empty segments or a leading '/'");
        }
        if (path.Contains(':'))
            return Error($"'{shown}' contains ':' (a drive letter or a Windows stream name)", "use a relative path without ':'; Windows cannot check it out");
        foreach (var segment in segments)
        {
            if (IsGitFolder(segment))
                return Error($"'{shown}' has a component that names the '.git' folder ('{segment}'), which Git refuses to check out", "choose another folder name");
            if (segment.EndsWith('.') || segment.EndsWith(' '))
                return Error($"'{shown}' has a name ending in a dot or a space ('{segment}'), which Windows drops", "remove the trailing dot or space");
            var stem = segment.Split('.')[0].TrimEnd(' ');
            if (WindowsReserved.Contains(stem))
                return Error($"'{shown}' uses the Windows-reserved name '{stem}' ('{segment}')", "choose another name; Windows cannot create it");
            if (segment.IndexOfAny(WindowsForbidden.ToCharArray()) >= 0 || segment.Any(char.IsControl))
                return Error($"'{shown}' has a character that Windows does not allow in names ('{segment}')", $"leave out control characters and {WindowsForbidden}");
            if (Encoding.UTF8.GetByteCount(segment) > MaxNameBytes)
                return Error($"'{shown}' has a name longer than {MaxNameBytes} bytes", "shorten it; file systems refuse longer names");
        }
        return null;
    }

    /// <summary>
    /// True for a name that some system reads as <c>.git</c>: any case, with code points macOS ignores, or the short
    /// name Windows gives it (<c>GIT~1</c>).
    /// </summary>
    private static bool IsGitFolder(string segment)
    {
        var plain = segment.IndexOfAny(HfsIgnored) < 0 ? segment : string.Concat(segment.Where(c => Array.IndexOf(HfsIgnored, c) < 0));
        return plain.Equals(".git", StringComparison.OrdinalIgnoreCase) || plain.Equals("git~1", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Paths that would land on one file on a case-insensitive or normalising system (macOS stores names in one Unicode
    /// normal form), or a file that is also a folder.
    /// </summary>
    private static IEnumerable<Diagnostic> Collisions(List<GeneratedFile> files)
    {
        var byFold = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var filePaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var path = file.RelativePath;
            filePaths.Add(path);
            var segments = path.Split('/');
            for (var i = 1; i < segments.Length; i++) folders.Add(string.Join('/', segments[..i]));
        }
        foreach (var path in filePaths.Concat(folders).Order(StringComparer.Ordinal))
        {
            var folded = path.IsNormalized(NormalizationForm.FormC) ? path : path.Normalize(NormalizationForm.FormC);
            if (byFold.TryGetValue(folded, out var other) && other != path)
            {
                yield return Diagnostic.Error("output-case-collision",
                    $"'{path}' and '{other}' differ only in case or in Unicode normal form, so they are one file on macOS and Windows",
                    suggestion: "rename one of them so that the paths differ in more than case or accents' encoding");
            }
            else
            {
                byFold.TryAdd(folded, path);
            }
        }
        foreach (var path in filePaths.Where(folders.Contains).Order(StringComparer.Ordinal))
        {
            yield return Diagnostic.Error("output-path", $"'{path}' is generated as a file and is also the folder of other generated files",
                suggestion: "rename the file or the folder");
        }
    }

    private static Diagnostic Error(string message, string suggestion) => Diagnostic.Error("output-path", message, suggestion: suggestion);

    private static string Shown(string given) => given.Replace("\0", "\\0", StringComparison.Ordinal);
}
