namespace OkeGitOps.Manifests.Cli.Tests.AppSets;

public sealed class ValidateExpandAppSetsTests : IDisposable
{
    private const string Cluster = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: cluster-fra
          namespace: argocd
          labels:
            argocd.argoproj.io/secret-type: cluster
            fleet: production
        stringData:
          name: oke-fra
          server: https://10.0.0.1:6443
        """;

    private const string AppSet = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: baseline
          namespace: argocd
        spec:
          goTemplate: true
          goTemplateOptions: ["missingkey=error"]
          generators:
          - clusters:
              selector:
                matchLabels:
                  fleet: production
          template:
            metadata:
              name: '{{.name}}-baseline'
            spec:
              project: default
              source:
                repoURL: https://git.example.com/platform.git
                targetRevision: main
                path: 'clusters/{{.name}}'
              destination:
                name: '{{.name}}'
                namespace: NAMESPACE
        """;

    private static readonly string Bad = AppSet.Replace("NAMESPACE", "platform", StringComparison.Ordinal)
        .Replace("'{{.name}}-baseline'", "'{{.name}}_Baseline'", StringComparison.Ordinal);

    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-expand-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out) Validate(string appset, params string[] extra)
    {
        File.WriteAllText(Path.Combine(_dir, "cluster.yaml"), Cluster);
        File.WriteAllText(Path.Combine(_dir, "appset.yaml"), appset);
        var stdout = new StringWriter();
        var code = CliRunner.Run(["validate", "--no-secret-check", "--no-reference-check", .. extra, _dir], TextReader.Null, stdout, new StringWriter());
        return (code, stdout.ToString());
    }

    [Fact]
    public void The_clock_and_seed_of_the_expansion_come_from_now_and_seed_or_the_config()
    {
        // Valid in every year but 1999, when the template renders a name the API server refuses.
        var dated = AppSet.Replace("NAMESPACE", "platform", StringComparison.Ordinal)
            .Replace("'{{.name}}-baseline'", "'{{.name}}-{{ if eq (now | date \"2006\") \"1999\" }}Bad_Name{{ else }}ok{{ end }}'", StringComparison.Ordinal);
        Assert.Contains("Bad_Name", dated, StringComparison.Ordinal);
        Assert.Equal(0, Validate(dated, "--expand-appsets", "--now", "2026-01-31T12:00:00Z", "--seed", "7").Code);
        var (code, output) = Validate(dated, "--expand-appsets", "--now", "1999-05-01T00:00:00Z");
        Assert.Equal(1, code);
        Assert.Contains("Bad_Name", output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_dir, ".okegitops.yaml"), "expandAppSets: true\nappSets:\n  now: \"1999-05-01T00:00:00+02:00\"\n  seed: 7\n");
        Directory.CreateDirectory(Path.Combine(_dir, ".git"));
        Assert.Equal(1, Validate(dated).Code);
        Assert.Equal(0, Validate(dated, "--now", "2026-01-31T12:00:00Z").Code);
        Assert.Equal(2, Validate(dated, "--now", "yesterday").Code);
    }

    [Fact]
    public void Without_the_flag_an_application_set_that_renders_invalid_applications_passes()
    {
        var (code, output) = Validate(Bad);
        Assert.Equal("", output);
        Assert.Equal(0, code);
    }

    [Fact]
    public void With_the_flag_the_generated_applications_are_validated_with_the_inputs_cluster_secrets()
    {
        var (good, goodOutput) = Validate(AppSet.Replace("NAMESPACE", "platform", StringComparison.Ordinal), "--expand-appsets");
        Assert.Equal("", goodOutput);
        Assert.Equal(0, good);

        var (code, output) = Validate(Bad, "--expand-appsets");
        Assert.Equal(1, code);
        Assert.Contains("appset.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("error: metadata.name: Application 'oke-fra_Baseline':", output, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_flag_a_selector_that_matches_no_cluster_is_a_warning()
    {
        var (code, output) = Validate(AppSet.Replace("NAMESPACE", "platform", StringComparison.Ordinal).Replace("fleet: production", "fleet: staging", StringComparison.Ordinal), "--expand-appsets");
        Assert.Equal(0, code);
        Assert.Contains("warning: spec.generators[0].clusters.selector: the clusters generator's selector matches no cluster Secret, so it generates no Application (cluster Secrets read: oke-fra;", output, StringComparison.Ordinal);
    }
}
