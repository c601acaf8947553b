using OkeGitOps.Manifests.Intent.Eso;

namespace OkeGitOps.Manifests.Oci;

/// <summary>
/// The OCI IAM permissions the native ingress controller needs for its OKE Workload Identity principal, made on the
/// same <see cref="WorkloadIdentity"/> type ESO uses, so the statements name exactly the service account the
/// IngressClass names in <c>oci.oraclecloud.com/workload-service-account</c>.
/// </summary>
/// <remarks>
/// The controller's own guide lists the grants; its <c>leaf-certificate-versions</c> line leaves out the scope and is
/// not a valid statement as printed. Here every statement carries its scope: the compartment of the load balancer,
/// except <c>public-ips</c>, <c>floating-ips</c> and <c>tag-namespaces</c>, which OCI grants in the tenancy.
/// </remarks>
public static class OciNativeIngressIam
{
    /// <summary>The service account the controller runs as, in the Helm chart and in the OKE cluster add-on.</summary>
    public const string ControllerServiceAccount = "oci-native-ingress-controller";

    /// <summary>The namespace the controller runs in, in the Helm chart and in the OKE cluster add-on.</summary>
    public const string ControllerNamespace = "native-ingress-controller-system";


    /// <summary>Grants in the load balancer's compartment that every class needs (load balancer, network, certificates, cluster).</summary>
    public static IReadOnlyList<string> CompartmentPermissions { get; } =
    [
        "manage load-balancers",
        "use virtual-network-family",
        "manage cabundles",
        "manage cabundle-associations",
        "manage leaf-certificates",
        "manage leaf-certificate-versions",
        "read leaf-certificate-bundles",
        "manage certificate-associations",
        "read certificate-authorities",
        "manage certificate-authority-associations",
        "read certificate-authority-bundles",
        "read cluster-family",
    ];

    /// <summary>The grant a WAF policy on the IngressClass needs (the controller creates and deletes the firewall).</summary>
    public const string ManageWaf = "manage waf-family";

    /// <summary>Grants in the tenancy that every class needs (public and reserved IPs).</summary>
    public static IReadOnlyList<string> TenancyPermissions { get; } = ["read public-ips", "manage floating-ips"];

    /// <summary>The tenancy grant defined tags on the load balancer need.</summary>
    public const string UseTagNamespaces = "use tag-namespaces";

    /// <summary>
    /// <paramref name="identity"/> with exactly the permissions the controller needs: the compartment grants (plus
    /// <see cref="ManageWaf"/> when <paramref name="waf"/>) and the tenancy grants (plus <see cref="UseTagNamespaces"/>
    /// when <paramref name="definedTags"/>).
    /// </summary>
    /// <param name="identity">The controller's service account, namespace, cluster and the load balancer's compartment.</param>
    /// <param name="waf">A WAF policy is attached to a class of this controller.</param>
    /// <param name="definedTags">A class of this controller sets defined tags.</param>
    public static WorkloadIdentity ForController(WorkloadIdentity identity, bool waf = false, bool definedTags = false)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity
            .WithPermissions([.. CompartmentPermissions, .. waf ? [ManageWaf] : Array.Empty<string>()])
            .WithTenancyPermissions([.. TenancyPermissions, .. definedTags ? [UseTagNamespaces] : Array.Empty<string>()]);
    }
}
