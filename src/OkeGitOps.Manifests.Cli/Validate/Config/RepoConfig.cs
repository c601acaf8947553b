using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Repo;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Cli.Validate.Config;

/// <summary>
/// The repository config, <c>.okegitops.yaml</c>: found by walking up from the inputs to the repository root (a folder
/// holding <c>.git</c>) or the filesystem root, read with line and column, and applied to the settings key by key
/// through <see cref="ConfigKeys"/>. Command-line flags are applied after it, so they win.
/// </summary>
internal static class RepoConfig
{
    /// <summary>The config file's name.</summary>
    public const string FileName = RepoConfigFile.FileName;

    /// <summary>
    /// The config file that governs these inputs, or <c>null</c> when there is none. Standard input looks from the
    /// current folder.
    /// </summary>
    /// <exception cref="ConfigException">The inputs lie under different config files.</exception>
    public static string? Find(IReadOnlyList<string> inputs)
    {
        var found = new List<(string Input, string? Config)>();
        foreach (var input in inputs.DefaultIfEmpty("-"))
        {
            var start = input == "-" ? Directory.GetCurrentDirectory()
                : Directory.Exists(input) ? Path.GetFullPath(input)
                : Path.GetDirectoryName(Path.GetFullPath(input)) ?? Directory.GetCurrentDirectory();
            found.Add((input, FindFrom(start)));
        }
        var distinct = found.Select(f => f.Config).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count <= 1) return distinct.FirstOrDefault();
        var a = found.First(f => f.Config == distinct[0]);
        var b = found.First(f => f.Config == distinct[1]);
        throw new ConfigException(Diagnostic.Error(ConfigValue.Rule,
            $"'{a.Input}' is governed by {a.Config ?? "no config file"} but '{b.Input}' by {b.Config ?? "no config file"}",
            suggestion: "validate them in separate runs, or choose one with --config FILE (or none with --no-config)"));
    }

    private static string? FindFrom(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))) return null;
        }
        return null;
    }

    /// <summary>Reads the config file and applies every key it sets to <paramref name="settings"/>.</summary>
    /// <exception cref="ConfigException">The file is not valid YAML, or a key is unknown or has a bad value.</exception>
    public static ValidateSettings Apply(string file, ValidateSettings settings)
    {
        var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        if (display.StartsWith("..", StringComparison.Ordinal)) display = file;
        // A pipe, socket or device is never opened: reading it could wait forever.
        if (FileClassifier.ProblemReading(file) is { } problem)
        {
            throw new ConfigException(Diagnostic.Error(ConfigValue.Rule, $"cannot read the config file: {problem}", location: new SourceLocation(display, 1, 1),
                suggestion: "make it a regular file, name another with --config FILE, or read none with --no-config"));
        }
        IReadOnlyList<ManifestDocument> documents;
        try
        {
            documents = YamlReader.ReadAll(File.ReadAllBytes(file), display);
        }
        catch (YamlReadException e)
        {
            throw new ConfigException(e.Diagnostic.Location is null ? e.Diagnostic with { Location = new SourceLocation(display, 1, 1) } : e.Diagnostic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(Diagnostic.Error(ConfigValue.Rule, $"cannot read the config file: {e.Message}", location: new SourceLocation(display, 1, 1)));
        }
        var root = documents.Where(d => d.Root is not NullNode).ToList();
        if (root.Count == 0) return settings with { ConfigFile = file };
        if (root.Count > 1 || root[0].Root is not MappingNode map)
        {
            throw new ConfigException(Diagnostic.Error(ConfigValue.Rule, "the config file must be one YAML mapping of settings",
                location: root[root.Count > 1 ? 1 : 0].Root.Location, suggestion: "see docs/okegitops-config.schema.json for the keys"));
        }
        var directory = Path.GetDirectoryName(file)!;
        settings = settings with { ConfigFile = file };
        foreach (var entry in map)
        {
            if (ConfigKeys.Sections.Contains(entry.Key))
            {
                if (entry.Value is NullNode) continue;
                if (entry.Value is not MappingNode section)
                    throw new ConfigValue(entry.Key, entry.Value, directory, display).Bad("must be a mapping", $"e.g. {entry.Key}: {{ {ConfigKeys.All.First(k => k.Name.StartsWith(entry.Key + ".", StringComparison.Ordinal)).Name[(entry.Key.Length + 1)..]}: false }}");
                foreach (var inner in section) settings = ApplyKey($"{entry.Key}.{inner.Key}", inner, directory, display, settings);
            }
            else
            {
                settings = ApplyKey(entry.Key, entry, directory, display, settings);
            }
        }
        return settings;
    }

    private static ValidateSettings ApplyKey(string name, MappingEntry entry, string directory, string display, ValidateSettings settings)
    {
        var value = new ConfigValue(name, entry.Value, directory, display);
        if (ConfigKeys.Find(name) is not { } key)
        {
            var prefix = name.Contains('.') ? name[..(name.IndexOf('.') + 1)] : "";
            var candidates = prefix.Length > 0
                ? ConfigKeys.All.Where(k => k.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k.Name[prefix.Length..])
                : ConfigKeys.TopLevel;
            var near = NearMatch.Find(entry.Key, candidates);
            throw new ConfigException(Diagnostic.Error(ConfigValue.Rule, $"unknown key '{name}'",
                location: entry.KeyLocation ?? new SourceLocation(display, 1, 1),
                suggestion: near is not null ? $"did you mean '{prefix}{near}'?" : $"known keys: {string.Join(", ", prefix.Length > 0 ? candidates.Select(c => prefix + c) : ConfigKeys.TopLevel)}"));
        }
        if (entry.Value is NullNode) return settings;
        return key.Apply(settings, value);
    }
}
