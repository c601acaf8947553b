namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// A fact about a fleet cluster that an add-on can pass to its Helm chart as a parameter. The fleet writes each fact
/// as an annotation on the cluster's Argo CD secret, and the ApplicationSet template reads it from there.
/// </summary>
public enum ClusterFact
{
    /// <summary>The cluster's name in Argo CD.</summary>
    Name,

    /// <summary>The OCI region identifier, e.g. <c>eu-frankfurt-1</c>.</summary>
    Region,

    /// <summary>The OKE cluster OCID.</summary>
    ClusterOcid,

    /// <summary>The compartment OCID of the cluster.</summary>
    CompartmentOcid,

    /// <summary>The subnet OCID for load balancers (<see cref="FleetCluster.WithLoadBalancerSubnet"/>).</summary>
    LoadBalancerSubnetOcid,
}
