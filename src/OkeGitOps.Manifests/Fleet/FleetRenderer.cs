using System.Globalization;
using System.Text;
using OkeGitOps.Manifests.Intent.Argo;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Argo;
using OkeGitOps.Manifests.Models.Eso;
using OkeGitOps.Manifests.Repo;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// Turns a fleet into the files of its GitOps repository (layout in <see cref="FleetLayout"/>): the fleet is checked
/// and planned first (<see cref="FleetPlan.For"/>), so a bad fleet stops before any file exists; the files then go
/// through <see cref="RepoRenderer"/> like any other repository. No credential is written: cluster secrets are
/// ExternalSecrets that ESO fills from OCI Vault on the control plane.
/// </summary>
public static class FleetRenderer
{
    /// <summary>The AppProject every add-on Application belongs to.</summary>
    public const string Project = "fleet-addons";

    /// <summary>Label on every cluster secret naming its fleet.</summary>
    public const string FleetLabel = "okegitops.io/fleet";

    /// <summary>Label on every cluster secret naming the cluster's OCI region, for selectors such as <c>OnClustersLabelled(RegionLabel, "ap-tokyo-1")</c>.</summary>
    public const string RegionLabel = "okegitops.io/region";

    /// <summary>Prefix of the per-cluster add-on switch label (<c>addon.okegitops.io/&lt;add-on&gt;: enabled|disabled</c>).</summary>
    public const string AddOnLabelPrefix = "addon.okegitops.io/";

    /// <summary>Prefix of cluster-fact annotations on cluster secrets (<c>okegitops.io/cluster-ocid</c>, …).</summary>
    public const string FactAnnotationPrefix = "okegitops.io/";

    /// <summary>The ServiceAccount ESO authenticates to OCI Vault as (OKE Workload Identity), on every cluster.</summary>
    public const string VaultReader = "oci-vault-reader";

    /// <summary>The ClusterSecretStore name on every cluster and on the control plane.</summary>
    public const string StoreName = "oci-vault";

    private const string EsoNamespace = "external-secrets";
    private const string SyncWave = "argocd.argoproj.io/sync-wave";

    /// <summary>Renders the fleet, keeping clusters on the shards the previous output in <paramref name="previousOutput"/> gave them.</summary>
    /// <param name="fleet">The fleet.</param>
    /// <param name="previousOutput">The output folder of the previous render, if any.</param>
    /// <param name="expandApplicationSets">Expand the ApplicationSets against the cluster secrets (see <see cref="FleetPreview"/>).</param>
    public static FleetRender Render(OkeFleet fleet, string? previousOutput = null, bool expandApplicationSets = true)
        => Render(fleet, PreviousRender.Read(previousOutput), expandApplicationSets);

    /// <summary>Renders the fleet against a previous render.</summary>
    /// <param name="fleet">The fleet.</param>
    /// <param name="previous">The previous render.</param>
    /// <param name="expandApplicationSets">
    /// Expand the fleet's ApplicationSets against the Secrets its cluster ExternalSecrets will make, fail when one selects
    /// no cluster or renders an invalid Application, and list in the report what the expansion generates.
    /// </param>
    /// <exception cref="Diagnostics.ManifestValidationException">The fleet fails a check (see <see cref="FleetRules"/>).</exception>
    public static FleetRender Render(OkeFleet fleet, PreviousRender previous, bool expandApplicationSets = true)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(previous);
        var plan = FleetPlan.For(fleet, previous.Shards);
        var changes = FleetReport.Compare(plan, previous);
        var files = new List<RepoFile>(plan.Clusters.Count * (fleet.Applications == FleetApplications.ApplicationSets ? 4 : 6) + 16);
        var argo = fleet.ControlPlane.ArgoCd;
        var ns = argo.Namespace;

        // Control plane: Argo CD from its chart, how it is reached, the add-on project, ESO reading the fleet's vault.
        files.Add(RepoFile.Manifests(FleetLayout.Bootstrap, AppOfApps.Root("root", fleet.RepoURL, FleetLayout.ControlPlane, fleet.TargetRevision, @namespace: ns, recurse: true)));
        files.Add(RepoFile.Manifests("control-plane/argocd/argocd.yaml", ArgoCdChart.Application(plan)));
        var exposure = argo.Exposure.Manifests(ns);
        if (exposure.Count > 0) files.Add(RepoFile.Manifests("control-plane/argocd/exposure.yaml", [.. exposure]));
        files.Add(RepoFile.Manifests("control-plane/argocd/project.yaml", AddOnProject(fleet, ns)));
        var cp = fleet.ControlPlane;
        var cpIdentity = WorkloadIdentity.For(VaultReader, EsoNamespace, cp.ClusterOcid, cp.CompartmentOcid);
        var cpStore = OciVault.ClusterStore(StoreName, cp.VaultOcid, cp.Region).WithWorkloadIdentity(cpIdentity);
        files.Add(RepoFile.Manifests("control-plane/external-secrets/operator.yaml",
            ArgoApps.Application("external-secrets", AddOns.ExternalSecrets().Source.Source
                        .WithHelmValuesObject(AddOns.ExternalSecrets().Values), ArgoDestinations.InCluster(EsoNamespace), "default", ns)
                .WithMetadata(m => m.WithAnnotations(EquatableMap<string>.Create([new(SyncWave, "-1")])))
                .WithAutomatedSync()
                .WithSyncOptions(SyncOption.CreateNamespace, SyncOption.ServerSideApply)));
        files.Add(RepoFile.Manifests("control-plane/external-secrets/store.yaml", cpIdentity.ServiceAccount(), cpStore));

        // Add-ons: base values, then ApplicationSets or explicit Applications.
        foreach (var addOn in fleet.AddOns.Where(a => a.Values.Count > 0))
            files.Add(RepoFile.Text(FleetLayout.AddOnValues(addOn.Name), YamlEmitter.Emit(addOn.Values)));
        var configWave = plan.Waves.TryGetValue("external-secrets", out var esoWave) ? esoWave + 1 : 0;
        var appSets = new List<(string File, ManifestNode ApplicationSet)>();
        // An ApplicationSet may generate nothing when the fleet has no clusters yet, or when overrides turn its add-on
        // off on every cluster its selector picks; a selector that picks none of the fleet's clusters stays an error.
        var mayGenerateNothing = new HashSet<string>(StringComparer.Ordinal);
        if (fleet.Applications == FleetApplications.ApplicationSets)
        {
            foreach (var addOn in fleet.AddOns)
            {
                var file = $"control-plane/applicationsets/{addOn.Name}.yaml";
                appSets.Add((file, AddOnSet(fleet, plan, addOn, plan.Waves[addOn.Name], ns).ToNode()));
                if (fleet.Clusters.Count == 0 || (fleet.Clusters.Any(addOn.Selects) && !plan.Clusters.Any(p => p.AddOns.Any(a => a.AddOn.Name == addOn.Name))))
                    mayGenerateNothing.Add(file);
            }
            appSets.Add(("control-plane/applicationsets/cluster-config.yaml", ConfigSet(fleet, configWave, ns).ToNode()));
            if (fleet.Clusters.Count == 0) mayGenerateNothing.Add("control-plane/applicationsets/cluster-config.yaml");
            files.AddRange(appSets.Select(a => RepoFile.Nodes(a.File, a.ApplicationSet)));
        }
        var clusterSecrets = new List<ManifestNode>(plan.Clusters.Count);

        var policies = new StringBuilder();
        var cpPolicy = cpIdentity.PolicyText() + argo.Exposure.ControllerIdentity(cp)?.PolicyText();
        policies.Append(cpPolicy);
        files.Add(RepoFile.Text("oci-iam/control-plane.policy.txt", cpPolicy));
        foreach (var planned in plan.Clusters)
        {
            var c = planned.Cluster;
            var secret = ClusterSecret(fleet, planned, cpStore, ns);
            files.Add(RepoFile.Manifests(FleetLayout.ClusterSecret(c.Name), secret));
            if (expandApplicationSets && appSets.Count > 0) clusterSecrets.Add(FleetPreview.ClusterSecret(secret));

            // Per-cluster manifests are built when the file is rendered (in parallel there), so a large fleet never
            // holds all of its models at once.
            var identity = WorkloadIdentity.For(VaultReader, EsoNamespace, c.ClusterOcid, c.CompartmentOcid);
            files.Add(RepoFile.Deferred(FleetLayout.ClusterConfig(c.Name) + "/external-secrets.yaml",
                () => [identity.ServiceAccount(), OciVault.ClusterStore(StoreName, c.VaultOcid, c.Region).WithWorkloadIdentity(identity)]).ForCluster(c.Name));
            var policy = identity.PolicyText() + string.Concat(planned.AddOns
                .Where(a => a.AddOn.Identity is not null)
                .Select(a => a.AddOn.Identity!.On(c, a.AddOn.Namespace).PolicyText()));
            files.Add(RepoFile.Text($"oci-iam/{c.Name}.policy.txt", policy));
            policies.Append(policy);
            foreach (var a in planned.AddOns.Where(a => a.ClusterValues is { Count: > 0 }))
                files.Add(RepoFile.Text(FleetLayout.ClusterValues(c.Name, a.AddOn.Name), YamlEmitter.Emit(a.ClusterValues!)));

            if (fleet.Applications == FleetApplications.PerClusterApplications)
            {
                var apps = FleetLayout.ClusterApps(c.Name);
                files.Add(RepoFile.Deferred($"control-plane/cluster-apps/{c.Name}.yaml",
                    () => [AppOfApps.Root($"{c.Name}-apps", fleet.RepoURL, apps, fleet.TargetRevision, @namespace: ns)]));
                files.Add(RepoFile.Deferred($"{apps}/cluster-config.yaml", () => [ConfigApp(fleet, c.Name, configWave, ns)]));
                foreach (var a in planned.AddOns)
                    files.Add(RepoFile.Deferred($"{apps}/{a.AddOn.Name}.yaml", () => [AddOnApp(fleet, planned, a, ns)]));
            }
        }
        files.Add(RepoFile.Text("oci-iam/fleet.policy.txt", policies.ToString()));
        var expanded = expandApplicationSets && appSets.Count > 0 ? FleetPreview.Expand(appSets, clusterSecrets, mayGenerateNothing) : null;
        files.Add(RepoFile.Text(FleetLayout.Report, FleetReport.Write(plan, changes, previous, expanded)));
        return new FleetRender(files, plan, changes);
    }

    /// <summary>The annotation holding a cluster fact on the cluster secret.</summary>
    public static string FactAnnotation(ClusterFact fact) => FactAnnotationPrefix + fact switch
    {
        ClusterFact.Name => "name",
        ClusterFact.Region => "region",
        ClusterFact.ClusterOcid => "cluster-ocid",
        ClusterFact.CompartmentOcid => "compartment-ocid",
        _ => "lb-subnet-ocid",
    };

    /// <summary>The annotation pinning an add-on's version on one cluster.</summary>
    public static string VersionAnnotation(string addOn) => AddOnLabelPrefix + addOn + "-version";

    private static AppProject AddOnProject(OkeFleet fleet, string ns)
    {
        var repos = fleet.AddOns.Select(a => a.Source.RepoURL).Append(fleet.RepoURL).Distinct().Order(StringComparer.Ordinal).ToArray();
        var namespaces = fleet.AddOns.Select(a => a.Namespace).Append(EsoNamespace).Distinct().Order(StringComparer.Ordinal);
        // Destinations name the namespaces, not the clusters: one entry per cluster and namespace would outgrow the
        // size limit of a Kubernetes object long before 10,000 clusters. Add-on charts are operators, so they need
        // cluster-scoped kinds (CRDs, RBAC, webhooks).
        return ArgoProjects.LeastPrivilege(Project, ns, $"Add-ons of fleet {fleet.Name} on its clusters")
            .AllowSourceRepos(repos)
            .WithSpec(s => s with
            {
                Destinations = namespaces.Select(n => new ApplicationDestination { Name = "*", Namespace = n }).ToEquatableArray(),
                ClusterResourceWhitelist = new[] { new AppProjectSpecClusterResourceBlacklist { Group = "*", Kind = "*" } },
            });
    }

    private static ExternalSecret ClusterSecret(OkeFleet fleet, PlannedCluster planned, ClusterSecretStore store, string ns)
    {
        var c = planned.Cluster;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in c.Labels) labels[k] = v;
        labels["argocd.argoproj.io/secret-type"] = "cluster";
        labels[FleetLabel] = fleet.Name;
        labels[RegionLabel] = c.Region;
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var fact in new[] { ClusterFact.Region, ClusterFact.ClusterOcid, ClusterFact.CompartmentOcid, ClusterFact.LoadBalancerSubnetOcid })
        {
            if (c.Fact(fact) is { } value) annotations[FactAnnotation(fact)] = value;
        }
        foreach (var o in fleet.Overrides.Where(o => o.Cluster == c.Name))
        {
            if (o.Enabled is { } on) labels[AddOnLabelPrefix + o.AddOn] = on ? "enabled" : "disabled";
            if (o.Version is { } version) annotations[VersionAnnotation(o.AddOn)] = version;
        }
        return ExternalSecrets.From($"cluster-{c.Name}", ns, store)
            .WithRefreshInterval("1h")
            .AddData("server", $"argocd-cluster-{c.Name}-server")
            .AddData("config", $"argocd-cluster-{c.Name}-config")
            .WithTemplate(
                data: new Dictionary<string, string>
                {
                    ["name"] = c.Name,
                    ["server"] = "{{ .server }}",
                    ["config"] = "{{ .config }}",
                    ["shard"] = planned.Shard.ToString(CultureInfo.InvariantCulture),
                },
                labels: labels,
                annotations: annotations);
    }

    private static ApplicationSet AddOnSet(OkeFleet fleet, FleetPlan plan, AddOn addOn, int wave, string ns)
    {
        var label = AddOnLabelPrefix + addOn.Name;
        var bySelector = new ApplicationSetSpecGenerator
        {
            Clusters = new ApplicationSetSpecGeneratorClusters
            {
                Selector = new ApplicationSetSpecGeneratorSelector
                {
                    MatchLabels = EquatableMap<string>.Create(addOn.Selector.Append(new(FleetLabel, fleet.Name))),
                    MatchExpressions = new[] { new ApplicationSetSpecGeneratorSelectorMatchExpression { Key = label, Operator = "NotIn", Values = new[] { "enabled", "disabled" } } },
                },
            },
        };
        var switched = fleet.Overrides.Where(o => o.AddOn == addOn.Name && o.Enabled is not null).Select(o => o.Cluster).ToHashSet(StringComparer.Ordinal);
        var enabledSomewhere = fleet.Overrides.Any(o => o.AddOn == addOn.Name && o.Enabled == true);
        // Keep the selector generator unless every cluster it would pick is switched by hand and another generator exists
        // (a generator that matches no cluster secret is refused by the repository checks).
        var generators = new List<ApplicationSetSpecGenerator>();
        if (!enabledSomewhere || plan.Clusters.Any(c => addOn.Selects(c.Cluster) && !switched.Contains(c.Cluster.Name))) generators.Add(bySelector);
        if (enabledSomewhere)
            generators.Add(AppSetGenerators.Clusters(new Dictionary<string, string> { [FleetLabel] = fleet.Name, [label] = "enabled" }));
        var version = $"{{{{ index .metadata.annotations \"{VersionAnnotation(addOn.Name)}\" | default \"{addOn.Source.Version}\" }}}}";
        var parameters = addOn.ClusterParameters.Select(p => (p.Key, p.Value == ClusterFact.Name ? "{{ .name }}" : $"{{{{ index .metadata.annotations \"{FactAnnotation(p.Value)}\" }}}}"));
        var template = ArgoAppSets.Template($"{{{{ .name }}}}-{addOn.Name}", addOn.Source.Source, ArgoDestinations.Cluster("{{ .name }}", addOn.Namespace), Project, ns);
        template = template with
        {
            Metadata = template.Metadata! with
            {
                Annotations = EquatableMap<string>.Create([new(SyncWave, wave.ToString(CultureInfo.InvariantCulture))]),
                Labels = EquatableMap<string>.Create([new("okegitops.io/addon", addOn.Name)]),
            },
            Spec = AddOnSpec(template.Spec!, fleet, addOn, version, "{{ .name }}", parameters,
                clusterValues: fleet.Overrides.Any(o => o.AddOn == addOn.Name && o.Values is { Count: > 0 })),
        };
        return ArgoAppSets.Create(addOn.Name, template, [.. generators], ns)
            .WithMetadata(m => m.WithAnnotations(EquatableMap<string>.Create([new(SyncWave, wave.ToString(CultureInfo.InvariantCulture))])))
            .PreserveResourcesOnDeletion();
    }

    private static ApplicationSet ConfigSet(OkeFleet fleet, int wave, string ns)
    {
        var template = ArgoAppSets.Template("{{ .name }}-cluster-config",
            ArgoSources.Git(fleet.RepoURL, "clusters/{{ .name }}/config", fleet.TargetRevision),
            ArgoDestinations.Cluster("{{ .name }}", EsoNamespace), Project, ns);
        template = template with
        {
            Metadata = template.Metadata! with { Annotations = EquatableMap<string>.Create([new(SyncWave, wave.ToString(CultureInfo.InvariantCulture))]) },
            Spec = template.Spec! with { SyncPolicy = SyncPolicy() },
        };
        return ArgoAppSets.Create("cluster-config", template, [AppSetGenerators.Clusters(new Dictionary<string, string> { [FleetLabel] = fleet.Name })], ns)
            .WithMetadata(m => m.WithAnnotations(EquatableMap<string>.Create([new(SyncWave, wave.ToString(CultureInfo.InvariantCulture))])))
            .PreserveResourcesOnDeletion();
    }

    private static Application ConfigApp(OkeFleet fleet, string cluster, int wave, string ns)
        => ArgoApps.Application($"{cluster}-cluster-config", ArgoSources.Git(fleet.RepoURL, FleetLayout.ClusterConfig(cluster), fleet.TargetRevision),
                ArgoDestinations.Cluster(cluster, EsoNamespace), Project, ns)
            .WithMetadata(m => m.WithAnnotations(EquatableMap<string>.Create([new(SyncWave, wave.ToString(CultureInfo.InvariantCulture))])))
            .WithSpec(s => s with { SyncPolicy = SyncPolicy() });

    private static Application AddOnApp(OkeFleet fleet, PlannedCluster planned, PlannedAddOn a, string ns)
    {
        var c = planned.Cluster;
        var parameters = a.AddOn.ClusterParameters.Select(p => (p.Key, c.Fact(p.Value) ?? ""));
        return ArgoApps.Application($"{c.Name}-{a.AddOn.Name}", a.AddOn.Source.Source, ArgoDestinations.Cluster(c.Name, a.AddOn.Namespace), Project, ns)
            .WithMetadata(m => m with
            {
                Annotations = EquatableMap<string>.Create([new(SyncWave, a.Wave.ToString(CultureInfo.InvariantCulture))]),
                Labels = EquatableMap<string>.Create([new("okegitops.io/addon", a.AddOn.Name), new("okegitops.io/cluster", c.Name)]),
            })
            .WithSpec(s => AddOnSpec(s, fleet, a.AddOn, a.Version, c.Name, parameters, clusterValues: a.ClusterValues is { Count: > 0 }));
    }

    private static ApplicationSpec AddOnSpec(ApplicationSpec spec, OkeFleet fleet, AddOn addOn, string version, string cluster,
        IEnumerable<(string Name, string Value)> parameters, bool clusterValues)
    {
        var main = addOn.Source.Source with { TargetRevision = version };
        var isHelm = addOn.Source.Chart is not null || addOn.Values.Count > 0 || addOn.ClusterParameters.Count > 0 || clusterValues;
        if (!isHelm) return spec with { Source = main, SyncPolicy = SyncPolicy() };
        var files = new List<string>();
        if (addOn.Values.Count > 0) files.Add("$values/" + FleetLayout.AddOnValues(addOn.Name));
        if (clusterValues) files.Add("$values/" + FleetLayout.ClusterValues(cluster, addOn.Name));
        var parameterList = parameters.Select(p => new ApplicationSpecSourceHelmParameter { Name = p.Name, Value = p.Value }).ToArray();
        main = main with
        {
            Helm = new ApplicationSpecSourceHelm
            {
                ReleaseName = addOn.Name,
                ValueFiles = files.Count == 0 ? null : files.ToEquatableArray(),
                IgnoreMissingValueFiles = clusterValues && cluster.Contains("{{", StringComparison.Ordinal) ? true : null,
                Parameters = parameterList.Length == 0 ? null : parameterList.ToEquatableArray(),
            },
        };
        var sources = files.Count == 0
            ? new[] { main }
            : [main, new ApplicationSpecSource { RepoURL = fleet.RepoURL, TargetRevision = fleet.TargetRevision, Ref = "values" }];
        return spec with { Source = null, Sources = sources, SyncPolicy = SyncPolicy() };
    }

    private static ApplicationSpecSyncPolicy SyncPolicy() => new()
    {
        Automated = new ApplicationSpecSyncPolicyAutomated { Prune = true, SelfHeal = true },
        SyncOptions = new[] { "CreateNamespace=true", "ServerSideApply=true" },
    };
}
