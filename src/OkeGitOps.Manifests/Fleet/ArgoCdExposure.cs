using OkeGitOps.Manifests.Intent.Eso;
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
    /// The Workload Identity of a controller this exposure needs on the control plane, with the OCI grants it needs
    /// (written into the control plane's IAM policy file), or <c>null</c> when it needs none.
    /// </summary>
    /// <param name="controlPlane">The control plane cluster.</param>
    public virtual WorkloadIdentity? ControllerIdentity(ControlPlane controlPlane) => null;

    /// <summary>
    /// An internal OCI flexible load balancer passing TCP through to argocd-server, which keeps serving TLS itself.
    /// </summary>
    public static ArgoCdExposure InternalLoadBalancer(int minMbps = 10, int maxMbps = 100) => new InternalLoadBalancerExposure(minMbps, maxMbps);

    /// <summary>
    /// The OCI native ingress controller on a private load balancer with a WAF policy; TLS ends at the load balancer.
    /// The clusters' add-ons are unaffected; the control plane needs the controller itself (e.g. as an add-on there).
    /// </summary>
    public static ArgoCdExposure InternalIngress(string host, string certificateOcid, string wafPolicyOcid, string className = "argocd-internal",
        int minMbps = 10, int maxMbps = 100)
    {
        // Build once now so bad values fail where they are given.
        _ = Oci.ArgoCdServer.InternalIngress(host, certificateOcid, wafPolicyOcid, "argocd", className, minMbps, maxMbps);
        return new InternalIngressExposure(host, certificateOcid, wafPolicyOcid, className, minMbps, maxMbps);
    }
}
