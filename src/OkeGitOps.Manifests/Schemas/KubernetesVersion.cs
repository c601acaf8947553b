using System.Globalization;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>A Kubernetes minor version such as <c>1.35</c>; <see cref="Order"/> sorts versions numerically.</summary>
internal readonly record struct KubernetesVersion(int Major, int Minor)
{
    /// <summary>A number that sorts versions as Kubernetes releases follow each other.</summary>
    public long Order => ((long)Major << 32) | (uint)Minor;

    /// <summary>Reads <c>major.minor</c>.</summary>
    public static bool TryParse(string? text, out KubernetesVersion version)
    {
        version = default;
        var parts = text?.Split('.');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            return false;
        version = new KubernetesVersion(major, minor);
        return true;
    }

    /// <summary>Reads <c>major.minor</c>, or throws.</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static KubernetesVersion Parse(string text)
        => TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a Kubernetes version such as 1.35");

    /// <inheritdoc />
    public override string ToString() => $"{Major}.{Minor}";
}
