using k8s.Models;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;
using Service = OkeGitOps.Manifests.Models.Core.Service;

namespace OkeGitOps.Manifests.Tests.TypedModels;

public class KubernetesInteropTests
{
    private static V1Service SampleV1Service() => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta
        {
            Name = "argocd-server",
            NamespaceProperty = "argocd",
            Annotations = new Dictionary<string, string> { ["oci.oraclecloud.com/load-balancer-type"] = "lb" },
        },
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer",
            Selector = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "argocd-server" },
            Ports =
            [
                new V1ServicePort { Name = "https", Port = 443, TargetPort = 8080, Protocol = "TCP" },
                new V1ServicePort { Name = "grpc", Port = 8083, TargetPort = "server" },
            ],
        },
    };

    [Fact]
    public void V1Service_converts_to_the_typed_Service_with_every_field_typed()
    {
        var service = Service.FromKubernetes(SampleV1Service());
        Assert.Empty(service.GetExtraFields());
        Assert.Equal("argocd-server", service.Metadata!.Name);
        Assert.Equal("argocd", service.Metadata.Namespace);
        Assert.Equal("lb", service.Metadata.Annotations!["oci.oraclecloud.com/load-balancer-type"]);
        Assert.Equal(2, service.Spec!.Ports!.Count);
        Assert.Equal(443, service.Spec.Ports[0].Port);
        Assert.Equal(new OkeGitOps.Manifests.Models.IntOrString(8080), service.Spec.Ports[0].TargetPort);
        Assert.Equal(new OkeGitOps.Manifests.Models.IntOrString("server"), service.Spec.Ports[1].TargetPort);
    }

    [Fact]
    public void Typed_Service_converts_to_V1Service_and_back_unchanged()
    {
        var service = Core.Service("web", @namespace: "apps")
            .WithSpec(s => s
                .WithType("LoadBalancer")
                .WithSelector("app", "web")
                .AddPorts(new() { Name = "http", Port = 80, TargetPort = "http" }, new() { Name = "metrics", Port = 9090, TargetPort = 9090 }));
        var v1 = service.ToKubernetes();
        Assert.Equal("web", v1.Metadata.Name);
        Assert.Equal("apps", v1.Metadata.NamespaceProperty);
        Assert.Equal(80, v1.Spec.Ports[0].Port);
        Assert.Equal("http", v1.Spec.Ports[0].TargetPort.Value);
        Assert.Equal("9090", v1.Spec.Ports[1].TargetPort.Value);
        Assert.Equal(service, Service.FromKubernetes(v1));
    }

    [Fact]
    public void Other_core_kinds_convert_both_ways()
    {
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "s" }, Data = new Dictionary<string, byte[]> { ["k"] = "v"u8.ToArray() }, Type = "Opaque" };
        var typed = OkeGitOps.Manifests.Models.Core.Secret.FromKubernetes(secret);
        Assert.Empty(typed.GetExtraFields());
        Assert.Equal("dg==", typed.Data!["k"]);
        Assert.Equal("v"u8.ToArray(), typed.ToKubernetes().Data["k"]);

        var configMap = OkeGitOps.Manifests.Models.Core.ConfigMap.FromKubernetes(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" }, Data = new Dictionary<string, string> { ["a"] = "1" } });
        Assert.Equal("1", configMap.Data!["a"]);
        Assert.Equal("c", OkeGitOps.Manifests.Models.Core.Namespace.FromKubernetes(new V1Namespace { Metadata = new V1ObjectMeta { Name = "c" } }).Metadata!.Name);
        Assert.Equal("sa", OkeGitOps.Manifests.Models.Core.ServiceAccount.FromKubernetes(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "sa" } }).ToKubernetes().Metadata.Name);
    }

    public static TheoryData<string, int> BuiltInDocuments()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.EnumerateFiles(BuiltInFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var count = YamlReader.ReadAll(File.ReadAllText(file), file).Count;
            for (var i = 0; i < count; i++) data.Add(Path.GetFileName(file), i);
        }
        return data;
    }

    private static string BuiltInFolder => Path.Combine(TestPaths.RepoRoot, "tests", "OkeGitOps.Manifests.Tests", "Validation", "BuiltInKinds");

    [Theory]
    [MemberData(nameof(BuiltInDocuments))]
    public void Builtin_kinds_convert_to_their_KubernetesClient_type_and_back_unchanged(string file, int index)
    {
        var node = YamlReader.ReadAll(File.ReadAllText(Path.Combine(BuiltInFolder, file)), file)[index].Root;
        Func<ManifestNode, ManifestNode> roundTrip = ((MappingNode)node).GetString("kind") switch
        {
            "Deployment" => n => OkeGitOps.Manifests.Models.Apps.Deployment.FromKubernetes(OkeGitOps.Manifests.Models.Apps.Deployment.FromNode(n).ToKubernetes()).ToNode(),
            "StatefulSet" => n => OkeGitOps.Manifests.Models.Apps.StatefulSet.FromKubernetes(OkeGitOps.Manifests.Models.Apps.StatefulSet.FromNode(n).ToKubernetes()).ToNode(),
            "DaemonSet" => n => OkeGitOps.Manifests.Models.Apps.DaemonSet.FromKubernetes(OkeGitOps.Manifests.Models.Apps.DaemonSet.FromNode(n).ToKubernetes()).ToNode(),
            "Job" => n => OkeGitOps.Manifests.Models.Batch.Job.FromKubernetes(OkeGitOps.Manifests.Models.Batch.Job.FromNode(n).ToKubernetes()).ToNode(),
            "CronJob" => n => OkeGitOps.Manifests.Models.Batch.CronJob.FromKubernetes(OkeGitOps.Manifests.Models.Batch.CronJob.FromNode(n).ToKubernetes()).ToNode(),
            "Ingress" => n => OkeGitOps.Manifests.Models.Networking.Ingress.FromKubernetes(OkeGitOps.Manifests.Models.Networking.Ingress.FromNode(n).ToKubernetes()).ToNode(),
            "IngressClass" => n => OkeGitOps.Manifests.Models.Networking.IngressClass.FromKubernetes(OkeGitOps.Manifests.Models.Networking.IngressClass.FromNode(n).ToKubernetes()).ToNode(),
            "NetworkPolicy" => n => OkeGitOps.Manifests.Models.Networking.NetworkPolicy.FromKubernetes(OkeGitOps.Manifests.Models.Networking.NetworkPolicy.FromNode(n).ToKubernetes()).ToNode(),
            "PodDisruptionBudget" => n => OkeGitOps.Manifests.Models.Policies.PodDisruptionBudget.FromKubernetes(OkeGitOps.Manifests.Models.Policies.PodDisruptionBudget.FromNode(n).ToKubernetes()).ToNode(),
            "HorizontalPodAutoscaler" => n => OkeGitOps.Manifests.Models.Autoscaling.HorizontalPodAutoscaler.FromKubernetes(OkeGitOps.Manifests.Models.Autoscaling.HorizontalPodAutoscaler.FromNode(n).ToKubernetes()).ToNode(),
            "Role" => n => OkeGitOps.Manifests.Models.Rbac.Role.FromKubernetes(OkeGitOps.Manifests.Models.Rbac.Role.FromNode(n).ToKubernetes()).ToNode(),
            "ClusterRole" => n => OkeGitOps.Manifests.Models.Rbac.ClusterRole.FromKubernetes(OkeGitOps.Manifests.Models.Rbac.ClusterRole.FromNode(n).ToKubernetes()).ToNode(),
            "RoleBinding" => n => OkeGitOps.Manifests.Models.Rbac.RoleBinding.FromKubernetes(OkeGitOps.Manifests.Models.Rbac.RoleBinding.FromNode(n).ToKubernetes()).ToNode(),
            "ClusterRoleBinding" => n => OkeGitOps.Manifests.Models.Rbac.ClusterRoleBinding.FromKubernetes(OkeGitOps.Manifests.Models.Rbac.ClusterRoleBinding.FromNode(n).ToKubernetes()).ToNode(),
            var other => throw new InvalidOperationException($"no typed model for {other}"),
        };
        var model = ModelRegistry.Default.Find(((MappingNode)node).GetString("apiVersion")!, ((MappingNode)node).GetString("kind")!)!.FromNode(node);
        Assert.Empty(model.GetExtraFields());
        Assert.Equal(YamlEmitter.Emit(node), YamlEmitter.Emit(roundTrip(node)));
    }

    [Fact]
    public void Any_kubernetes_object_can_be_included_in_output_as_a_node()
    {
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "apps" },
            Spec = new V1DeploymentSpec
            {
                Replicas = 2,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                    Spec = new V1PodSpec
                    {
                        Containers = [new V1Container { Name = "web", Image = "nginx:1.27", Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m") } } }],
                    },
                },
            },
        };
        var node = (MappingNode)KubernetesInterop.FromKubernetesObject(deployment);
        // apiVersion and kind are filled in from the type when the object leaves them unset.
        Assert.Equal("apps/v1", node.GetString("apiVersion"));
        Assert.Equal("Deployment", node.GetString("kind"));
        Assert.Equal(2L, ((IntegerNode)node.At(NodePath.Parse("spec.replicas"))!).Value);
        Assert.Equal("500m", ((StringNode)node.At(NodePath.Parse("spec.template.spec.containers[0].resources.limits.cpu"))!).Value);
        Assert.Null(node.At(NodePath.Parse("status")));

        var yaml = YamlEmitter.Emit(node);
        Assert.StartsWith("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: apps\n", yaml);
        Assert.Equal(node, YamlReader.ReadAll(yaml).Single().Root);
    }

    [Fact]
    public void Included_V1Service_validates_like_any_other_document()
    {
        var node = KubernetesInterop.FromKubernetesObject(SampleV1Service());
        var errors = new ManifestValidator(SchemaRegistry.Default).Validate(new ManifestDocument(node)).Where(d => d.IsError);
        Assert.Empty(errors);
    }
}
