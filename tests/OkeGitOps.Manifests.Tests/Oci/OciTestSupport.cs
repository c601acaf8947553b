using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models.Core;
using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;
using System.Runtime.CompilerServices;

namespace OkeGitOps.Manifests.Tests.Oci;

internal static class OciTestSupport
{
    public const string Subnet = "ocid1.subnet.oc1.iad.aaaaaaaa4kq2rkhzmvbfylk2vnxbyvqzq6gnrwefbcxqkcbo3ahhn6gbzyya";
    public const string Subnet2 = "ocid1.subnet.oc1.iad.aaaaaaaa7f5ymvhcslbm3xrqxy2nlzjjsplpvgxaxkcwafmgbgm4uroorrva";
    public const string Nsg1 = "ocid1.networksecuritygroup.oc1.iad.aaaaaaaaqfu3zrllpoiuqwbxpuyaaupt4ewnvlpvyxf3uhtgkhqpy3uhnrqa";
    public const string Nsg2 = "ocid1.networksecuritygroup.oc1.iad.aaaaaaaab2sjq6v3qb6rbfvzmpc5nvjyb6jc2tonkd5t2bq7pwrbwsc7h4ha";
    public const string Compartment = "ocid1.compartment.oc1..aaaaaaaayhjifqs3whlfzrvsiyq6wnbrgvcbh5cclbkpqdihwmqxq3ytbjsa";

    public static readonly ManifestValidator Validator = new(SchemaRegistry.Default);

    public static string Format(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => $"{d.Rule} | {d}"));

    /// <summary>Lints a Service whose annotations and spec are given as YAML blocks (already indented by the caller's raw string).</summary>
    public static string Lint(string yaml) => Format(OciServiceLint.Check(YamlReader.ReadAll(yaml, "svc.yaml").Single()));

    /// <summary>A LoadBalancer Service (name web) with the given annotation lines and extra spec lines.</summary>
    public static string Service(string annotations, string spec = "ports:\n- name: https\n  port: 443\n  targetPort: 8443")
    {
        static string Indent(string text, string by) => string.Join("\n", text.Split('\n').Select(l => by + l));
        return "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n" + Indent(annotations, "    ") +
               "\nspec:\n  type: LoadBalancer\n" + Indent(spec, "  ") + "\n";
    }

    /// <summary>Exact comparison of diagnostic text, showing both texts in full on a mismatch.</summary>
    public static void Same(string expected, string actual)
        => Assert.True(expected == actual, $"Expected:\n{expected}\nActual:\n{actual}");

    public static string Emit(Service service) => YamlEmitter.Emit(service.ToNode());

    public static ManifestValidationException Throws(Action action) => Assert.Throws<ManifestValidationException>(action);

    public static string Format(ManifestValidationException e) => Format(e.Diagnostics);

    public static IReadOnlyList<Diagnostic> Validate(Service service) => Validator.Validate(new ManifestDocument(service.ToNode()));
}
