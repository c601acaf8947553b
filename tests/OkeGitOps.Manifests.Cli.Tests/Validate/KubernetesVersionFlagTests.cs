namespace OkeGitOps.Manifests.Cli.Tests.Validate;

/// <summary><c>okegitops validate --kubernetes-version</c>: removed, deprecated and not-yet-served built-in apiVersions.</summary>
public sealed class KubernetesVersionFlagTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-k8s-version-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, new StringReader(""), stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString());
    }

    private const string Hpa = "kind: HorizontalPodAutoscaler\nmetadata:\n  name: web\n  namespace: apps\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  maxReplicas: 4\n";

    [Fact]
    public void A_removed_apiVersion_fails_naming_the_removing_version_and_the_replacement()
    {
        var file = Write("hpa.yaml", "apiVersion: autoscaling/v2beta2\n" + Hpa);
        var (code, output, _) = Run("validate", "--no-config", "--kubernetes-version", "1.33", file);
        Assert.Equal(1, code);
        Assert.Contains("hpa.yaml:1:13: error: apiVersion: autoscaling/v2beta2 HorizontalPodAutoscaler is not served by Kubernetes 1.33: it was removed in Kubernetes 1.26 (use apiVersion: autoscaling/v2)", output);
    }

    [Fact]
    public void A_deprecated_apiVersion_is_a_warning_and_exits_0()
    {
        var file = Write("ip.yaml", "apiVersion: networking.k8s.io/v1beta1\nkind: IPAddress\nmetadata:\n  name: 10.96.0.20\nspec:\n  parentRef:\n    resource: services\n    name: web\n    namespace: apps\n");
        var (code, output, _) = Run("validate", "--no-config", "--kubernetes-version", "1.34", file);
        Assert.Equal(0, code);
        Assert.Contains("ip.yaml:1:13: warning: apiVersion: networking.k8s.io/v1beta1 IPAddress is deprecated in Kubernetes 1.34 (use apiVersion: networking.k8s.io/v1)", output);
    }

    [Fact]
    public void An_apiVersion_only_a_newer_version_serves_fails_on_the_older_and_passes_on_the_newer()
    {
        var file = Write("dc.yaml", "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: gpu.example.com\nspec: {}\n");
        var (oldCode, oldOutput, _) = Run("validate", "--no-config", "--kubernetes-version", "1.33", file);
        Assert.Equal(1, oldCode);
        Assert.Contains("dc.yaml:1:13: error: apiVersion: resource.k8s.io/v1 DeviceClass is not served by Kubernetes 1.33; Kubernetes 1.34 is the first version to serve it", oldOutput);
        Assert.Equal(0, Run("validate", "--no-config", "--kubernetes-version", "1.34", file).Code);
        Assert.Equal(0, Run("validate", "--no-config", file).Code);
    }

    [Fact]
    public void An_unsupported_version_is_a_usage_error()
    {
        var file = Write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n");
        var (code, _, err) = Run("validate", "--no-config", "--kubernetes-version", "1.21", file);
        Assert.Equal(2, code);
        Assert.Equal("error: --kubernetes-version '1.21' is not supported; use one of 1.33, 1.34, 1.35\n", err.ReplaceLineEndings("\n"));
    }
}
