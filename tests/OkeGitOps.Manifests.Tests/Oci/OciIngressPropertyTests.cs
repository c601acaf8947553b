using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tests.Oci.OciIngressTestSupport;
using static OkeGitOps.Manifests.Tests.Oci.OciTestSupport;

namespace OkeGitOps.Manifests.Tests.Oci;

/// <summary>For any valid native ingress settings, the class, parameters and Ingress read back to the same trees and
/// models, emit the same text every time, and pass the schema validator and the native ingress lint.</summary>
public class OciIngressPropertyTests
{
    private const int Runs = 100;

    private static readonly Gen<OciNativeIngressClassSettings> ClassSettings =
        from isPrivate in Gen.Elements(true, false)
        from min in Gen.Choose(10, 8000)
        from max in Gen.Choose(min, 8000)
        from waf in Gen.Elements(true, false)
        from nsgCount in Gen.Choose(0, 5)
        from tag in Gen.Elements("a", "yes", "0755", "x y", "café", "")
        from protect in Gen.Elements<bool?>(null, true, false)
        select Build(isPrivate, min, max, waf, nsgCount, tag, protect);

    private static OciNativeIngressClassSettings Build(bool isPrivate, int min, int max, bool waf, int nsgCount, string tag, bool? protect)
    {
        var s = (isPrivate ? OciNativeIngress.PrivateClass() : OciNativeIngress.PublicClass()).FlexibleBandwidth(min, max).WithFreeformTag("k", tag);
        if (waf) s = s.WithWafPolicy(Waf);
        if (nsgCount > 0) s = s.WithNetworkSecurityGroups(Enumerable.Range(0, nsgCount).Select(i => $"ocid1.networksecuritygroup.oc1.iad.aaaaaaaa{i}qfu3zrllpoiuq").ToArray());
        if (protect is { } p) s = s.WithDeleteProtection(p);
        return s;
    }

    private static readonly Gen<OciNativeIngressSettings> IngressSettings =
        from protocol in Gen.Elements(OciIngressProtocol.Http, OciIngressProtocol.Http2, OciIngressProtocol.Tcp)
        from policy in Gen.Elements(OciLoadBalancerPolicy.RoundRobin, OciLoadBalancerPolicy.LeastConnections, OciLoadBalancerPolicy.IpHash)
        from tls in Gen.Elements(true, false)
        from http in Gen.Elements(true, false)
        from interval in Gen.Choose(1000, 1800000)
        from retries in Gen.Choose(1, 10)
        from code in Gen.Choose(100, 599)
        from port in Gen.Choose(1, 65535)
        select Ingress(protocol, policy, tls || protocol == OciIngressProtocol.Http2, http, interval, retries, code, port);

    private static OciNativeIngressSettings Ingress(OciIngressProtocol protocol, OciLoadBalancerPolicy policy, bool tls, bool http, int interval, int retries, int code, int port)
    {
        var s = OciNativeIngress.IngressSettings().WithPolicy(policy).WithListenerPorts(http: port);
        if (tls) s = s.WithCertificate(Certificate);
        s = s.WithProtocol(protocol);
        var check = http && protocol != OciIngressProtocol.Tcp ? OciIngressHealthCheck.Http("/healthz", returnCode: code) : OciIngressHealthCheck.Tcp();
        return s.WithHealthCheck(check.WithTiming(intervalMilliseconds: interval, retries: retries));
    }

    private static void Holds(OciNativeIngressClass cls)
    {
        var nodes = cls.Manifests().Select(m => (ManifestNode)m.ToNode()).ToList();
        var yaml = YamlEmitter.EmitAll(nodes);
        Assert.Equal(yaml, YamlEmitter.EmitAll(cls.Manifests().Select(m => (ManifestNode)m.ToNode())));
        var read = YamlReader.ReadAll(yaml);
        for (var i = 0; i < nodes.Count; i++)
        {
            Assert.True(nodes[i].Equals(read[i].Root), yaml);
            Assert.DoesNotContain(Validator.Validate(read[i]), d => d.IsError);
            var lint = OciIngressLint.Check(read[i]);
            Assert.True(lint.All(d => !d.IsError), Format(lint) + "\n" + yaml);
        }
        Assert.Equal(cls.IngressClass, Models.Networking.IngressClass.FromNode(read[1].Root));
        Assert.Equal(cls.Parameters, Models.OciIngress.IngressClassParameters.FromNode(read[0].Root));
        Assert.Equal(cls.Ingresses[0], Models.Networking.Ingress.FromNode(read[2].Root));
        Assert.Empty(OciIngressLint.CheckAcross(read.Select(OciIngressFacts.From).OfType<OciIngressFacts>()));
    }

    [Property(MaxTest = Runs)]
    public Property Any_class_and_Ingress_round_trip_deterministically_and_pass_validation_and_lint()
        => Prop.ForAll(Arb.From(ClassSettings), Arb.From(IngressSettings), (c, i) => Holds(c.Build("oci", "ingress").Route(PlainIngress(), i)));

    [Property(MaxTest = Runs)]
    public Property Any_bandwidth_outside_the_range_fails_with_oci_ingress_bandwidth()
        => Prop.ForAll(Arb.From(Gen.OneOf(Gen.Choose(-1000, 9), Gen.Choose(8001, 100000))), Arb.From(Gen.Choose(10, 8000)), (bad, good) =>
        {
            var e = Throws(() => OciNativeIngress.PrivateClass().FlexibleBandwidth(Math.Min(bad, good), Math.Max(bad, good)));
            Assert.Contains(e.Diagnostics, d => d.Rule == OciRules.IngressBandwidth);
        });
}
