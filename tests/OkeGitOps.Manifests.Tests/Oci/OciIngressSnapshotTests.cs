using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Tests.Snapshots;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tests.Oci.OciIngressTestSupport;
using static OkeGitOps.Manifests.Tests.Oci.OciTestSupport;

namespace OkeGitOps.Manifests.Tests.Oci;

/// <summary>Every output of the native ingress helpers, snapshot-tested, schema-validated, linted and read back.</summary>
public class OciIngressSnapshotTests
{
    internal static void Check(IReadOnlyList<IManifestModel> manifests, string snapshot)
    {
        var nodes = manifests.Select(m => (ManifestNode)m.ToNode()).ToList();
        foreach (var node in nodes)
        {
            var doc = new ManifestDocument(node);
            var errors = Validator.Validate(doc).Where(d => d.IsError).ToList();
            Assert.True(errors.Count == 0, Format(errors));
            var lint = OciIngressLint.Check(doc);
            Assert.True(lint.Count == 0, Format(lint));
        }
        var yaml = YamlEmitter.EmitAll(nodes);
        var read = YamlReader.ReadAll(yaml, snapshot);
        Assert.Equal(nodes.Count, read.Count);
        for (var i = 0; i < nodes.Count; i++) Assert.True(nodes[i].Equals(read[i].Root), yaml);
        Assert.Empty(OciIngressLint.CheckAcross(read.Select(OciIngressFacts.From).OfType<OciIngressFacts>()));
        Snapshot.Match(yaml, snapshot);
    }

    [Fact]
    public void Argo_CD_server_behind_a_private_native_ingress_with_WAF_and_an_OCI_certificate()
    {
        var exposure = ArgoCdServer.InternalIngress("argocd.internal.example.com", Certificate, Waf, @namespace: "argocd",
            configureClass: c => c.WithSubnet(Subnet).WithCompartment(Compartment).WithNetworkSecurityGroups(Nsg1));
        Assert.True(exposure.ServerInsecure);
        Assert.Equal("true", exposure.CmdParams().Data!["server.insecure"]);
        Check(exposure.Manifests(), "argocd-server-internal-ingress");
    }

    [Fact]
    public void With_backend_TLS_the_server_keeps_its_TLS_and_the_Ingress_targets_443()
    {
        var exposure = ArgoCdServer.InternalIngress("argocd.internal.example.com", Certificate, Waf, backendTls: true);
        Assert.False(exposure.ServerInsecure);
        var ingress = Assert.IsType<Models.Networking.Ingress>(exposure.ExposureManifests[^1]);
        Assert.Equal("true", ingress.Metadata!.Annotations![OciNativeIngressAnnotations.BackendTlsEnabled]);
        Assert.Equal(443, ingress.Spec!.Rules![0].Http!.Paths![0].Backend!.Service!.Port!.Number);
        Assert.Equal("false", exposure.CmdParams().Data!["server.insecure"]);
    }

    [Fact]
    public void The_load_balancer_exposure_keeps_server_TLS()
    {
        var exposure = ArgoCdServer.InternalLoadBalancerExposure();
        Assert.False(exposure.ServerInsecure);
        Assert.Null(exposure.IngressClass);
        Assert.Equal(ArgoCdServer.InternalLoadBalancer().ToNode(), Assert.Single(exposure.ExposureManifests).ToNode());
    }

    [Fact]
    public void Public_class_with_every_IngressClass_annotation()
    {
        var identity = WorkloadIdentity.For("lb-controller", "ingress", Cluster, Compartment);
        var cls = OciNativeIngress.PublicClass()
            .FlexibleBandwidth(100, 1000)
            .WithCompartment(Compartment)
            .WithSubnet(Subnet)
            .WithLoadBalancerName("apps-public")
            .WithReservedPublicAddress("ocid1.publicip.oc1.iad.aaaaaaaareservedpublicipforapps")
            .WithWafPolicy(Waf)
            .WithNetworkSecurityGroups(Nsg1, Nsg2)
            .WithDefinedTag("Operations", "CostCenter", "42")
            .WithFreeformTag("team", "platform")
            .WithDeleteProtection()
            .AdoptingLoadBalancer("ocid1.loadbalancer.oc1.iad.aaaaaaaaexistingloadbalancerforapps")
            .WithWorkloadIdentity(identity)
            .AsDefaultClass()
            .Build("apps-public", "ingress");
        Check(cls.Manifests(), "native-ingress-class-public-every-annotation");
    }

    [Fact]
    public void Ingress_with_every_Ingress_annotation()
    {
        var settings = OciNativeIngress.IngressSettings()
            .WithProtocol(OciIngressProtocol.Http2)
            .WithPolicy(OciLoadBalancerPolicy.RoundRobin)
            .WithCertificate(Certificate)
            .WithBackendTls(true)
            .WithHealthCheck(OciIngressHealthCheck.Http("/healthz", returnCode: 204, port: 8080)
                .WithTiming(intervalMilliseconds: 5000, timeoutMilliseconds: 2000, retries: 2)
                .WithResponseRegex("^ok$")
                .WithForcePlaintext())
            .WithListenerPorts(http: 8080, https: 8443)
            .WithSessionPersistence(OciSessionPersistence.LoadBalancerCookie("X-Oracle-OCI-web", isSecure: true, isHttpOnly: true) with { MaxAgeInSeconds = 3600, Path = "/" });
        var cls = OciNativeIngress.PrivateClass().Build("oci", "ingress").Route(PlainIngress(), settings);
        Check(cls.Manifests(), "native-ingress-every-annotation");
    }

    [Fact]
    public void Controller_IAM_policy_with_WAF_and_defined_tags_is_the_corrected_statement_list()
    {
        var identity = WorkloadIdentity.For("oci-native-ingress-controller", "native-ingress-controller-system", Cluster, Compartment);
        var policy = OciNativeIngressIam.ForController(identity, waf: true, definedTags: true).PolicyText();
        // The upstream guide's leaf-certificate-versions line has no scope; ours has one, like every other line.
        Assert.Contains($"Allow any-user to manage leaf-certificate-versions in compartment id {Compartment} where all {{", policy);
        Assert.Contains("Allow any-user to manage waf-family in compartment id", policy);
        Assert.Contains("Allow any-user to read public-ips in tenancy where all {", policy);
        Assert.Contains("Allow any-user to use tag-namespaces in tenancy where all {", policy);
        Assert.All(policy.TrimEnd('\n').Split('\n'), line => Assert.Matches("^Allow any-user to [a-z]+ [a-z-]+ in (tenancy|compartment id ocid1\\.compartment\\.[^ ]+) where all \\{request\\.principal\\.type = 'workload', ", line));
        Snapshot.Match(policy, "native-ingress-controller-policy");
    }

    [Fact]
    public void Without_WAF_the_controller_policy_has_no_waf_family_grant()
    {
        var identity = WorkloadIdentity.For("oci-native-ingress-controller", "native-ingress-controller-system", Cluster, Compartment);
        var policy = OciNativeIngressIam.ForController(identity).PolicyText();
        Assert.DoesNotContain("waf-family", policy);
        Assert.DoesNotContain("tag-namespaces", policy);
        Assert.Equal(14, policy.Count(c => c == '\n'));
    }

    [Fact]
    public void The_class_gives_the_controller_identity_with_the_grants_it_needs()
    {
        var identity = WorkloadIdentity.For("lb-controller", "argocd", Cluster, Compartment);
        var exposure = ArgoCdServer.InternalIngress("argocd.internal.example.com", Certificate, Waf, configureClass: c => c.WithWorkloadIdentity(identity));
        var controller = exposure.ControllerIdentity!;
        Assert.Contains(OciNativeIngressIam.ManageWaf, controller.Permissions);
        Assert.Equal("lb-controller", exposure.IngressClass!.IngressClass.Metadata!.Annotations![OciNativeIngressAnnotations.WorkloadServiceAccount]);
    }
}
