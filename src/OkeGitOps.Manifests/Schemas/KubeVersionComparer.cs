using System.Text.RegularExpressions;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// Orders API versions the way Kubernetes prefers them: GA before beta before alpha, and higher numbers first
/// (<c>v2</c>, <c>v1</c>, <c>v1beta2</c>, <c>v1beta1</c>, <c>v1alpha1</c>); other names come last, in ordinal order.
/// </summary>
internal sealed partial class KubeVersionComparer : IComparer<string>
{
    /// <summary>The comparer.</summary>
    public static KubeVersionComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        var a = Parse(x);
        var b = Parse(y);
        if (a is null || b is null)
        {
            if (a is not null) return -1;
            if (b is not null) return 1;
            return string.CompareOrdinal(x, y);
        }
        var byLevel = b.Value.Level.CompareTo(a.Value.Level);
        if (byLevel != 0) return byLevel;
        var byMajor = b.Value.Major.CompareTo(a.Value.Major);
        return byMajor != 0 ? byMajor : b.Value.Minor.CompareTo(a.Value.Minor);
    }

    private static (int Level, long Major, long Minor)? Parse(string? version)
    {
        if (version is null) return null;
        var match = VersionPattern().Match(version);
        if (!match.Success) return null;
        var level = match.Groups[2].Value switch { "" => 2, "beta" => 1, _ => 0 };
        if (!long.TryParse(match.Groups[1].Value, out var major)) return null;
        var minor = match.Groups[3].Success && long.TryParse(match.Groups[3].Value, out var m) ? m : 0;
        return (level, major, minor);
    }

    [GeneratedRegex("^v([0-9]+)(?:(alpha|beta)([0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
