using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models.Core;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// <c>argocd-server</c> exposed through OCI: as a Service of type LoadBalancer with the annotation keys the CCM really
/// reads, or through the OCI native ingress controller with a WAF policy. The results are ordinary typed models, open
/// to further edits.
/// </summary>
public static class ArgoCdServer
{
    /// <summary>The name of the Argo CD API/UI Service.</summary>
    public const string ServiceName = "argocd-server";

    /// <summary>
    /// <c>argocd-server</c> behind a private OCI Load Balancer with a flexible shape: port 443 (<c>https</c>) to the
    /// server's port 8080, selecting <c>app.kubernetes.io/name: argocd-server</c>.
    /// </summary>
    /// <param name="namespace">Where Argo CD runs.</param>
    /// <param name="minMbps">Lower bandwidth bound (10..8000).</param>
    /// <param name="maxMbps">Upper bandwidth bound (10..8000, at least <paramref name="minMbps"/>).</param>
    /// <param name="configure">Further load-balancer settings (subnet, NSGs, ...), applied to the internal flexible defaults.</param>
    /// <exception cref="ManifestValidationException">A bound or a further setting is not accepted.</exception>
    public static Service InternalLoadBalancer(string @namespace = "argocd", int minMbps = 10, int maxMbps = 100,
        Func<OciLoadBalancerSettings, OciLoadBalancerSettings>? configure = null)
    {
        var settings = OciLoadBalancer.Internal().FlexibleShape(minMbps: minMbps, maxMbps: maxMbps);
        if (configure is not null) settings = configure(settings);
        return Service(@namespace).WithOciLoadBalancer(settings);
    }

    /// <summary><see cref="InternalLoadBalancer"/> as an <see cref="ArgoCdServerExposure"/>: the server keeps its own TLS
    /// (the load balancer passes TCP through), so <c>server.insecure</c> is false.</summary>
    /// <exception cref="ManifestValidationException">A bound or a further setting is not accepted.</exception>
    public static ArgoCdServerExposure InternalLoadBalancerExposure(string @namespace = "argocd", int minMbps = 10, int maxMbps = 100,
        Func<OciLoadBalancerSettings, OciLoadBalancerSettings>? configure = null)
        => new(@namespace, serverInsecure: false, [InternalLoadBalancer(@namespace, minMbps, maxMbps, configure)]);

    /// <summary>
    /// <c>argocd-server</c> behind a private OCI load balancer of the OCI native ingress controller, protected by an
    /// OCI WAF policy: an IngressClass and its IngressClassParameters (private, flexible bandwidth), and an Ingress for
    /// <paramref name="host"/> whose listener serves an OCI Certificates certificate. The Argo CD setting is made to
    /// match: with <paramref name="backendTls"/> false (the default) TLS ends at the load balancer, the Ingress sends
    /// plain HTTP to the Service's port 80 and <c>server.insecure</c> is true; with true, the load balancer speaks TLS
    /// to port 443 and the server keeps its TLS (its certificate must then be trusted by the load balancer).
    /// The health check is HTTP on <c>/healthz</c>. The Argo CD CLI reaches the server through it with <c>--grpc-web</c>.
    /// </summary>
    /// <param name="host">The host name users reach Argo CD at, e.g. <c>argocd.internal.example.com</c>.</param>
    /// <param name="certificateOcid">The OCI Certificates certificate for <paramref name="host"/> (<c>ocid1.certificate…</c>).</param>
    /// <param name="wafPolicyOcid">The OCI WAF policy attached to the load balancer (<c>ocid1.webappfirewallpolicy…</c>).</param>
    /// <param name="namespace">Where Argo CD runs; the IngressClassParameters live there too.</param>
    /// <param name="className">The IngressClass name (one OCI load balancer).</param>
    /// <param name="minMbps">Lower bandwidth bound (10..8000).</param>
    /// <param name="maxMbps">Upper bandwidth bound (10..8000, at least <paramref name="minMbps"/>).</param>
    /// <param name="backendTls">Keep TLS between the load balancer and the server.</param>
    /// <param name="configureClass">Further class settings (subnet, NSGs, compartment, Workload Identity, ...).</param>
    /// <exception cref="ManifestValidationException">A value is not accepted by the controller or OCI.</exception>
    public static ArgoCdServerExposure InternalIngress(string host, string certificateOcid, string wafPolicyOcid,
        string @namespace = "argocd", string className = "argocd-internal", int minMbps = 10, int maxMbps = 100, bool backendTls = false,
        Func<OciNativeIngressClassSettings, OciNativeIngressClassSettings>? configureClass = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var classSettings = OciNativeIngress.PrivateClass().FlexibleBandwidth(minMbps, maxMbps).WithWafPolicy(wafPolicyOcid);
        if (configureClass is not null) classSettings = configureClass(classSettings);
        var ingressClass = classSettings.Build(className, @namespace);
        var settings = OciNativeIngress.IngressSettings()
            .WithCertificate(certificateOcid)
            .WithBackendTls(backendTls)
            .WithHealthCheck(OciIngressHealthCheck.Http("/healthz"));
        var port = backendTls ? 443 : 80;
        var ingress = Networking.Ingress(ServiceName, @namespace)
            .WithSpec(s => s with
            {
                Rules =
                [
                    new()
                    {
                        Host = host,
                        Http = new()
                        {
                            Paths =
                            [
                                new()
                                {
                                    Path = "/",
                                    PathType = "Prefix",
                                    Backend = new() { Service = new() { Name = ServiceName, Port = new() { Number = port } } },
                                },
                            ],
                        },
                    },
                ],
            });
        ingressClass = ingressClass.Route(ingress, settings);
        return new ArgoCdServerExposure(@namespace, serverInsecure: !backendTls, [.. ingressClass.Manifests()]) { IngressClass = ingressClass };
    }

    /// <summary>The Service without any load balancer: a selector and the https port 443 → 8080.</summary>
    private static Service Service(string @namespace)
        => Core.Service(ServiceName, @namespace: @namespace)
            .WithSpec(s => s
                .WithSelector("app.kubernetes.io/name", ServiceName)
                .AddPorts(new ServiceSpecPort { Name = "https", Port = 443, TargetPort = 8080 }));
}
