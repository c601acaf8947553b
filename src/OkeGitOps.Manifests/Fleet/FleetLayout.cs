namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Where the fleet writes things in the repository. Argo CD's root Application syncs <c>control-plane/</c>; each
/// cluster's <c>cluster-config</c> Application syncs <c>clusters/&lt;name&gt;/config/</c>; values files and IAM policy
/// text are read by Argo CD's Helm sources and by people, never applied.
/// </summary>
public static class FleetLayout
{
    /// <summary>The app-of-apps root, applied once by hand (<c>kubectl apply -f bootstrap/</c>).</summary>
    public const string Bootstrap = "bootstrap/root.yaml";

    /// <summary>Everything that runs on the control plane: Argo CD, projects, ApplicationSets, cluster secrets.</summary>
    public const string ControlPlane = "control-plane";

    /// <summary>The file of a cluster's Argo CD cluster secret (an ExternalSecret).</summary>
    public static string ClusterSecret(string cluster) => $"control-plane/clusters/{cluster}.yaml";

    /// <summary>The folder a cluster's own manifests are synced from.</summary>
    public static string ClusterConfig(string cluster) => $"clusters/{cluster}/config";

    /// <summary>An add-on's values for every cluster.</summary>
    public static string AddOnValues(string addOn) => $"addons/{addOn}.values.yaml";

    /// <summary>An add-on's values for one cluster.</summary>
    public static string ClusterValues(string cluster, string addOn) => $"clusters/{cluster}/values/{addOn}.values.yaml";

    /// <summary>The explicit Applications of one cluster (<see cref="FleetApplications.PerClusterApplications"/>).</summary>
    public static string ClusterApps(string cluster) => $"apps/{cluster}";

    /// <summary>The report.</summary>
    public const string Report = "fleet-report.md";
}
