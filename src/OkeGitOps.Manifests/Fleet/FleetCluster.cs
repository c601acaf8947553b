using OkeGitOps.Manifests.Intent;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// One OKE cluster that the control plane manages: where it is, the vault that holds its Argo CD credentials, and the
/// labels that decide which add-ons it gets. Names, regions and OCIDs are checked when the cluster is created;
/// conflicts with other clusters are checked by the fleet.
/// </summary>
public sealed record FleetCluster
{
    private FleetCluster(string name, string region, string clusterOcid, string vaultOcid, string compartmentOcid)
    {
        Name = name;
        Region = region;
        ClusterOcid = clusterOcid;
        VaultOcid = vaultOcid;
        CompartmentOcid = compartmentOcid;
    }

    /// <summary>The cluster's name in Argo CD and in the repository (<c>clusters/&lt;name&gt;/</c>); a DNS label.</summary>
    public string Name { get; init; }

    /// <summary>The OCI region identifier, e.g. <c>us-ashburn-1</c>.</summary>
    public string Region { get; init; }

    /// <summary>The OKE cluster OCID.</summary>
    public string ClusterOcid { get; init; }

    /// <summary>The OCI Vault OCID holding this cluster's secrets; it must be in the cluster's region.</summary>
    public string VaultOcid { get; init; }

    /// <summary>The compartment (or tenancy) OCID whose secrets the cluster's workload identity may read.</summary>
    public string CompartmentOcid { get; init; }

    /// <summary>Labels on the cluster's Argo CD secret; add-on selectors match on them.</summary>
    public EquatableMap<string> Labels { get; init; } = EquatableMap<string>.Empty;

    /// <summary>The subnet OCID for load balancers in this cluster, passed to add-ons that ask for it; optional.</summary>
    public string? LoadBalancerSubnetOcid { get; init; }

    /// <summary>A shard chosen by hand; <c>null</c> lets the fleet balance it. Must be below the controller replica count.</summary>
    public int? Shard { get; init; }

    /// <summary>Creates a cluster.</summary>
    /// <param name="name">Its name in Argo CD, a DNS label such as <c>prod-fra</c>.</param>
    /// <param name="region">The OCI region identifier or key (<c>eu-frankfurt-1</c> or <c>fra</c>).</param>
    /// <param name="clusterOcid">The OKE cluster OCID.</param>
    /// <param name="vaultOcid">The OCI Vault holding its secrets, in the same region.</param>
    /// <param name="compartmentOcid">The compartment (or tenancy) OCID its secrets live in.</param>
    public static FleetCluster Create(string name, string region, string clusterOcid, string vaultOcid, string compartmentOcid)
    {
        IntentRules.RequireName(name, "name", "cluster name", label: true);
        var r = OciRegions.Require(region, "region");
        Ocid.Require(clusterOcid, "clusterOcid", "cluster", "cluster");
        Ocid.Require(vaultOcid, "vaultOcid", "vault", "vault");
        Ocid.Require(compartmentOcid, "compartmentOcid", "compartment", "compartment", "tenancy");
        return new FleetCluster(name, r.Id, clusterOcid, vaultOcid, compartmentOcid);
    }

    /// <summary>Returns the cluster with a label added or replaced.</summary>
    public FleetCluster WithLabel(string key, string value)
        => this with { Labels = EquatableMap<string>.Create(Labels.Where(l => l.Key != key).Append(new(key, value))) };

    /// <summary>Returns the cluster with several labels added or replaced.</summary>
    public FleetCluster WithLabels(params (string Key, string Value)[] labels)
        => labels.Aggregate(this, (c, l) => c.WithLabel(l.Key, l.Value));

    /// <summary>Returns the cluster pinned to a controller shard (0-based).</summary>
    public FleetCluster PinShard(int shard) => this with { Shard = shard };

    /// <summary>Returns the cluster with the subnet its load balancers go into.</summary>
    public FleetCluster WithLoadBalancerSubnet(string subnetOcid)
    {
        Ocid.Require(subnetOcid, "loadBalancerSubnetOcid", "subnet", "subnet");
        return this with { LoadBalancerSubnetOcid = subnetOcid };
    }

    /// <summary>The value of a fact about this cluster, or <c>null</c> when it is not set.</summary>
    public string? Fact(ClusterFact fact) => fact switch
    {
        ClusterFact.Name => Name,
        ClusterFact.Region => Region,
        ClusterFact.ClusterOcid => ClusterOcid,
        ClusterFact.CompartmentOcid => CompartmentOcid,
        ClusterFact.LoadBalancerSubnetOcid => LoadBalancerSubnetOcid,
        _ => null,
    };
}
