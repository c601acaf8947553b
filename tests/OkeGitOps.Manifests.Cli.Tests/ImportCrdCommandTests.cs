using OkeGitOps.Manifests.Cli;
using OkeGitOps.Manifests.Tests;
using OkeGitOps.Manifests.Tests.Schemas;

namespace OkeGitOps.Manifests.Cli.Tests;

public class ImportCrdCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(args, stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Imports_a_crd_file_into_the_output_folder()
    {
        using var folder = new TempFolder();
        var crd = folder.Write("in/widgets.yaml", SampleCrds.Widget);
        var output = Path.Combine(folder.Path, "out");

        var (code, stdout, stderr) = Run("import-crd", crd, "--out", output, "--upstream", "Example 1.0");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(
            "wrote example.com/v1/widget.json\nwrote example.com/v1beta1/widget.json\n" +
            $"2 schema files in {output} (2 written, 0 unchanged)\n",
            stdout);
        var text = File.ReadAllText(Path.Combine(output, "example.com", "v1", "widget.json"));
        Assert.Contains("\"upstream\": \"Example 1.0 (widgets.yaml)\"", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_run_leaves_identical_files_unchanged()
    {
        using var folder = new TempFolder();
        var crd = folder.Write("widgets.yaml", SampleCrds.Widget);
        var output = Path.Combine(folder.Path, "out");
        Run("import-crd", crd, "--out", output);
        var before = File.ReadAllBytes(Path.Combine(output, "example.com", "v1", "widget.json"));

        var (code, stdout, _) = Run("import-crd", crd, "--out", output);

        Assert.Equal(0, code);
        Assert.Contains("unchanged example.com/v1/widget.json", stdout, StringComparison.Ordinal);
        Assert.Contains("(0 written, 2 unchanged)", stdout, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(output, "example.com", "v1", "widget.json")));
    }

    [Fact]
    public void Imports_a_folder_filtered_by_kinds()
    {
        using var folder = new TempFolder();
        folder.Write("in/widgets.yaml", SampleCrds.Widget);
        folder.Write("in/more/gadgets.yaml", SampleCrds.Gadget);
        var output = Path.Combine(folder.Path, "out");

        var (code, stdout, _) = Run("import-crd", Path.Combine(folder.Path, "in"), "--out", output, "--kinds", "Gadget");

        Assert.Equal(0, code);
        Assert.StartsWith("wrote example.com/v1alpha1/gadget.json\n1 schema file in", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "example.com", "v1")));
    }

    [Fact]
    public void Imports_kinds_from_an_openapi_document()
    {
        using var folder = new TempFolder();
        var api = folder.Write("api.json", SampleCrds.OpenApi);
        var output = Path.Combine(folder.Path, "out");

        var (code, stdout, _) = Run("import-crd", api, "--out", output, "--upstream", "Kubernetes test", "--kinds", "Thing,ObjectMeta");

        Assert.Equal(0, code);
        Assert.Contains("wrote core/v1/thing.json", stdout, StringComparison.Ordinal);
        Assert.Contains("wrote meta/v1/objectmeta.json", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_a_crd_exits_1_with_its_location()
    {
        using var folder = new TempFolder();
        var file = folder.Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");

        var (code, stdout, stderr) = Run("import-crd", file, "--out", Path.Combine(folder.Path, "out"));

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal(
            $"{file}:2:7: error: kind: document 1 is v1 ConfigMap 'settings', not a CustomResourceDefinition " +
            "(import-crd reads apiextensions.k8s.io/v1 CustomResourceDefinition documents only)\n",
            stderr);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "out")));
    }

    [Fact]
    public void A_broken_crd_exits_1_and_writes_nothing()
    {
        using var folder = new TempFolder();
        folder.Write("in/a-good.yaml", SampleCrds.Gadget);
        folder.Write("in/b-broken.yaml", SampleCrds.Widget.Replace("  group: example.com\n", "", StringComparison.Ordinal));
        var output = Path.Combine(folder.Path, "out");

        var (code, _, stderr) = Run("import-crd", Path.Combine(folder.Path, "in"), "--out", output);

        Assert.Equal(1, code);
        Assert.Contains("b-broken.yaml:", stderr, StringComparison.Ordinal);
        Assert.Contains("error: spec.group: required field 'group' is missing", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Invalid_yaml_exits_1()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.yaml", "spec: [unclosed\n");

        var (code, _, stderr) = Run("import-crd", file, "--out", Path.Combine(folder.Path, "out"));

        Assert.Equal(1, code);
        Assert.StartsWith($"{file}:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_exits_1_with_line_and_column()
    {
        using var folder = new TempFolder();
        var file = folder.Write("api.json", "{\n  \"components\": ]\n}");

        var (code, _, stderr) = Run("import-crd", file, "--out", Path.Combine(folder.Path, "out"));

        Assert.Equal(1, code);
        Assert.StartsWith($"{file}:2:17: error: the OpenAPI document is not valid JSON", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_exits_2()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "nope.yaml");

        var (code, _, stderr) = Run("import-crd", missing, "--out", Path.Combine(folder.Path, "out"));

        Assert.Equal(2, code);
        Assert.Equal($"error: no such file or folder: {missing}\n", stderr);
    }

    [Fact]
    public void A_missing_out_option_exits_2()
    {
        var (code, _, stderr) = Run("import-crd", "crd.yaml");

        Assert.Equal(2, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_not_in_the_input_exits_2_with_a_suggestion()
    {
        using var folder = new TempFolder();
        var crd = folder.Write("widgets.yaml", SampleCrds.Widget);

        var (code, _, stderr) = Run("import-crd", crd, "--out", Path.Combine(folder.Path, "out"), "--kinds", "Widgit");

        Assert.Equal(2, code);
        Assert.Equal($"error: kind not found in {crd}: Widgit ('Widgit': did you mean 'Widget'?)\n", stderr);
    }

    [Fact]
    public void An_empty_kinds_list_exits_2()
    {
        var (code, _, stderr) = Run("import-crd", "crd.yaml", "--out", "out", "--kinds", " , ");

        Assert.Equal(2, code);
        Assert.Equal("error: --kinds names no kinds\n", stderr);
    }

    [Fact]
    public void A_folder_without_crds_exits_1()
    {
        using var folder = new TempFolder();
        folder.Write("in/readme.txt", "nothing");

        var (code, _, stderr) = Run("import-crd", Path.Combine(folder.Path, "in"), "--out", Path.Combine(folder.Path, "out"));

        Assert.Equal(1, code);
        Assert.StartsWith("error: no CustomResourceDefinitions or OpenAPI kinds found in ", stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Regenerating_the_committed_schemas_changes_nothing()
    {
        Skip.If(TestPaths.UpstreamDir is null, "the shared upstream folder (<repo>/../shared/upstream) is not present");
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "schemas");
        var upstream = TestPaths.UpstreamDir!;

        Assert.Equal(0, Run("import-crd", Path.Combine(upstream, "crds", "argo-cd"), "--out", output, "--upstream", "Argo CD v3.5.1").Code);
        Assert.Equal(0, Run("import-crd", Path.Combine(upstream, "crds", "external-secrets"), "--out", output,
            "--upstream", "External Secrets Operator v2.9.0", "--kinds", "ExternalSecret,SecretStore,ClusterSecretStore,ClusterExternalSecret,PushSecret").Code);
        Assert.Equal(0, Run("import-crd", Path.Combine(upstream, "k8s", "v1.35", "api__v1_openapi.json"), "--out", output,
            "--upstream", "Kubernetes 1.35", "--kinds", "Service,Namespace,ServiceAccount,Secret,ConfigMap,ObjectMeta").Code);
        Assert.Equal(0, Run("import-crd", Path.Combine(upstream, "crds", "oci-native-ingress"), "--out", output,
            "--upstream", "OCI Native Ingress Controller v1.4.3").Code);

        foreach (var file in Directory.EnumerateFiles(TestPaths.SchemasDir, "*.json", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "names.json"))
        {
            var relative = Path.GetRelativePath(TestPaths.SchemasDir, file);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(output, relative)));
        }
        Assert.Equal(
            Directory.GetFiles(TestPaths.SchemasDir, "*.json", SearchOption.AllDirectories).Count(f => Path.GetFileName(f) != "names.json"),
            Directory.GetFiles(output, "*.json", SearchOption.AllDirectories).Length);
    }
}
