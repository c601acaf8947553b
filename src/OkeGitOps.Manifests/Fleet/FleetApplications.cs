namespace OkeGitOps.Manifests.Fleet;

/// <summary>How the fleet's add-ons become Argo CD Applications.</summary>
public enum FleetApplications
{
    /// <summary>One ApplicationSet per add-on with a cluster generator: a new cluster secret brings its baseline.</summary>
    ApplicationSets,

    /// <summary>
    /// Explicit Applications: per cluster an app-of-apps (<c>control-plane/cluster-apps/&lt;cluster&gt;.yaml</c>) over
    /// <c>apps/&lt;cluster&gt;/</c>, one Application per add-on. Every Application is in Git and can be reviewed.
    /// </summary>
    PerClusterApplications,
}
