namespace OkeGitOps.Manifests.Cli.Tests.Validate;

/// <summary>
/// One rule for every reference: none of the kind in the input is a warning (a partial repository), the kind present
/// but no match is an error (a typo), and --strict-references (or strictReferences in the config) makes both errors.
/// </summary>
public sealed class ReferenceCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-refs-").FullName;

    public ReferenceCheckTests() => Directory.CreateDirectory(Path.Combine(_dir, ".git"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Out) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var code = CliApp.Run(args, new StringReader(""), stdout, new StringWriter());
        return (code, stdout.ToString().ReplaceLineEndings("\n"));
    }

    private const string App = """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: payments
          namespace: argocd
        spec:
          project: payments
          source:
            repoURL: https://git.example.com/apps.git
            path: payments
            targetRevision: main
          destination:
            server: https://kubernetes.default.svc
            namespace: payments
        """;

    private const string Project = """
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata:
          name: paymnets
          namespace: argocd
        spec:
          sourceRepos: ['*']
          destinations:
          - server: '*'
            namespace: '*'
        """;

    private const string ClusterSecretAndAppSet = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: baseline
          namespace: argocd
        spec:
          generators:
          - clusters:
              selector:
                matchLabels:
                  fleet: production
          template:
            metadata:
              name: 'baseline-{{name}}'
            spec:
              project: default
              source:
                repoURL: https://git.example.com/apps.git
                path: baseline
                targetRevision: main
              destination:
                server: '{{server}}'
                namespace: baseline
        """;

    [Fact]
    public void A_partial_repository_whose_project_lives_elsewhere_gets_a_warning_and_exits_0()
    {
        var app = Write("app.yaml", App);
        var (code, output) = Run("validate", app);
        Assert.True(code == 0, output);
        Assert.Contains("app.yaml:7:12: warning: spec.project: spec.project 'payments' names an AppProject that is not in the input (none of that kind is in the input) (make sure Argo CD has it (from another repository, say), add it here, or use project 'default')", output);
    }

    [Fact]
    public void A_typo_with_the_kind_present_is_an_error_naming_the_known_objects()
    {
        var app = Write("app.yaml", App);
        Write("project.yaml", Project);
        var (code, output) = Run("validate", _dir);
        Assert.Equal(1, code);
        Assert.Contains("app.yaml:7:12: error: spec.project: spec.project 'payments' names an AppProject that is not in the input (known projects: 'paymnets' (", output);
    }

    [Fact]
    public void Strict_references_make_a_missing_kind_an_error_from_the_flag_or_the_config()
    {
        var app = Write("app.yaml", App);
        var (code, output) = Run("validate", "--strict-references", app);
        Assert.Equal(1, code);
        Assert.Contains("app.yaml:7:12: error: spec.project: spec.project 'payments' names an AppProject that is not in the input (make sure Argo CD has it", output);

        Write(".okegitops.yaml", "strictReferences: true\n");
        Assert.Equal(1, Run("validate", app).Code);
        Assert.Equal(0, Run("validate", "--strict-references=false", app).Code);
    }

    [Fact]
    public void A_cluster_selector_follows_the_same_rule_as_every_other_reference()
    {
        var appset = Write("appset.yaml", ClusterSecretAndAppSet);
        var (code, output) = Run("validate", appset);
        Assert.True(code == 0, output);
        Assert.Contains("warning: spec.generators[0].clusters.selector: the cluster generator's selector matches no Argo CD cluster secret in the input (none of that kind is in the input)", output);
        Assert.Equal(1, Run("validate", "--strict-references", appset).Code);
    }

    [Fact]
    public void A_cluster_secret_made_by_an_external_secret_template_satisfies_a_selector()
    {
        Write("appset.yaml", ClusterSecretAndAppSet);
        Write("cluster.yaml", """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: cluster-fra
              namespace: argocd
            spec:
              secretStoreRef:
                name: vault
                kind: ClusterSecretStore
              target:
                template:
                  metadata:
                    labels:
                      argocd.argoproj.io/secret-type: cluster
                      fleet: production
              data:
              - secretKey: server
                remoteRef:
                  key: fra-server
            ---
            apiVersion: external-secrets.io/v1
            kind: ClusterSecretStore
            metadata:
              name: vault
            spec:
              provider:
                fake:
                  data: []
            """);
        var (code, output) = Run("validate", "--strict-references", _dir);
        Assert.True(code == 0, output);
        Assert.DoesNotContain("selector", output);
    }
}
