using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Oci;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Argo CD behind an internal OCI load balancer (<see cref="ArgoCdServer.InternalLoadBalancer"/>). The Service gets its
/// own name, <c>argocd-server-internal</c>, so it does not fight the chart over the chart's <c>argocd-server</c> Service.
/// </summary>
/// <param name="MinMbps">Minimum bandwidth of the flexible shape.</param>
/// <param name="MaxMbps">Maximum bandwidth of the flexible shape.</param>
public sealed record InternalLoadBalancerExposure(int MinMbps, int MaxMbps) : ArgoCdExposure
{
    /// <summary>The Service's name.</summary>
    public const string ServiceName = "argocd-server-internal";

    /// <inheritdoc />
    public override bool TerminatesTls => false;

    /// <inheritdoc />
    public override string Describe() => $"internal OCI load balancer, flexible {MinMbps}-{MaxMbps} Mbps (TLS served by argocd-server)";

    /// <inheritdoc />
    public override IReadOnlyList<IManifestModel> Manifests(string @namespace)
        => [ArgoCdServer.InternalLoadBalancer(@namespace, MinMbps, MaxMbps).WithMetadata(m => m with { Name = ServiceName })];
}
