using OkeGitOps.Manifests.Intent.Eso;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// The OKE cluster that runs Argo CD for the whole fleet, the vault holding the fleet's cluster credentials, and the
/// Argo CD install itself.
/// </summary>
public sealed record ControlPlane
{
    private ControlPlane(string region, string clusterOcid, string vaultOcid, string compartmentOcid)
    {
        Region = region;
        ClusterOcid = clusterOcid;
        VaultOcid = vaultOcid;
        CompartmentOcid = compartmentOcid;
    }

    /// <summary>The OCI region identifier.</summary>
    public string Region { get; init; }

    /// <summary>The control plane's OKE cluster OCID.</summary>
    public string ClusterOcid { get; init; }

    /// <summary>The vault that holds every fleet cluster's Argo CD credentials; in the control plane's region.</summary>
    public string VaultOcid { get; init; }

    /// <summary>The compartment (or tenancy) OCID of those secrets.</summary>
    public string CompartmentOcid { get; init; }

    /// <summary>Argo CD as installed on the control plane.</summary>
    public ArgoCdInstall ArgoCd { get; init; } = ArgoCdInstall.Default;

    /// <summary>Creates the control plane.</summary>
    public static ControlPlane In(string region, string clusterOcid, string vaultOcid, string compartmentOcid)
    {
        var r = OciRegions.Require(region, "controlPlane.region");
        Ocid.Require(clusterOcid, "controlPlane.clusterOcid", "cluster", "cluster");
        Ocid.Require(vaultOcid, "controlPlane.vaultOcid", "vault", "vault");
        Ocid.Require(compartmentOcid, "controlPlane.compartmentOcid", "compartment", "compartment", "tenancy");
        return new ControlPlane(r.Id, clusterOcid, vaultOcid, compartmentOcid);
    }

    /// <summary>Returns the control plane with its Argo CD install edited.</summary>
    public ControlPlane WithArgoCd(Func<ArgoCdInstall, ArgoCdInstall> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return this with { ArgoCd = edit(ArgoCd) };
    }
}
