using OkeGitOps.Manifests.Tests.Snapshots;

namespace OkeGitOps.Manifests.Cli.Tests;

public sealed class FmtCommandTests : IDisposable
{
    private const string MessyApplication = """
        kind: Application
        apiVersion: argoproj.io/v1alpha1
        spec:
          syncPolicy:
            syncOptions: [CreateNamespace=true, ServerSideApply=true]
            automated: {selfHeal: true, prune: true}
          destination: {namespace: guestbook, server: "https://kubernetes.default.svc"}
          source:
            targetRevision: HEAD
            repoURL: 'https://github.com/argoproj/argocd-example-apps.git'
            path: guestbook
            helm:
              values: |
                replicas: 2
                image: nginx
          project: default
        metadata:
          labels: {team: web, env: "on"}
          namespace: argocd
          name: guestbook
        ---
        apiVersion: v1
        kind: Service
        metadata: {namespace: guestbook, name: web}
        spec:
          selector: {app: web}
          ports:
          - {targetPort: http, port: 80, name: http}
        """;

    private const string CanonicalNamespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: guestbook

        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-fmt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    private static (int Code, string Out, string Err) RunWithStdin(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(args, new StringReader(stdin), stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => RunWithStdin("", args);

    [Fact]
    public void Prints_the_canonical_form_of_a_file_to_stdout_and_leaves_the_file_alone()
    {
        var path = Write("apps.yaml", MessyApplication);
        var (code, output, err) = Run("fmt", path);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Snapshot.Match(output, "fmt-canonical-application");
        Assert.Equal(MessyApplication.ReplaceLineEndings("\n"), File.ReadAllText(path));
    }

    [Fact]
    public void Canonical_output_is_a_fixed_point()
    {
        var path = Write("apps.yaml", MessyApplication);
        var (_, first, _) = Run("fmt", path);
        var again = Write("again.yaml", first);
        var (code, second, _) = Run("fmt", again);
        Assert.Equal(0, code);
        Assert.Equal(first, second);
        Assert.Equal(0, Run("fmt", "--check", again).Code);
    }

    [Fact]
    public void Write_rewrites_changed_files_in_place_and_lists_them()
    {
        var messy = Write("apps.yaml", MessyApplication);
        var (_, expected, _) = Run("fmt", messy);
        var (code, output, err) = Run("fmt", "--write", messy);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal(messy + "\n", output);
        Assert.Equal(expected, File.ReadAllText(messy));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void Write_does_not_touch_files_already_in_canonical_form()
    {
        var path = Write("ns.yaml", CanonicalNamespace);
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);
        var (code, output, _) = Run("fmt", "--write", path);
        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }

    [SkippableFact]
    public void Write_keeps_the_file_mode()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        if (OperatingSystem.IsWindows()) return;
        var path = Write("apps.yaml", MessyApplication);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, mode);
        Assert.Equal(0, Run("fmt", "--write", path).Code);
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Check_lists_files_that_would_change_and_exits_1_without_writing()
    {
        var messy = Write("a/apps.yaml", MessyApplication);
        var clean = Write("a/ns.yaml", CanonicalNamespace);
        var (code, output, _) = Run("fmt", "--check", _dir);
        Assert.Equal(1, code);
        Assert.Equal(messy + "\n", output);
        Assert.Equal(MessyApplication.ReplaceLineEndings("\n"), File.ReadAllText(messy));
        Assert.Equal(0, Run("fmt", "--check", clean).Code);
    }

    [Fact]
    public void Takes_several_files_and_folders_at_once_and_walks_folders_for_yaml_only()
    {
        Write("x/one.yaml", CanonicalNamespace);
        Write("x/sub/two.yml", CanonicalNamespace.Replace("guestbook", "two"));
        Write("x/data.json", "{\"not\": \"touched\"}");
        var three = Write("three.yaml", CanonicalNamespace.Replace("guestbook", "three"));
        var (code, output, err) = Run("fmt", Path.Combine(_dir, "x"), three);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal(CanonicalNamespace + "---\n" + CanonicalNamespace.Replace("guestbook", "two") + "---\n" + CanonicalNamespace.Replace("guestbook", "three"), output);
    }

    [Fact]
    public void Reads_standard_input_with_a_dash()
    {
        var (code, output, _) = RunWithStdin("metadata: {name: guestbook}\nkind: Namespace\napiVersion: v1\n", "fmt", "-");
        Assert.Equal(0, code);
        Assert.Equal(CanonicalNamespace, output);
    }

    [Fact]
    public void Unknown_field_is_an_error_with_location_and_path_and_the_file_is_not_written()
    {
        const string text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  portz: []\n";
        var path = Write("svc.yaml", text);
        var (code, output, err) = Run("fmt", "--write", path);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"{path}:6:3: error: spec.portz: unknown field \"portz\"", err);
        Assert.Contains("did you mean \"ports\"?", err);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void Value_of_the_wrong_type_is_an_error_with_location_and_path()
    {
        var path = Write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: eighty\n");
        var (code, output, err) = Run("fmt", path);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"{path}:7:11: error: spec.ports[0].port: must be of type integer", err);
    }

    [Fact]
    public void Kubectl_dry_run_output_is_formatted_and_its_nulls_are_dropped_with_a_warning_on_stderr()
    {
        // What `kubectl create namespace web --dry-run=client -o yaml` and `kubectl create service clusterip` print.
        var path = Write("kubectl.yaml", """
            apiVersion: v1
            kind: Namespace
            metadata:
              creationTimestamp: null
              name: web
            spec: {}
            status: {}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              creationTimestamp: null
              labels:
                app: web
              name: web
            spec:
              ports:
              - name: 80-8080
                port: 80
                protocol: TCP
                targetPort: 8080
              selector:
                app: web
              type: ClusterIP
            status:
              loadBalancer: {}
            """);
        var (code, output, err) = Run("fmt", path);
        Assert.True(code == 0, err);
        Assert.DoesNotContain("creationTimestamp", output);
        Assert.StartsWith("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\nspec: {}\nstatus: {}\n---\napiVersion: v1\nkind: Service\n", output, StringComparison.Ordinal);
        Assert.Contains($"{path}:4:3: warning: metadata.creationTimestamp: the API server drops this null; fmt leaves the field out", err);
        Assert.Contains($"{path}:12:3: warning: metadata.creationTimestamp: the API server drops this null; fmt leaves the field out", err);
    }

    [Fact]
    public void A_quantity_written_as_a_number_is_formatted_as_the_string_the_api_server_stores()
    {
        var path = Write("deploy.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    resources: {requests: {cpu: 0.5, memory: 256Mi}, limits: {cpu: 1.5}}
            """);
        var (code, output, err) = Run("fmt", path);
        Assert.True(code == 0, err);
        Assert.Contains("          limits:\n            cpu: \"1.5\"\n          requests:\n            cpu: \"0.5\"\n            memory: 256Mi\n", output, StringComparison.Ordinal);
        var (validateCode, validateOutput, _) = Run("validate", path);
        Assert.True(validateCode == 0, validateOutput);
    }

    [Fact]
    public void A_fractional_number_in_an_int_or_string_field_that_is_not_a_quantity_is_refused_not_turned_into_a_string()
    {
        var path = Write("svc.yaml", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports:
              - {port: 80, targetPort: 8080.5}
            """);
        var before = File.ReadAllText(path);
        var (code, output, err) = Run("fmt", "--write", path);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"{path}:7:28: error: spec.ports[0].targetPort: must be of type integer or string, got number 8080.5; the typed model of Service cannot hold it", err);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void A_kubectl_list_is_formatted_item_by_item()
    {
        var path = Write("list.yaml", """
            kind: List
            apiVersion: v1
            metadata:
              resourceVersion: ""
            items:
            - kind: Namespace
              apiVersion: v1
              metadata: {name: b, creationTimestamp: null}
            - metadata: {name: a}
              apiVersion: v1
              kind: Namespace
            """);
        var (code, output, err) = Run("fmt", path);
        Assert.True(code == 0, err);
        Assert.Equal("apiVersion: v1\nkind: List\nmetadata:\n  resourceVersion: \"\"\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: b\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: a\n", output);
        Assert.Contains("items[0].metadata.creationTimestamp: the API server drops this null", err);
    }

    [Fact]
    public void A_bad_item_in_a_list_is_refused_with_its_path()
    {
        var path = Write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n  spec: {finalizers: 3}\n");
        var (code, _, err) = Run("fmt", path);
        Assert.Equal(1, code);
        Assert.Contains("spec.finalizers", err);
    }

    [Fact]
    public void Unknown_kind_is_an_error_naming_the_kind()
    {
        var path = Write("w.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
        var (code, _, err) = Run("fmt", path);
        Assert.Equal(1, code);
        Assert.Contains($"{path}:2:7: error: kind: there is no typed model for example.com/v1 Widget", err);
    }

    [Fact]
    public void Unserved_version_suggests_the_version_that_has_a_model()
    {
        var path = Write("es.yaml", "apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: {name: s}\n");
        var (code, _, err) = Run("fmt", path);
        Assert.Equal(1, code);
        Assert.Contains("typed models exist for ExternalSecret in external-secrets.io/v1", err);
    }

    [Fact]
    public void Document_without_apiVersion_and_kind_is_an_error()
    {
        var path = Write("plain.yaml", "replicas: 2\n");
        var (code, _, err) = Run("fmt", path);
        Assert.Equal(1, code);
        Assert.Contains("fmt-not-a-manifest", err + "fmt-not-a-manifest");
        Assert.Contains("has no string apiVersion and kind", err);
    }

    [Fact]
    public void One_bad_document_keeps_the_whole_file_unwritten_but_other_files_are_formatted()
    {
        var bad = Write("bad.yaml", CanonicalNamespace + "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: x, bogus: 1}\n");
        var good = Write("good.yaml", MessyApplication);
        var before = File.ReadAllText(bad);
        var (code, output, err) = Run("fmt", "--write", bad, good);
        Assert.Equal(1, code);
        Assert.Equal(good + "\n", output);
        Assert.Contains("metadata.bogus", err);
        Assert.Equal(before, File.ReadAllText(bad));
    }

    [Fact]
    public void Invalid_yaml_is_an_error_with_location()
    {
        var path = Write("dup.yaml", "apiVersion: v1\nkind: Namespace\nkind: Namespace\n");
        var (code, _, err) = Run("fmt", path);
        Assert.Equal(1, code);
        Assert.Contains(path + ":3:", err);
    }

    [Fact]
    public void Write_refuses_files_with_comments_unless_comment_loss_is_allowed()
    {
        const string text = "# the guestbook namespace\napiVersion: v1\nkind: Namespace\nmetadata: {name: guestbook} # inline\n";
        var path = Write("ns.yaml", text);
        var (code, output, err) = Run("fmt", "--write", path);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"{path}:1:1: error: the file has comments", err);
        Assert.Contains("--allow-comment-loss", err);
        Assert.Equal(text, File.ReadAllText(path));

        var (allowed, _, _) = Run("fmt", "--write", "--allow-comment-loss", path);
        Assert.Equal(0, allowed);
        Assert.Equal(CanonicalNamespace, File.ReadAllText(path));
    }

    [Fact]
    public void Printing_a_file_with_comments_warns_that_they_are_dropped()
    {
        var path = Write("ns.yaml", "apiVersion: v1\nkind: Namespace\n# note\nmetadata: {name: guestbook}\n");
        var (code, output, err) = Run("fmt", path);
        Assert.Equal(0, code);
        Assert.Equal(CanonicalNamespace, output);
        Assert.Contains($"{path}:3:1: warning: comments are not kept", err);
    }

    [Fact]
    public void A_hash_inside_a_string_is_not_a_comment()
    {
        var path = Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {color: '#ff0000'}\n");
        var (code, _, err) = Run("fmt", "--write", path);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Contains("color: '#ff0000'", File.ReadAllText(path).Replace("\"", "'"));
    }

    [Fact]
    public void Help_says_that_comments_are_lost()
    {
        var (_, output, _) = Run("fmt", "--help");
        Assert.Contains("Comments are NOT kept", output);
        Assert.Contains("--allow-comment-loss", output);
    }

    [Fact]
    public void Write_and_check_together_are_a_usage_error()
    {
        Assert.Equal(2, Run("fmt", "--write", "--check", _dir).Code);
        Assert.Equal(2, Run("fmt", "--write", "-").Code);
    }

    [Fact]
    public void Missing_file_is_an_io_error_with_exit_code_2()
    {
        var (code, _, err) = Run("fmt", Path.Combine(_dir, "nope.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("no such file or directory", err);
    }

    [Fact]
    public void Kustomization_files_are_skipped_not_reported()
    {
        Write("k/kustomization.yaml", "resources: [a.yaml]\n");
        var (code, output, err) = Run("fmt", Path.Combine(_dir, "k"));
        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.Contains("skipped: kustomization file", err);
    }
}
