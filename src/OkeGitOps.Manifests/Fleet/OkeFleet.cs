using OkeGitOps.Manifests.Intent;
using OkeGitOps.Manifests.Intent.Argo;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// The whole estate in one immutable description: a control plane running Argo CD, the OKE clusters it manages, the
/// add-ons they run, and per-cluster exceptions. <see cref="FleetRenderer"/> turns it into the GitOps repository.
/// </summary>
public sealed record OkeFleet
{
    private OkeFleet(string name, string repoURL, string targetRevision, ControlPlane controlPlane)
    {
        Name = name;
        RepoURL = repoURL;
        TargetRevision = targetRevision;
        ControlPlane = controlPlane;
    }

    /// <summary>The fleet's name; every cluster secret carries it as the label <c>okegitops.io/fleet</c>.</summary>
    public string Name { get; init; }

    /// <summary>The Git repository the rendered output is committed to and Argo CD reads.</summary>
    public string RepoURL { get; init; }

    /// <summary>The branch or revision Argo CD follows.</summary>
    public string TargetRevision { get; init; }

    /// <summary>The cluster running Argo CD.</summary>
    public ControlPlane ControlPlane { get; init; }

    /// <summary>The managed clusters, in the order given.</summary>
    public EquatableArray<FleetCluster> Clusters { get; init; } = EquatableArray<FleetCluster>.Empty;

    /// <summary>The add-ons, in the order given.</summary>
    public EquatableArray<AddOn> AddOns { get; init; } = EquatableArray<AddOn>.Empty;

    /// <summary>Per-cluster exceptions to add-ons.</summary>
    public EquatableArray<AddOnOverride> Overrides { get; init; } = EquatableArray<AddOnOverride>.Empty;

    /// <summary>ApplicationSets (default) or explicit per-cluster Applications.</summary>
    public FleetApplications Applications { get; init; } = FleetApplications.ApplicationSets;

    /// <summary>Creates an empty fleet.</summary>
    /// <param name="name">A DNS label naming the fleet, e.g. <c>production</c>.</param>
    /// <param name="repoURL">The GitOps repository Argo CD reads.</param>
    /// <param name="controlPlane">Where Argo CD runs.</param>
    /// <param name="targetRevision">The branch Argo CD follows.</param>
    public static OkeFleet Create(string name, string repoURL, ControlPlane controlPlane, string targetRevision = "HEAD")
    {
        IntentRules.RequireName(name, "name", "fleet name", label: true);
        ArgoSources.Git(repoURL, ".", targetRevision);
        ArgumentNullException.ThrowIfNull(controlPlane);
        return new OkeFleet(name, repoURL, targetRevision, controlPlane);
    }

    /// <summary>Returns the fleet with clusters added.</summary>
    public OkeFleet AddClusters(params FleetCluster[] clusters) => this with { Clusters = Clusters.AddRange(clusters) };

    /// <summary>Returns the fleet without the named cluster (and without its overrides).</summary>
    public OkeFleet RemoveCluster(string name)
        => this with
        {
            Clusters = Clusters.Where(c => c.Name != name).ToEquatableArray(),
            Overrides = Overrides.Where(o => o.Cluster != name).ToEquatableArray(),
        };

    /// <summary>Returns the fleet with add-ons added.</summary>
    public OkeFleet AddAddOns(params AddOn[] addOns) => this with { AddOns = AddOns.AddRange(addOns) };

    /// <summary>Returns the fleet with one add-on changed on one cluster.</summary>
    /// <param name="cluster">The cluster's name.</param>
    /// <param name="addOn">The add-on's name.</param>
    /// <param name="enabled">Force it on or off there; <c>null</c> follows the selector.</param>
    /// <param name="version">Another version there.</param>
    /// <param name="values">Extra Helm values there.</param>
    public OkeFleet Override(string cluster, string addOn, bool? enabled = null, string? version = null, MappingNode? values = null)
        => this with { Overrides = Overrides.Add(new AddOnOverride(cluster, addOn, enabled, version, values)) };

    /// <summary>Returns the fleet with its control plane edited.</summary>
    public OkeFleet WithControlPlane(Func<ControlPlane, ControlPlane> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return this with { ControlPlane = edit(ControlPlane) };
    }

    /// <summary>Returns the fleet rendered with the given kind of Applications.</summary>
    public OkeFleet WithApplications(FleetApplications applications) => this with { Applications = applications };
}
