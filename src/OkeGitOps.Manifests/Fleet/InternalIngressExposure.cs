using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Oci;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Argo CD behind the OCI native ingress controller on a private load balancer with a WAF policy
/// (<see cref="ArgoCdServer.InternalIngress"/>). TLS ends at the load balancer, so argocd-server serves plain HTTP
/// (<c>server.insecure</c>), which the fleet sets in the chart's <c>configs.params</c>.
/// </summary>
/// <param name="Host">The host name users reach Argo CD at.</param>
/// <param name="CertificateOcid">The OCI Certificates certificate for the listener.</param>
/// <param name="WafPolicyOcid">The OCI WAF policy attached to the load balancer.</param>
/// <param name="ClassName">The IngressClass name.</param>
/// <param name="MinMbps">Minimum bandwidth of the flexible shape.</param>
/// <param name="MaxMbps">Maximum bandwidth of the flexible shape.</param>
public sealed record InternalIngressExposure(string Host, string CertificateOcid, string WafPolicyOcid, string ClassName = "argocd-internal",
    int MinMbps = 10, int MaxMbps = 100) : ArgoCdExposure
{
    /// <inheritdoc />
    public override bool TerminatesTls => true;

    /// <inheritdoc />
    public override string Describe()
        => $"OCI native ingress on a private load balancer with a WAF policy, host {Host} (TLS ends at the load balancer); "
           + "the control plane runs the OCI native ingress controller (the OKE cluster add-on), with its IAM statements in oci-iam/control-plane.policy.txt";

    /// <summary>
    /// The native ingress controller on the control plane (the OKE add-on or its chart, both run as
    /// <see cref="OciNativeIngressIam.ControllerServiceAccount"/>), with <c>manage waf-family</c> for the WAF policy.
    /// </summary>
    public override WorkloadIdentity? ControllerIdentity(ControlPlane controlPlane)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        var identity = WorkloadIdentity.For(OciNativeIngressIam.ControllerServiceAccount, OciNativeIngressIam.ControllerNamespace,
            controlPlane.ClusterOcid, controlPlane.CompartmentOcid);
        return OciNativeIngressIam.ForController(identity, waf: true);
    }

    /// <inheritdoc />
    public override IReadOnlyList<IManifestModel> Manifests(string @namespace)
        => [.. ArgoCdServer.InternalIngress(Host, CertificateOcid, WafPolicyOcid, @namespace, ClassName, MinMbps, MaxMbps).ExposureManifests];
}
