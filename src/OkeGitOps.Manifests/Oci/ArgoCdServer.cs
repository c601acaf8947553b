using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models.Core;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// The <c>argocd-server</c> Service, exposed through an OCI load balancer with the annotation keys the CCM really reads.
/// The result is an ordinary typed Service, open to further edits.
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

    /// <summary>The Service without any load balancer: a selector and the https port 443 → 8080.</summary>
    private static Service Service(string @namespace)
        => Core.Service(ServiceName, @namespace: @namespace)
            .WithSpec(s => s
                .WithSelector("app.kubernetes.io/name", ServiceName)
                .AddPorts(new ServiceSpecPort { Name = "https", Port = 443, TargetPort = 8080 }));
}
