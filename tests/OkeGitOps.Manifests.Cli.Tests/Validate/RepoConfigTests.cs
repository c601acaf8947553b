using System.Text.Json.Nodes;
using OkeGitOps.Manifests.Cli.Validate.Config;
using OkeGitOps.Manifests.Repo;
using OkeGitOps.Manifests.Tests;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Cli.Tests.Validate;

/// <summary><c>.okegitops.yaml</c>: found above the inputs, every key applied, flags over it, bad files refused with a location.</summary>
public sealed class RepoConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-config-").FullName;

    public RepoConfigTests() => Directory.CreateDirectory(Path.Combine(_dir, ".git"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(args, new StringReader(""), stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    private static string Namespace(string name) => $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n";

    [Fact]
    public void A_config_at_the_repository_root_is_found_from_a_folder_below_and_its_settings_apply()
    {
        Write(RepoConfig.FileName, "checks:\n  duplicates: false\n");
        var apps = Path.Combine(_dir, "clusters", "a");
        Write("clusters/a/one.yaml", Namespace("shared"));
        Write("clusters/a/two.yaml", Namespace("shared"));

        var (code, output, _) = Run("validate", apps);
        Assert.True(code == 0, output);
        var (noConfigCode, noConfigOutput, _) = Run("validate", "--no-config", apps);
        Assert.Equal(1, noConfigCode);
        Assert.Contains("defined twice", noConfigOutput);
    }

    [Fact]
    public void Bad_expansion_clock_and_seed_values_are_errors_at_their_line_and_column()
    {
        var config = Write(RepoConfig.FileName, "appSets:\n  now: yesterday\n");
        var (code, _, err) = Run("validate", Write("one.yaml", Namespace("a")));
        Assert.Equal(2, code);
        Assert.Contains($"{config}:2:8: error: appSets.now 'yesterday' is not an RFC 3339 time (e.g. \"2025-01-31T12:00:00Z\")", err);
        Write(RepoConfig.FileName, "appSets:\n  seed: 1.5\n");
        var (seedCode, _, seedErr) = Run("validate", Path.Combine(_dir, "one.yaml"));
        Assert.Equal(2, seedCode);
        Assert.Contains($"{config}:2:9: error: appSets.seed must be a whole number (e.g. 42)", seedErr);
    }

    [Fact]
    public void No_config_and_a_named_config_together_are_a_usage_error()
    {
        var config = Write(RepoConfig.FileName, "checks:\n  duplicates: false\n");
        var (code, _, err) = Run("validate", "--no-config", "--config", config, Write("one.yaml", Namespace("a")));
        Assert.Equal(2, code);
        Assert.Contains("--no-config and --config", err);
    }

    [Fact]
    public void The_search_stops_at_the_repository_root_marked_by_git()
    {
        // A config above the repository (in the temp folder's parent chain) must not be read: _dir holds .git.
        var inner = Path.Combine(_dir, "nested-repo");
        Directory.CreateDirectory(Path.Combine(inner, ".git"));
        Write(RepoConfig.FileName, "checks:\n  duplicates: false\n");
        Write("nested-repo/one.yaml", Namespace("shared"));
        Write("nested-repo/two.yaml", Namespace("shared"));
        Assert.Equal(1, Run("validate", inner).Code);
    }

    [Fact]
    public void A_flag_overrides_the_config()
    {
        Write(RepoConfig.FileName, "skip: [Namespace]\n");
        var file = Write("bad.yaml", Namespace("Not_A_Name"));
        Assert.Equal(0, Run("validate", file).Code);
        var (code, output, _) = Run("validate", "--skip", "Service", file);
        Assert.Equal(1, code);
        Assert.Contains("metadata.name", output);
    }

    [Fact]
    public void Config_can_turn_a_check_off_and_a_flag_can_turn_it_back_on()
    {
        Write(RepoConfig.FileName, "checks:\n  duplicates: false\n");
        Write("one.yaml", Namespace("shared"));
        Write("two.yaml", Namespace("shared"));
        Assert.Equal(0, Run("validate", _dir).Code);
        Assert.Equal(1, Run("validate", "--no-duplicate-check=false", _dir).Code);
    }

    [Fact]
    public void Cluster_scopes_in_the_config_check_duplicates_per_cluster()
    {
        Write(RepoConfig.FileName, "clusters:\n  fra: [clusters/fra/]\n  iad:\n  - clusters/iad/\n");
        Write("clusters/fra/ns.yaml", Namespace("shared"));
        Write("clusters/iad/ns.yaml", Namespace("shared"));
        Assert.Equal(0, Run("validate", _dir).Code);
        Write("clusters/iad/again.yaml", Namespace("shared"));
        Assert.Equal(1, Run("validate", _dir).Code);
    }

    [Fact]
    public void Relative_schema_folders_are_read_from_beside_the_config()
    {
        Write("schemas/widget.yaml", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n        type: object\n        properties:\n          spec: {type: object, properties: {size: {type: integer}}}\n");
        Write(RepoConfig.FileName, "schemas: [schemas]\n");
        var file = Write("apps/w.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: a\nspec:\n  size: 1\n");
        var (code, output, err) = Run("validate", file);
        Assert.True(code == 0, output + err);
    }

    [Theory]
    [InlineData("strict: true\nchecks:\n  duplicate: false\n", ".okegitops.yaml:3:3: error: unknown key 'checks.duplicate' (did you mean 'checks.duplicates'?)")]
    [InlineData("skipp: [Secret]\n", ".okegitops.yaml:1:1: error: unknown key 'skipp' (did you mean 'skip'?)")]
    [InlineData("strict: maybe\n", ".okegitops.yaml:1:9: error: strict must be true or false")]
    [InlineData("kubernetesVersion: 1.3x\n", ".okegitops.yaml:1:20: error: kubernetesVersion '1.3x' is not a Kubernetes minor version (write it as \"1.35\", quoted)")]
    [InlineData("kubernetesVersion: \"1.32\"\n", ".okegitops.yaml:1:20: error: kubernetesVersion '1.32' is not a supported Kubernetes version (use one of \"1.33\", \"1.34\", \"1.35\")")]
    [InlineData("strict: true\nkubernetesVersion: '1.36'\n", ".okegitops.yaml:2:20: error: kubernetesVersion '1.36' is not a supported Kubernetes version (use one of \"1.33\", \"1.34\", \"1.35\")")]
    [InlineData("kubernetesVersion: 1.30\n", ".okegitops.yaml:1:20: error: kubernetesVersion 1.3 is not a supported Kubernetes version (written without quotes, YAML reads it as the number 1.3) (write one of \"1.33\", \"1.34\", \"1.35\", quoted)")]
    [InlineData("schemas: [crds/, nonexistent/]\n", ".okegitops.yaml:1:18: error: schemas 'nonexistent/' does not exist (paths are relative to the folder of the config file, ")]
    [InlineData("schemas:\n- nonexistent\n", ".okegitops.yaml:2:3: error: schemas 'nonexistent' does not exist")]
    [InlineData("schemas: nonexistent\n", ".okegitops.yaml:1:10: error: schemas 'nonexistent' does not exist")]
    [InlineData("schemas: [3]\n", ".okegitops.yaml:1:11: error: schemas item 0 must be a string (quote the value)")]
    [InlineData("skip:\n- Secret\n- 3\n", ".okegitops.yaml:3:3: error: skip item 1 must be a string (quote the value)")]
    [InlineData("groupByPath: '(['\n", ".okegitops.yaml:1:14: error: groupByPath '([' is not a valid regular expression")]
    [InlineData("- just\n- a list\n", ".okegitops.yaml:1:1: error: the config file must be one YAML mapping of settings")]
    [InlineData("strict: true\nstrict: false\n", ".okegitops.yaml:2:1: error: ")]
    public void A_bad_config_exits_2_naming_file_line_and_column(string config, string expected)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "crds"));
        Write(RepoConfig.FileName, config);
        var file = Write("ns.yaml", Namespace("ok"));
        var (code, _, err) = Run("validate", file);
        Assert.Equal(2, code);
        var line = err.Split('\n')[0];
        Assert.Contains(Path.DirectorySeparatorChar + expected, line);
    }

    [Fact]
    public void An_explicit_config_file_is_used_and_a_missing_one_is_a_usage_error()
    {
        var config = Write("elsewhere/settings.yaml", "skip: [Namespace]\n");
        var file = Write("bad.yaml", Namespace("Not_A_Name"));
        Assert.Equal(0, Run("validate", "--config", config, file).Code);
        var (code, _, err) = Run("validate", "--config", Path.Combine(_dir, "nope.yaml"), file);
        Assert.Equal(2, code);
        Assert.Contains("does not exist", err);
    }

    [Fact]
    public void The_published_json_schema_lists_exactly_the_keys_the_reader_knows()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "okegitops-config.schema.json")))!;
        var published = new List<string>();
        foreach (var (key, value) in schema["properties"]!.AsObject())
        {
            if (value!["properties"] is JsonObject nested) published.AddRange(nested.Select(n => $"{key}.{n.Key}"));
            else published.Add(key);
        }
        Assert.Equal(ConfigKeys.All.Select(k => k.Name).Order(StringComparer.Ordinal), published.Order(StringComparer.Ordinal));
        foreach (var key in ConfigKeys.All)
        {
            var property = key.Name.Split('.') is [var section, var inner] ? schema["properties"]![section]!["properties"]![inner]! : schema["properties"]![key.Name]!;
            if (key.Flag is not null) Assert.Contains($"(flag: {key.Flag})", property["description"]!.GetValue<string>());
        }
    }

    [Fact]
    public void A_rendered_repository_carries_a_config_with_each_clusters_folder()
    {
        var ns = Map(("apiVersion", String("v1")), ("kind", String("Namespace")), ("metadata", Map(("name", String("shared")))));
        var (files, _) = new RepoRenderer().Render(
        [
            RepoFile.Nodes("clusters/fra/ns.yaml", ns).ForCluster("fra"),
            RepoFile.Nodes("clusters/iad/ns.yaml", ns).ForCluster("iad"),
            RepoFile.Nodes("clusters/iad/extra/ns2.yaml", ns.Set("metadata", Map(("name", String("other"))))).ForCluster("iad"),
            RepoFile.Nodes("shared/ns.yaml", ns),
        ]);
        var config = Assert.Single(files, f => f.RelativePath == RepoConfigFile.FileName);
        Assert.EndsWith("clusters:\n  fra:\n  - clusters/fra/\n  iad:\n  - clusters/iad/\n", config.Content, StringComparison.Ordinal);

        // A cluster whose folder also holds another cluster's files is listed file by file.
        var (mixed, _) = new RepoRenderer().Render(
        [
            RepoFile.Nodes("clusters/a.yaml", ns).ForCluster("fra"),
            RepoFile.Nodes("clusters/b.yaml", ns).ForCluster("iad"),
        ]);
        Assert.EndsWith("clusters:\n  fra:\n  - clusters/a.yaml\n  iad:\n  - clusters/b.yaml\n", Assert.Single(mixed, f => f.RelativePath == RepoConfigFile.FileName).Content, StringComparison.Ordinal);

        // No cluster scopes: no config.
        var (plain, _) = new RepoRenderer().Render([RepoFile.Nodes("ns.yaml", ns)]);
        Assert.DoesNotContain(plain, f => f.RelativePath == RepoConfigFile.FileName);
    }
}
