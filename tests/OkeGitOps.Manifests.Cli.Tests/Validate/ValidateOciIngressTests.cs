namespace OkeGitOps.Manifests.Cli.Tests.Validate;

/// <summary><c>okegitops validate</c> runs the OCI native ingress lint per document and across files, and <c>--no-oci-lint</c> turns it off.</summary>
public sealed class ValidateOciIngressTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-ingress-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Out) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var code = CliRunner.Run(args, new StringReader(""), stdout, new StringWriter());
        return (code, stdout.ToString().ReplaceLineEndings("\n"));
    }

    private const string Class = """
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata:
          name: oci
        spec:
          controller: oci.oraclecloud.com/native-ingress-controller
          parameters: {apiGroup: ingress.oraclecloud.com, kind: IngressClassParameters, name: oci, scope: Namespace, namespace: ingress}
        ---
        apiVersion: ingress.oraclecloud.com/v1beta1
        kind: IngressClassParameters
        metadata:
          name: oci
          namespace: ingress
        spec:
          isPrivate: true
          minBandwidthMbps: 10
          maxBandwidthMbps: 100

        """;

    private static string Ingress(string name, string policy) => $"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: {name}
          namespace: apps
          annotations:
            oci-native-ingress.oraclecloud.com/policy: {policy}
        spec:
          ingressClassName: oci
          defaultBackend:
            service:
              name: web
              port:
                number: 80

        """;

    [Fact]
    public void Ingresses_in_different_files_that_disagree_on_a_shared_backend_set_fail_and_the_switch_turns_it_off()
    {
        Write("a-class.yaml", Class);
        Write("b-ingress.yaml", Ingress("a", "ROUND_ROBIN"));
        Write("c-ingress.yaml", Ingress("b", "IP_HASH"));
        var (code, output) = Run("validate", "-j", "1", _dir);
        Assert.Equal(1, code);
        Assert.Contains("c-ingress.yaml:7:5: error: metadata.annotations[\"oci-native-ingress.oraclecloud.com/policy\"]: backend set apps/web:80 is shared with Ingress apps/a (", output);
        var (offCode, offOutput) = Run("validate", "--no-oci-lint", _dir);
        Assert.Equal(0, offCode);
        Assert.Equal("", offOutput);
    }

    [Fact]
    public void An_IngressClass_whose_parameters_are_not_in_the_input_follows_the_reference_rule()
    {
        var typo = Write("class.yaml", Class.Replace("name: oci, scope: Namespace, namespace: ingress", "name: oci, scope: Namespace, namespace: ingres", StringComparison.Ordinal));
        var (code, output) = Run("validate", typo);
        Assert.Equal(1, code);
        Assert.Contains("class.yaml:7:87: error: spec.parameters.name: spec.parameters names IngressClassParameters 'ingres/oci', which is not in the input; the OCI native ingress controller would find no parameters for its load balancer (known IngressClassParameters: 'ingress/oci'", output);
        var alone = Write("class-alone.yaml", Class[..Class.IndexOf("---", StringComparison.Ordinal)]);
        var (aloneCode, aloneOutput) = Run("validate", alone);
        Assert.Equal(0, aloneCode);
        Assert.Contains("warning: spec.parameters.name: spec.parameters names IngressClassParameters 'ingress/oci', which is not in the input; the OCI native ingress controller would find no parameters for its load balancer (none of that kind is in the input)", aloneOutput);
    }

    [Fact]
    public void A_WAF_key_on_the_Ingress_is_reported_at_its_line()
    {
        var path = Write("ingress.yaml", Ingress("a", "ROUND_ROBIN").Replace("oci-native-ingress.oraclecloud.com/policy: ROUND_ROBIN", "oci-native-ingress.oraclecloud.com/waf-policy-ocid: x"));
        var (code, output) = Run("validate", path);
        Assert.Equal(1, code);
        Assert.Contains("ingress.yaml:7:5: error: metadata.annotations[\"oci-native-ingress.oraclecloud.com/waf-policy-ocid\"]: \"oci-native-ingress.oraclecloud.com/waf-policy-ocid\" belongs on the IngressClass", output);
    }
}
