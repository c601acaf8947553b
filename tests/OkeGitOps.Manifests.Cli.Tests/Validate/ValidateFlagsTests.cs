using System.CommandLine;
using OkeGitOps.Manifests.Cli.Validate;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Cli.Tests.Validate;

public sealed class ValidateFlagsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-flags-").FullName;

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
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString());
    }

    private const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      required: [size]
                      properties:
                        size: {type: integer, minimum: 1}
        """;

    [Fact]
    public void Schemas_flag_adds_a_crd_folder_used_directly()
    {
        Write("crds/widget.yaml", WidgetCrd);
        var bad = Write("w.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: a\nspec:\n  size: 0\n");
        var (unknownCode, unknownOut, _) = Run("validate", bad);
        Assert.Equal(1, unknownCode);
        Assert.Contains("unknown-kind", Run("validate", "-o", "json", bad).Out);
        var (code, output, _) = Run("validate", "--schemas", Path.Combine(_dir, "crds"), bad);
        Assert.Equal(1, code);
        Assert.Contains("w.yaml:7:9: error: spec.size:", output);
        Assert.DoesNotContain(unknownOut, output);
    }

    [Fact]
    public void Schemas_flag_with_a_missing_folder_is_a_usage_error()
    {
        var (code, _, err) = Run("validate", "--schemas", Path.Combine(_dir, "nope"), _dir);
        Assert.Equal(2, code);
        Assert.Contains("does not exist", err);
    }

    [Fact]
    public void Ignore_missing_schemas_skips_unknown_kinds()
    {
        var path = Write("u.yaml", "apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\n");
        Assert.Equal(1, Run("validate", path).Code);
        var (code, output, _) = Run("validate", "--summary", "--ignore-missing-schemas", path);
        Assert.Equal(0, code);
        Assert.Contains("1 skipped", output);
    }

    [Fact]
    public void Strict_false_turns_unknown_fields_into_warnings()
    {
        var path = Write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\nspec:\n  finalizers: [kubernetes]\n  colour: blue\n");
        var (strictCode, strictOut, _) = Run("validate", path);
        Assert.Equal(1, strictCode);
        Assert.Contains("error: spec.colour: unknown field", strictOut);
        var (code, output, _) = Run("validate", "--strict=false", path);
        Assert.Equal(0, code);
        Assert.Contains("warning: spec.colour: unknown field", output);
    }

    [Fact]
    public void A_file_that_disappears_mid_run_is_an_io_error_not_a_crash()
    {
        var first = Write("vanish/a.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n");
        var second = Write("vanish/b.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n");
        // The check of the first file deletes the second before it is read.
        Func<ManifestDocument, IReadOnlyList<Diagnostic>> deleteSecond = _ =>
        {
            File.Delete(second);
            return [];
        };
        var stdout = new StringWriter();
        var command = ValidateCommand.Create(new StringReader(""), stdout, new StringWriter(), _ => deleteSecond);
        var root = new RootCommand { command };
        var code = root.Parse(["validate", "-j", "1", Path.Combine(_dir, "vanish")]).Invoke();
        Assert.Equal(2, code);
        Assert.Contains("b.yaml:1:1: error: cannot read the file:", stdout.ToString());
        Assert.True(File.Exists(first));
    }

    [Fact]
    public void Group_by_path_checks_duplicates_per_cluster_folder()
    {
        const string es = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shared\n";
        Write("fleet/clusters/fra/ns.yaml", es);
        Write("fleet/clusters/iad/ns.yaml", es);
        var fleet = Path.Combine(_dir, "fleet");
        Assert.Contains("is defined twice", Run("validate", fleet).Out);
        var (code, output, _) = Run("validate", "--group-by-path", "clusters/[^/]+/", fleet);
        Assert.Equal(0, code);
        Assert.DoesNotContain("is defined twice", output);
        Assert.Equal(2, Run("validate", "--group-by-path", "(", fleet).Code);
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_is_reported_as_permission_denied()
    {
        Write("perm/ok/a.yaml", "x: 1\n");
        Directory.CreateDirectory(Path.Combine(_dir, "perm", "locked"));
        var files = InputWalker.Expand([Path.Combine(_dir, "perm")], [],
            dir => dir.EndsWith("locked", StringComparison.Ordinal) ? throw new UnauthorizedAccessException("denied") : Directory.GetFileSystemEntries(dir)).ToList();
        var locked = Assert.Single(files, f => f.Problem is not null);
        Assert.Equal("permission denied: the folder cannot be listed", locked.Problem);
        Assert.EndsWith("locked", locked.DisplayPath, StringComparison.Ordinal);
        Assert.Contains(files, f => f.DisplayPath.EndsWith("a.yaml", StringComparison.Ordinal) && f.Problem is null);
    }

    [Fact]
    public void No_oci_lint_turns_off_the_load_balancer_annotation_checks()
    {
        var path = Write("svc.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: apps
              annotations:
                oci.oraclecloud.com/load-balancer-is-internal: "true"
            spec:
              type: LoadBalancer
              selector: {app: web}
              ports:
                - port: 443
            """);
        var (code, output, _) = Run("validate", path);
        Assert.Equal(1, code);
        Assert.Contains("svc.yaml:7:5: error: metadata.annotations[\"oci.oraclecloud.com/load-balancer-is-internal\"]: the OCI cloud-controller-manager does not read", output);
        var (offCode, offOutput, _) = Run("validate", "--no-oci-lint", path);
        Assert.Equal(0, offCode);
        Assert.Equal("", offOutput);
    }

    [Fact]
    public void The_seed_walkthrough_output_passes_validate()
    {
        var (files, _) = new OkeGitOps.Manifests.Repo.RepoRenderer().Render(SeedWalkthrough.SeedManifests.Files());
        var target = Path.Combine(_dir, "walkthrough");
        OkeGitOps.Manifests.Repo.RepoWriter.Write(target, files);
        var (code, output, _) = Run("validate", target);
        Assert.Equal("", output);
        Assert.Equal(0, code);
    }

    [Fact]
    public void Schemas_flag_takes_a_single_crd_file_whose_schema_leaves_out_apiVersion_and_kind()
    {
        var crd = Write("one-crd.yaml", WidgetCrd);
        var bad = Write("w2.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: a\nspec:\n  size: 0\n");
        var (code, output, _) = Run("validate", "--schemas", crd, bad);
        Assert.Equal(1, code);
        Assert.Equal("w2.yaml:7:9: error: spec.size: must be greater than or equal to 1", Path.GetFileName(output.Trim()));
    }
}
