using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Tests.Snapshots;

namespace OkeGitOps.Manifests.Cli.Tests.AppSets;

public sealed class AppSetPreviewCommandTests : IDisposable
{
    private const string AppSet = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: guestbook
          namespace: argocd
        spec:
          goTemplate: true
          goTemplateOptions: ["missingkey=error"]
          generators:
          - clusters:
              selector:
                matchLabels:
                  env: prod
          - list:
              elements:
              - cluster: in-cluster
                url: https://kubernetes.default.svc
                chart: true
          template:
            metadata:
              name: '{{ coalesce (dig "name" "" .) (dig "cluster" "" .) }}-guestbook'
            spec:
              project: default
              source:
                repoURL: https://github.com/argoproj/argocd-example-apps.git
                targetRevision: HEAD
                path: guestbook
              destination:
                server: '{{ coalesce (dig "server" "" .) (dig "url" "" .) }}'
                namespace: guestbook
        """;

    private const string Clusters = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: cluster-fra
          namespace: argocd
          labels:
            argocd.argoproj.io/secret-type: cluster
            env: prod
        stringData:
          name: oke-fra
          server: https://10.0.0.1:6443
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: cluster-iad
          namespace: argocd
          labels:
            argocd.argoproj.io/secret-type: cluster
            env: prod
        data:
          name: b2tlLWlhZA==
          server: aHR0cHM6Ly8xMC4xLjAuMTo2NDQz
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-appset-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    [InlineData("table")]
    public void Preview_prints_the_generated_applications_in_each_format(string format)
    {
        var (code, output, err) = Run("appset", "preview", Write("appset.yaml", AppSet), "--clusters", Write("clusters.yaml", Clusters), "-o", format);
        Assert.Equal("", err);
        Assert.Equal(0, code);
        Snapshot.Match(output, "preview-" + format, format == "table" ? "txt" : format);
    }

    [Fact]
    public void Preview_of_the_example_fleet_lists_every_baseline_application_per_cluster()
    {
        // The rendered example fleet, as its own snapshot test keeps it: ApplicationSets and the ExternalSecrets that make cluster Secrets.
        var snapshot = File.ReadAllText(Path.Combine(SourceDirectory(), "..", "Examples", "Snapshots", "fleet-repository.verified.txt"));
        var parts = Regex.Split(snapshot, "^--- # (.*)$", RegexOptions.Multiline);
        for (var i = 1; i < parts.Length; i += 2)
        {
            var name = parts[i].Trim();
            if (name.StartsWith("control-plane/applicationsets/", StringComparison.Ordinal) || name.StartsWith("control-plane/clusters/", StringComparison.Ordinal))
                Write(name, parts[i + 1].TrimStart('\n'));
        }
        var (code, output, err) = Run("appset", "preview", Path.Combine(_dir, "control-plane/applicationsets"),
            "--clusters", Path.Combine(_dir, "control-plane/clusters"), "-o", "table");
        Assert.Equal("", err);
        Assert.Equal(0, code);
        Snapshot.Match(output, "example-fleet-preview", "txt");
    }

    [Fact]
    public void Now_and_seed_make_clock_and_random_functions_repeatable()
    {
        var appset = AppSet.Replace("namespace: guestbook", "namespace: 'gb-{{ now | date \"20060102\" }}-{{ randNumeric 4 }}'", StringComparison.Ordinal);
        var file = Write("stamped.yaml", appset);
        var clusters = Write("clusters.yaml", Clusters);
        var first = Run("appset", "preview", file, "--clusters", clusters, "--now", "2025-01-31T23:30:00-02:00", "--seed", "9", "-o", "json");
        Assert.Equal("", first.Err);
        Assert.Equal(0, first.Code);
        Assert.Matches("\"namespace\": \"gb-20250201-[0-9]{4}\"", first.Out);
        Assert.Equal(first, Run("appset", "preview", file, "--clusters", clusters, "--now", "2025-01-31T23:30:00-02:00", "--seed", "9", "-o", "json"));
        Assert.NotEqual(first.Out, Run("appset", "preview", file, "--clusters", clusters, "--now", "2025-01-31T23:30:00-02:00", "--seed", "10", "-o", "json").Out);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-01-31T12:00:00")]
    [InlineData("2025-01-31")]
    public void Now_must_be_an_rfc3339_time_with_an_offset(string value)
    {
        var (code, _, err) = Run("appset", "preview", Write("appset.yaml", AppSet), "--now", value);
        Assert.Equal(2, code);
        Assert.Contains($"error: --now '{value}' must be an RFC 3339 time", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_application_names_exit_1_with_argo_cds_message()
    {
        var appset = AppSet.Replace("'{{ coalesce (dig \"name\" \"\" .) (dig \"cluster\" \"\" .) }}-guestbook'", "guestbook", StringComparison.Ordinal);
        var (code, _, err) = Run("appset", "preview", Write("dup.yaml", appset), "--clusters", Write("clusters.yaml", Clusters));
        Assert.Equal(1, code);
        Assert.Contains("error: spec.generators[0]: ApplicationSet guestbook contains applications with duplicate name: guestbook (make metadata.name depend on a parameter", err, StringComparison.Ordinal);
        Assert.Contains("dup.yaml:", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_under_missingkey_error_exits_1_and_points_at_the_template_line()
    {
        var appset = AppSet.Replace("namespace: guestbook", "namespace: '{{.nope}}'", StringComparison.Ordinal);
        var (code, _, err) = Run("appset", "preview", Write("missing.yaml", appset), "--clusters", Write("clusters.yaml", Clusters));
        Assert.Equal(1, code);
        Assert.Contains("missing.yaml:30:20: error", err, StringComparison.Ordinal);
        Assert.Contains("error: spec.template.spec.destination.namespace: failed to execute go template {{.nope}}: template: :1:2: executing \"\" at <.nope>: map has no entry for key \"nope\"", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_generators_fail_unless_their_parameters_are_supplied()
    {
        var appset = """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: prs
              namespace: argocd
            spec:
              goTemplate: true
              generators:
              - pullRequest:
                  github:
                    owner: example
                    repo: app
              template:
                metadata:
                  name: 'pr-{{.number}}'
                spec:
                  project: default
                  source:
                    repoURL: https://github.com/example/app.git
                    targetRevision: '{{.head_sha}}'
                    path: deploy
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: 'pr-{{.number}}'
            """;
        var file = Write("prs.yaml", appset);
        var (code, _, err) = Run("appset", "preview", file);
        Assert.Equal(1, code);
        Assert.Contains("error: spec.generators[0].pullRequest: the pullRequest generator needs a live service and cannot run offline (supply its parameter sets from a file (okegitops appset preview --params pullRequest=FILE", err, StringComparison.Ordinal);

        var parameters = Write("prs-params.yaml", "- number: 42\n  head_sha: 0123abc\n- number: 43\n  head_sha: 4567def\n");
        var (code2, output, err2) = Run("appset", "preview", file, "--params", "pullRequest=" + parameters, "-o", "table");
        Assert.Equal("", err2);
        Assert.Equal(0, code2);
        Assert.Contains("pr-42", output, StringComparison.Ordinal);
        Assert.Contains("4567def", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Git_generators_read_the_folder_given_with_repo()
    {
        var repo = Path.Combine(_dir, "checkout");
        Directory.CreateDirectory(Path.Combine(repo, "apps", "api"));
        Directory.CreateDirectory(Path.Combine(repo, "apps", "web"));
        var appset = """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: apps
              namespace: argocd
            spec:
              goTemplate: true
              generators:
              - git:
                  repoURL: https://git.example.com/apps.git
                  revision: main
                  directories:
                  - path: apps/*
              template:
                metadata:
                  name: '{{.path.basename}}'
                spec:
                  project: default
                  source:
                    repoURL: https://git.example.com/apps.git
                    targetRevision: main
                    path: '{{.path.path}}'
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: '{{.path.basename}}'
            """;
        var file = Write("apps.yaml", appset);
        var (code, _, err) = Run("appset", "preview", file);
        Assert.Equal(1, code);
        Assert.Contains("no local folder for the Git repository 'https://git.example.com/apps.git' (map it to a checkout at revision 'main' with --repo https://git.example.com/apps.git=DIR)", err, StringComparison.Ordinal);
        var (code2, output, _) = Run("appset", "preview", file, "--repo", "https://git.example.com/apps.git=" + repo, "-o", "table");
        Assert.Equal(0, code2);
        Assert.Contains("api ", output, StringComparison.Ordinal);
        Assert.Contains("(path apps/web)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--repo", "no-equals-sign", "error: --repo 'no-equals-sign' must be URL=DIR")]
    [InlineData("--params", "pullRequest", "error: --params 'pullRequest' must be GENERATOR=FILE")]
    [InlineData("--params", "pullRequest=/nonexistent/params.yaml", "error: --params file '/nonexistent/params.yaml' does not exist")]
    [InlineData("--params", "pullrequest=/nonexistent/params.yaml", "error: --params 'pullrequest=/nonexistent/params.yaml': 'pullrequest' is not a generator that takes supplied parameters; did you mean 'pullRequest'?")]
    [InlineData("--params", "scmProvidr=p.yaml", "error: --params 'scmProvidr=p.yaml': 'scmProvidr' is not a generator that takes supplied parameters; did you mean 'scmProvider'?")]
    [InlineData("--params", "list=p.yaml", "error: --params 'list=p.yaml': 'list' is not a generator that takes supplied parameters; use one of pullRequest, scmProvider, clusterDecisionResource, plugin")]
    public void Bad_options_exit_2(string option, string value, string expected)
    {
        var (code, _, err) = Run("appset", "preview", Write("appset.yaml", AppSet), option, value);
        Assert.Equal(2, code);
        Assert.Equal(expected, err.Trim());
    }

    [Fact]
    public void Unreadable_input_exits_2()
    {
        var (code, _, err) = Run("appset", "preview", Path.Combine(_dir, "absent.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("no such file or directory", err, StringComparison.Ordinal);
        // Invalid YAML is invalid input (exit 1), reported with its position as validate reports it.
        var broken = Write("notyaml.yaml", "a: [unclosed");
        var (code2, _, err2) = Run("appset", "preview", broken);
        Assert.Equal(1, code2);
        var validateOut = new StringWriter();
        Assert.Equal(1, CliRunner.Run(["validate", broken], validateOut, new StringWriter()));
        var located = Assert.Single(validateOut.ToString().ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith(broken + ":", StringComparison.Ordinal));
        Assert.Equal(located, err2.Trim());
        // The ApplicationSets of the other files are still previewed, and the run still exits 1.
        var (code4, output4, err4) = Run("appset", "preview", broken, Write("appset.yaml", AppSet), "--clusters", Write("clusters.yaml", Clusters));
        Assert.Equal(1, code4);
        Assert.Contains("guestbook", output4, StringComparison.Ordinal);
        Assert.Contains(located, err4, StringComparison.Ordinal);
        var (code3, _, err3) = Run("appset", "preview", Write("service.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n"));
        Assert.Equal(2, code3);
        Assert.Equal("error: no ApplicationSet found in the given files", err3.Trim());
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
