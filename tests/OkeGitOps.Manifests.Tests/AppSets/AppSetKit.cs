using System.Text;
using OkeGitOps.Manifests.AppSets;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.AppSets;

/// <summary>Test helpers: ApplicationSets from YAML text, cluster Secrets, throw-away repository folders.</summary>
internal static class AppSetKit
{
    public static readonly AppSetExpander Expander = new();

    public static AppSetExpansion Expand(string yaml, AppSetInput? input = null)
        => Expander.Expand(YamlReader.ReadAll(yaml, "appset.yaml")[0].Root, input);

    /// <summary>A cluster Secret the way Argo CD stores one declaratively (stringData).</summary>
    public static ManifestNode ClusterSecret(string name, string server, params (string Key, string Value)[] labels)
    {
        var allLabels = new List<(string, ManifestNode)> { ("argocd.argoproj.io/secret-type", ManifestNode.String("cluster")) };
        allLabels.AddRange(labels.Select(l => (l.Key, (ManifestNode)ManifestNode.String(l.Value))));
        return ManifestNode.Map(
            ("apiVersion", ManifestNode.String("v1")),
            ("kind", ManifestNode.String("Secret")),
            ("metadata", ManifestNode.Map(
                ("name", ManifestNode.String("cluster-" + name)),
                ("namespace", ManifestNode.String("argocd")),
                ("labels", ManifestNode.Map([.. allLabels])))),
            ("stringData", ManifestNode.Map(
                ("name", ManifestNode.String(name)),
                ("server", ManifestNode.String(server)))));
    }

    public static AppSetInput WithClusters(params ManifestNode[] secrets) => new() { ClusterSecrets = secrets };

    /// <summary>Writes files (path → content; a path ending in '/' makes an empty folder) into a new temporary folder.</summary>
    public static string TempRepo(params (string Path, string Content)[] files)
    {
        var root = Path.Combine(Path.GetTempPath(), "okegitops-appset-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(root, path);
            if (path.EndsWith('/'))
            {
                Directory.CreateDirectory(full);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content, new UTF8Encoding(false));
        }
        return root;
    }

    public static string Name(MappingNode app) => app.At(NodePath.Parse("metadata.name")) is StringNode s ? s.Value : "";

    public static string Field(MappingNode app, string path) => app.At(NodePath.Parse(path)) switch
    {
        ScalarNode s => s.Text,
        null => "",
        var other => YamlEmitter.Emit(other).TrimEnd('\n'),
    };

    public static string[] Names(AppSetExpansion e) => e.Applications.Select(Name).ToArray();

    public static string Errors(AppSetExpansion e) => string.Join("\n", e.Diagnostics.Where(d => d.IsError));
}
