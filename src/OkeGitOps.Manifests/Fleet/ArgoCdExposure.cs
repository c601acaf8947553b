using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// How users and CI reach the Argo CD API on the control plane. Each kind of exposure says which manifests it adds
/// beside the chart and whether TLS ends in front of Argo CD (then <c>server.insecure</c> is set).
/// </summary>
public abstract record ArgoCdExposure
{
    private protected ArgoCdExposure()
    {
    }

    /// <summary>Whether TLS is terminated before traffic reaches argocd-server, so it must serve plain HTTP.</summary>
    public abstract bool TerminatesTls { get; }

    /// <summary>A short description for the fleet report.</summary>
    public abstract string Describe();

    /// <summary>The manifests the exposure adds in Argo CD's namespace.</summary>
    public abstract IReadOnlyList<IManifestModel> Manifests(string @namespace);

    /// <summary>
    /// An internal OCI flexible load balancer passing TCP through to argocd-server, which keeps serving TLS itself.
    /// </summary>
    public static ArgoCdExposure InternalLoadBalancer(int minMbps = 10, int maxMbps = 100) => new InternalLoadBalancerExposure(minMbps, maxMbps);
}
