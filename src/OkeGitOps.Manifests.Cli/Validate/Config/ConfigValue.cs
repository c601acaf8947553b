using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Cli.Validate.Config;

/// <summary>One value read from a config file, with what is needed to convert it and to say where it is wrong.</summary>
/// <param name="Key">The dotted key.</param>
/// <param name="Node">The YAML value.</param>
/// <param name="Directory">The folder of the config file; relative paths in it are relative to this folder.</param>
/// <param name="File">The config file, for messages.</param>
internal sealed record ConfigValue(string Key, ManifestNode Node, string Directory, string File)
{
    /// <summary>The rule id of every config-file diagnostic.</summary>
    public const string Rule = "config-invalid";

    public bool Boolean() => Node is BooleanNode b ? b.Value : throw Bad("must be true or false");

    public string String() => Node is StringNode s ? s.Value : throw Bad("must be a string", "quote the value");

    public int Integer() => Node is IntegerNode { Value: >= int.MinValue and <= int.MaxValue } i ? (int)i.Value : throw Bad("must be a whole number", "e.g. 42");

    /// <summary>An RFC 3339 instant with its offset.</summary>
    public DateTimeOffset Instant()
        => AppSets.AppSetClock.TryParse(String(), out var value) ? value : throw Bad($"'{String()}' is not an RFC 3339 time", $"e.g. \"{AppSets.AppSetClock.Example}\"");

    public IReadOnlyList<string> Strings() => Node switch
    {
        StringNode s => [s.Value],
        SequenceNode list => [.. list.Select((item, i) => item is StringNode s ? s.Value : throw Bad($"item {i} must be a string", "quote the value", item))],
        _ => throw Bad("must be a list of strings"),
    };

    public IReadOnlyList<Regex> Regexes() => [.. Strings().Select(Compile)];

    public Regex Regex() => Compile(String());

    /// <summary>The Kubernetes minor version, which must be one the embedded schemas know.</summary>
    public string KubernetesVersion()
    {
        var number = Node is IntegerNode or NumberNode;
        var value = number ? ((ScalarNode)Node).Text : String();
        if (!ConfigKeys.KubernetesVersionPattern.IsMatch(value)) throw Bad($"'{value}' is not a Kubernetes minor version", "write it as \"1.35\", quoted");
        var supported = SchemaRegistry.Default.KubernetesVersions;
        if (supported.Contains(value, StringComparer.Ordinal)) return value;
        var choices = string.Join(", ", supported.Select(v => $"\"{v}\""));
        throw number
            ? Bad($"{value} is not a supported Kubernetes version (written without quotes, YAML reads it as the number {value})", $"write one of {choices}, quoted")
            : Bad($"'{value}' is not a supported Kubernetes version", $"use one of {choices}");
    }

    /// <summary>
    /// Paths of schema folders or files, relative to the config file's folder: each must exist and be a folder or a
    /// regular file, or the error points at its item.
    /// </summary>
    public IReadOnlyList<string> SchemaPaths()
    {
        IEnumerable<ManifestNode> items = Node is SequenceNode list ? list : [Node];
        var paths = new List<string>();
        foreach (var (item, i) in items.Select((item, i) => (item, i)))
        {
            var what = Node is SequenceNode ? $"item {i}" : "value";
            if (item is not StringNode s) throw Bad(Node is SequenceNode ? $"{what} must be a string" : "must be a list of strings", "quote the value", item);
            var full = Path.GetFullPath(Path.Combine(Directory, s.Value));
            var kind = FileClassifier.KindOf(full);
            if (kind == FileKind.Missing)
                throw Bad($"'{s.Value}' does not exist", $"paths are relative to the folder of the config file, {Directory}", item);
            if (kind != FileKind.Directory && FileClassifier.ProblemReading(full) is { } problem)
                throw Bad($"'{s.Value}': {problem}", "name a folder of schema files, or a single regular schema or CRD file", item);
            paths.Add(full);
        }
        return paths;
    }

    public IReadOnlyList<ClusterScope> ClusterScopes()
    {
        if (Node is not MappingNode map) throw Bad("must map cluster names to lists of files and folders", "e.g. clusters: { eu-frankfurt-1: [clusters/eu-frankfurt-1/] }");
        var scopes = new List<ClusterScope>();
        foreach (var entry in map)
        {
            var value = new ConfigValue($"{Key}.{entry.Key}", entry.Value, Directory, File);
            var paths = value.Strings().Select(p =>
            {
                var full = Path.GetFullPath(Path.Combine(Directory, p));
                return p.EndsWith('/') || p.EndsWith('\\') ? Path.TrimEndingDirectorySeparator(full) + Path.DirectorySeparatorChar : full;
            });
            scopes.Add(new ClusterScope(entry.Key, [.. paths]));
        }
        return scopes;
    }

    private Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw Bad($"'{pattern}' is not a valid regular expression: {e.Message}");
        }
    }

    /// <summary>An exception naming this key, its line and column, and what to write instead.</summary>
    public ConfigException Bad(string message, string? suggestion = null, ManifestNode? at = null)
        => new(Diagnostic.Error(Rule, $"{Key} {message}", location: (at ?? Node).Location ?? new SourceLocation(File, 1, 1), suggestion: suggestion));
}
