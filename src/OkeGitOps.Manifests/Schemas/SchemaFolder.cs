namespace OkeGitOps.Manifests.Schemas;

/// <summary>Walks a folder for input files in a stable order, the same on every machine.</summary>
internal static class SchemaFolder
{
    /// <summary>
    /// The files below <paramref name="root"/> (recursively) whose names end in one of <paramref name="extensions"/>
    /// (case-insensitive), ordered ordinally by their path relative to the root with <c>/</c> separators.
    /// </summary>
    public static IReadOnlyList<string> Files(string root, IReadOnlyCollection<string> extensions)
        => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Where(f => !IsNamesOverride(f))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => f.Full)
            .ToList();

    /// <summary>True for the generator's type-name override file, which lives beside the schemas but is not one.</summary>
    public static bool IsNamesOverride(string path) => Path.GetFileName(path).Equals("names.json", StringComparison.OrdinalIgnoreCase);
}
