using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Core;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// How <c>argocd-server</c> is reached from outside the cluster, as one value: the manifests that expose it and the
/// Argo CD setting they imply. Both routes give this type, so a caller (such as a fleet description) can choose one
/// and render the result the same way: <see cref="ArgoCdServer.InternalLoadBalancerExposure"/> (a Service of type
/// LoadBalancer, read by the OCI cloud-controller-manager) and <see cref="ArgoCdServer.InternalIngress"/> (an Ingress of
/// the OCI native ingress controller, the only route that can carry a WAF policy).
/// </summary>
public sealed record ArgoCdServerExposure
{
    internal ArgoCdServerExposure(string @namespace, bool serverInsecure, EquatableArray<IManifestModel> manifests)
    {
        Namespace = @namespace;
        ServerInsecure = serverInsecure;
        ExposureManifests = manifests;
    }

    /// <summary>The namespace Argo CD runs in.</summary>
    public string Namespace { get; init; }

    /// <summary>
    /// Argo CD's <c>server.insecure</c>: true when TLS ends at the load balancer and the server must speak plain HTTP
    /// behind it; false when the server keeps its own TLS (end-to-end TLS, or TLS passed through).
    /// </summary>
    public bool ServerInsecure { get; init; }

    /// <summary>The manifests that expose the server (Service, or IngressClassParameters, IngressClass and Ingress).</summary>
    public EquatableArray<IManifestModel> ExposureManifests { get; init; }

    /// <summary>The native ingress class, when this exposure goes through the OCI native ingress controller.</summary>
    public OciNativeIngressClass? IngressClass { get; init; }

    /// <summary>The IAM identity (with its permissions) the native ingress controller needs, when one was given.</summary>
    public WorkloadIdentity? ControllerIdentity => IngressClass?.ControllerIdentity();

    /// <summary>
    /// <c>argocd-cmd-params-cm</c> carrying <c>server.insecure</c>, so the server's TLS matches the load balancer's. If
    /// your Argo CD installation already manages that ConfigMap, set the same key there instead.
    /// </summary>
    public ConfigMap CmdParams()
        => Core.ConfigMap("argocd-cmd-params-cm", Namespace)
            .WithMetadata(m => m.WithLabels("app.kubernetes.io/name", "argocd-cmd-params-cm").WithLabels("app.kubernetes.io/part-of", "argocd"))
            .WithData("server.insecure", ServerInsecure ? "true" : "false");

    /// <summary>Every manifest to commit: the exposure manifests, then <see cref="CmdParams"/>.</summary>
    public IReadOnlyList<IManifestModel> Manifests() => [.. ExposureManifests, CmdParams()];
}
