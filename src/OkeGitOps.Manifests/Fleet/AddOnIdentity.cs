using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// The OCI permissions an add-on's pods use through OKE Workload Identity: the service account they run as (in the
/// add-on's namespace) and the grants it needs. The fleet writes the statements into each cluster's IAM policy file,
/// bound to that cluster's OCID and compartment, for every cluster the add-on lands on.
/// </summary>
/// <param name="ServiceAccount">The service account the add-on's chart runs its pods as.</param>
/// <param name="Permissions">Grants in the cluster's compartment, e.g. <c>manage load-balancers</c>.</param>
/// <param name="TenancyPermissions">Grants OCI only allows in the tenancy, e.g. <c>read public-ips</c>.</param>
public sealed record AddOnIdentity(string ServiceAccount, EquatableArray<string> Permissions, EquatableArray<string> TenancyPermissions)
{
    /// <summary>The identity on one cluster: its statements name the cluster and the add-on's namespace there.</summary>
    /// <param name="cluster">The cluster the add-on runs on.</param>
    /// <param name="namespace">The add-on's namespace.</param>
    /// <exception cref="Diagnostics.ManifestValidationException">A name, OCID or permission is not valid.</exception>
    public WorkloadIdentity On(FleetCluster cluster, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return WorkloadIdentity.For(ServiceAccount, @namespace, cluster.ClusterOcid, cluster.CompartmentOcid)
            .WithPermissions([.. Permissions])
            .WithTenancyPermissions([.. TenancyPermissions]);
    }
}
