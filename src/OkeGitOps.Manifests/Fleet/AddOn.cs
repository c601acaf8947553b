using OkeGitOps.Manifests.Intent;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Something every matching cluster runs: a pinned source, the namespace it goes to, its Helm values, the add-ons it
/// needs first (they become Argo CD sync waves) and the cluster labels it selects on (none: every cluster).
/// Start from the catalogue in <see cref="AddOns"/>.
/// </summary>
public sealed record AddOn
{
    private AddOn(string name, string @namespace, AddOnSource source)
    {
        Name = name;
        Namespace = @namespace;
        Source = source;
    }

    /// <summary>The add-on's name; it names its ApplicationSet and each cluster's Application (<c>&lt;cluster&gt;-&lt;name&gt;</c>).</summary>
    public string Name { get; init; }

    /// <summary>The namespace it is installed into on every cluster.</summary>
    public string Namespace { get; init; }

    /// <summary>Where it comes from, at a pinned version.</summary>
    public AddOnSource Source { get; init; }

    /// <summary>The Helm values for every cluster (written to <c>addons/&lt;name&gt;.values.yaml</c>).</summary>
    public MappingNode Values { get; init; } = MappingNode.Empty;

    /// <summary>Helm parameters filled in per cluster from facts about it (e.g. the cluster OCID).</summary>
    public EquatableMap<ClusterFact> ClusterParameters { get; init; } = EquatableMap<ClusterFact>.Empty;

    /// <summary>Add-ons that must be synced before this one.</summary>
    public EquatableArray<string> DependsOn { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Cluster labels a cluster must carry to get this add-on; empty means every cluster.</summary>
    public EquatableMap<string> Selector { get; init; } = EquatableMap<string>.Empty;

    /// <summary>
    /// The OCI permissions the add-on's pods need through OKE Workload Identity, if any; the fleet writes them into the
    /// IAM policy file of every cluster the add-on lands on.
    /// </summary>
    public AddOnIdentity? Identity { get; init; }

    /// <summary>Creates an add-on from any source.</summary>
    /// <param name="name">A DNS label of at most 40 characters, e.g. <c>external-secrets</c>.</param>
    /// <param name="namespace">The namespace it is installed into.</param>
    /// <param name="source">The pinned chart or Git path.</param>
    public static AddOn Create(string name, string @namespace, AddOnSource source)
    {
        IntentRules.RequireName(name, "addOns.name", "add-on name", label: true);
        if (name.Length > 40)
            throw IntentRules.Fail(IntentRules.Name, $"add-on name '{name}' is longer than 40 characters; it becomes part of label keys and Application names",
                "addOns.name", "use a shorter name, e.g. 'prometheus'");
        IntentRules.RequireName(@namespace, "addOns.namespace", "namespace", label: true);
        ArgumentNullException.ThrowIfNull(source);
        return new AddOn(name, @namespace, source);
    }

    /// <summary>Returns the add-on at another chart version or Git revision.</summary>
    public AddOn WithVersion(string version) => this with { Source = Source.WithVersion(version) };

    /// <summary>Returns the add-on installed into another namespace.</summary>
    public AddOn WithNamespace(string @namespace)
        => this with { Namespace = IntentRules.RequireName(@namespace, "addOns.namespace", "namespace", label: true) };

    /// <summary>Returns the add-on with its Helm values replaced.</summary>
    public AddOn WithValues(MappingNode values) => this with { Values = values ?? throw new ArgumentNullException(nameof(values)) };

    /// <summary>Returns the add-on with one top-level Helm value set.</summary>
    public AddOn WithValue(string key, ManifestNode value) => this with { Values = Values.Set(key, value) };

    /// <summary>Returns the add-on with a Helm parameter taken from a fact about each cluster.</summary>
    public AddOn WithClusterParameter(string parameter, ClusterFact fact)
        => this with { ClusterParameters = EquatableMap<ClusterFact>.Create(ClusterParameters.Where(p => p.Key != parameter).Append(new(parameter, fact))) };

    /// <summary>
    /// Returns the add-on whose pods, running as <paramref name="serviceAccount"/>, need these OCI grants through OKE
    /// Workload Identity. The statements are written per cluster, scoped to its compartment (and the tenancy for
    /// <paramref name="tenancyPermissions"/>) and bound to its cluster OCID, namespace and service account.
    /// </summary>
    /// <param name="serviceAccount">The service account the chart runs the pods as.</param>
    /// <param name="permissions">Grants in the cluster's compartment, e.g. <c>manage load-balancers</c>.</param>
    /// <param name="tenancyPermissions">Grants OCI only allows in the tenancy, e.g. <c>read public-ips</c>.</param>
    public AddOn WithWorkloadIdentity(string serviceAccount, IEnumerable<string> permissions, IEnumerable<string>? tenancyPermissions = null)
    {
        IntentRules.RequireName(serviceAccount, "addOns.identity.serviceAccount", "service account name");
        ArgumentNullException.ThrowIfNull(permissions);
        return this with { Identity = new AddOnIdentity(serviceAccount, permissions.ToEquatableArray(), (tenancyPermissions ?? []).ToEquatableArray()) };
    }

    /// <summary>Returns the add-on that waits for the named add-ons (a later sync wave).</summary>
    public AddOn After(params string[] addOns) => this with { DependsOn = DependsOn.AddRange([.. addOns.Where(a => !DependsOn.Contains(a)).Distinct()]) };

    /// <summary>Returns the add-on placed only on clusters carrying this label.</summary>
    public AddOn OnClustersLabelled(string key, string value)
        => this with { Selector = EquatableMap<string>.Create(Selector.Where(l => l.Key != key).Append(new(key, value))) };

    /// <summary>Whether a cluster's labels (and its region, as <see cref="FleetRenderer.RegionLabel"/>) match the selector, before per-cluster overrides.</summary>
    public bool Selects(FleetCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        foreach (var (key, value) in Selector)
        {
            var actual = key == FleetRenderer.RegionLabel ? cluster.Region : cluster.Labels.GetValueOrDefault(key);
            if (actual != value) return false;
        }
        return true;
    }
}
