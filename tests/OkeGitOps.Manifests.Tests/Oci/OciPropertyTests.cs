using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OkeGitOps.Manifests.Models.Core;
using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;
using static OkeGitOps.Manifests.Tests.Oci.OciTestSupport;

namespace OkeGitOps.Manifests.Tests.Oci;

/// <summary>For any valid settings, the emitted Service reads back to the same tree, emits the same text every time,
/// and passes both the schema validator and the OCI lint.</summary>
public class OciPropertyTests
{
    private const int Runs = 150;

    private static readonly string[] Nsgs = Enumerable.Range(0, 5).Select(i => $"ocid1.networksecuritygroup.oc1.iad.aaaaaaaa{i}qfu3zrllpoiuqwbxpuyaaupt4").ToArray();

    private static Gen<T> Pick<T>(params T[] items) => Gen.Elements(items);

    private static Gen<Func<T, T>> Maybe<T>(Gen<Func<T, T>> step)
        => Gen.OneOf(Gen.Constant<Func<T, T>>(x => x), step);

    private static readonly Gen<string> TagText = Gen.Elements("a", "team", "Env", "cost-center", "yes", "0755", "x y", "café", "1e3", "");

    private static readonly Gen<OciLoadBalancerSettings> LbSettings =
        from isInternal in Gen.Elements(true, false)
        from min in Gen.Choose(10, 8000)
        from max in Gen.Choose(min, 8000)
        from fixedShape in Gen.Elements<OciFixedShape?>(null, OciFixedShape.Mbps100, OciFixedShape.Mbps400, OciFixedShape.Mbps8000)
        from nsgCount in Gen.Choose(0, 4)
        from policy in Maybe(Pick(OciLoadBalancerPolicy.RoundRobin, OciLoadBalancerPolicy.LeastConnections, OciLoadBalancerPolicy.IpHash)
            .Select(p => (Func<OciLoadBalancerSettings, OciLoadBalancerSettings>)(s => s.WithPolicy(p))))
        from health in Maybe(
            from interval in Gen.Choose(1000, 1800000)
            from retries in Gen.Choose(0, 10)
            from timeout in Gen.Choose(1, 60000)
            select (Func<OciLoadBalancerSettings, OciLoadBalancerSettings>)(s => s.WithHealthCheck(retries, interval, timeout)))
        from protocol in Pick(OciBackendProtocol.Tcp, OciBackendProtocol.Http, OciBackendProtocol.Grpc)
        from idle in Gen.Choose(1, 3600)
        from tagKey in TagText.Where(t => t.Length > 0)
        from tagValue in TagText
        from mode in Maybe(Pick(OciSecurityRuleMode.SecurityListAll, OciSecurityRuleMode.SecurityListFrontend, OciSecurityRuleMode.None)
            .Select(m => (Func<OciLoadBalancerSettings, OciLoadBalancerSettings>)(s => s.WithSecurityRuleManagementMode(m))))
        select BuildLb(isInternal, min, max, fixedShape, nsgCount, protocol, idle, tagKey, tagValue, s => mode(health(policy(s))));

    private static OciLoadBalancerSettings BuildLb(bool isInternal, int min, int max, OciFixedShape? fixedShape, int nsgCount,
        OciBackendProtocol protocol, int idle, string tagKey, string tagValue, Func<OciLoadBalancerSettings, OciLoadBalancerSettings> more)
    {
        var s = isInternal ? OciLoadBalancer.Internal() : OciLoadBalancer.Public();
        s = fixedShape is { } f ? s.FixedShape(f) : s.FlexibleShape(minMbps: min, maxMbps: max);
        if (nsgCount > 0) s = s.WithNetworkSecurityGroups(Nsgs.Take(nsgCount).ToArray());
        s = s.WithBackendProtocol(protocol).WithConnectionIdleTimeout(idle).WithFreeformTag(tagKey, tagValue);
        if (protocol == OciBackendProtocol.Grpc) s = s.WithSsl("apps/tls", 443);
        return more(s);
    }

    private static readonly Gen<(OciNetworkLoadBalancerSettings Settings, bool Local, bool Udp)> NlbSettings =
        from isInternal in Gen.Elements(true, false)
        from local in Gen.Elements(true, false)
        from preserve in Gen.Elements(true, false)
        from udp in Gen.Elements(true, false)
        from interval in Gen.Choose(10000, 1800000)
        from policy in Pick(OciNlbBackendPolicy.TwoTuple, OciNlbBackendPolicy.ThreeTuple, OciNlbBackendPolicy.FiveTuple)
        from listMode in Pick(OciSecurityListMode.All, OciSecurityListMode.Frontend, OciSecurityListMode.None)
        from nsgCount in Gen.Choose(0, 5)
        from tagKey in TagText.Where(t => t.Length > 0)
        from tagValue in TagText
        select (BuildNlb(isInternal, local && preserve, udp ? OciSecurityListMode.None : listMode, interval, policy, nsgCount, tagKey, tagValue), local, udp);

    private static OciNetworkLoadBalancerSettings BuildNlb(bool isInternal, bool preserve, OciSecurityListMode mode, int interval,
        OciNlbBackendPolicy policy, int nsgCount, string tagKey, string tagValue)
    {
        var s = (isInternal ? OciNetworkLoadBalancer.Internal() : OciNetworkLoadBalancer.Public())
            .WithSecurityListManagementMode(mode).WithHealthCheck(intervalMilliseconds: interval).WithBackendPolicy(policy)
            .WithDefinedTag("Ops", tagKey, tagValue);
        if (preserve) s = s.WithPreserveSource();
        if (nsgCount > 0) s = s.WithNetworkSecurityGroups(Nsgs.Take(nsgCount).ToArray());
        return s;
    }

    private static Service Web(bool local = false, bool udp = false)
    {
        var service = Core.Service("web", @namespace: "apps").WithSpec(s => s
            .WithSelector("app", "web")
            .AddPorts(new ServiceSpecPort { Name = "https", Port = 443, TargetPort = 8443 }));
        if (local) service = service.WithSpec(s => s.WithExternalTrafficPolicy("Local"));
        if (udp) service = service.WithSpec(s => s.AddPorts(new ServiceSpecPort { Name = "dns", Port = 53, Protocol = "UDP" }));
        return service;
    }

    private static void Holds(Service service)
    {
        var yaml = Emit(service);
        Assert.Equal(yaml, Emit(service));
        Assert.Equal(yaml, Emit(Models.Core.Service.FromNode(service.ToNode())));
        var read = YamlReader.ReadAll(yaml).Single();
        Assert.True(service.ToNode().Equals(read.Root), yaml);
        Assert.Equal(yaml, YamlEmitter.Emit(read.Root));
        Assert.DoesNotContain(Validate(service), d => d.IsError);
        var lint = OciServiceLint.Check(read);
        Assert.True(lint.Count == 0, Format(lint) + "\n" + yaml);
    }

    [Property(MaxTest = Runs)]
    public Property Any_lb_Service_round_trips_deterministically_and_passes_validation_and_lint()
        => Prop.ForAll(Arb.From(LbSettings), settings => Holds(Web().WithOciLoadBalancer(settings)));

    [Property(MaxTest = Runs)]
    public Property Any_nlb_Service_round_trips_deterministically_and_passes_validation_and_lint()
        => Prop.ForAll(Arb.From(NlbSettings), x => Holds(Web(x.Local, x.Udp).WithOciNetworkLoadBalancer(x.Settings)));

    [Property(MaxTest = Runs)]
    public Property Any_flexible_bounds_outside_the_range_fail_with_oci_flex_shape()
        => Prop.ForAll(Arb.From(Gen.OneOf(Gen.Choose(-1000, 9), Gen.Choose(8001, 100000))), Arb.From(Gen.Choose(10, 8000)), (bad, good) =>
        {
            var e = Throws(() => OciLoadBalancer.Internal().FlexibleShape(minMbps: bad, maxMbps: Math.Max(bad, good)));
            Assert.Contains(e.Diagnostics, d => d.Rule == OciRules.FlexShape);
        });
}
