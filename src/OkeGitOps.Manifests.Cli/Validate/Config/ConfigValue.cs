using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Diagnostics;
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

    public IReadOnlyList<string> Strings() => Node switch
    {
        StringNode s => [s.Value],
        SequenceNode list => [.. list.Select((item, i) => item is StringNode s ? s.Value : throw Bad($"item {i} must be a string", "quote the value", item))],
        _ => throw Bad("must be a list of strings"),
    };

    public IReadOnlyList<string> Paths() => [.. Strings().Select(p => Path.GetFullPath(Path.Combine(Directory, p)))];

    public IReadOnlyList<Regex> Regexes() => [.. Strings().Select(Compile)];

    public Regex Regex() => Compile(String());

    public string KubernetesVersion()
    {
        var value = Node is IntegerNode or NumberNode ? ((ScalarNode)Node).Text : String();
        return ConfigKeys.KubernetesVersionPattern.IsMatch(value) ? value : throw Bad($"'{value}' is not a Kubernetes minor version", "write it as \"1.35\", quoted");
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
