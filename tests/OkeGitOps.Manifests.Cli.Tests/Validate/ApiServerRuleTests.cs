namespace OkeGitOps.Manifests.Cli.Tests.Validate;

/// <summary><c>okegitops validate</c> applies the API server's rules for built-in kinds, with the file location of each finding.</summary>
public sealed class ApiServerRuleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-apiserver-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var code = CliApp.Run(args, new StringReader(""), stdout, new StringWriter());
        return (code, stdout.ToString().ReplaceLineEndings("\n"));
    }

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: apps}
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {memory: 1Gi}}
        """;

    [Fact]
    public void A_valid_deployment_passes()
    {
        var path = Path.Combine(_dir, "web.yaml");
        File.WriteAllText(path, Deployment);
        var (code, output) = Run("validate", path);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void A_selector_that_misses_the_template_and_a_bad_quantity_fail_with_file_line_and_column()
    {
        var path = Path.Combine(_dir, "web.yaml");
        File.WriteAllText(path, Deployment.Replace("matchLabels: {app: web}", "matchLabels: {app: api}").Replace("memory: 1Gi}, limits", "memory: 1.5.5Gi}, limits"));
        var (code, output) = Run("validate", path);
        Assert.True(code == 1, output);
        Assert.Contains($"{path}:6:5: error: spec.selector: the selector (app=api) does not match the template's labels (app=web); the Deployment would own no pods", output);
        Assert.True(output.Contains($"{path}:13:53: error: spec.template.spec.containers[0].resources.requests.memory: \"1.5.5Gi\" is not a quantity", StringComparison.Ordinal), output);
    }
}
