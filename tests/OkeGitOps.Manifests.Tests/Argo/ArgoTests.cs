using OkeGitOps.Manifests.Intent.Argo;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Tests.Snapshots;
using OkeGitOps.Manifests.Tree;
using static OkeGitOps.Manifests.Tests.Eso.IntentAssert;

namespace OkeGitOps.Manifests.Tests.Argo;

public class ArgoTests
{
    private const string Repo = "https://github.com/example/gitops.git";

    [Fact]
    public void Git_application_with_sync_policy_retry_ignore_differences_and_finalizer()
        => Snapshot.Match(Emitted(ArgoApps.Application("guestbook", ArgoSources.Git(Repo, "apps/guestbook", "main"), ArgoDestinations.InCluster("guestbook"))
            .WithAutomatedSync(prune: true, selfHeal: true)
            .WithSyncOptions(SyncOption.CreateNamespace, SyncOption.ServerSideApply, SyncOption.PruneLast, SyncOption.CreateNamespace)
            .WithRetry(limit: 5, backoff: "5s", factor: 2, maxBackoff: "3m")
            .IgnoreDifferences("apps", "Deployment", jsonPointers: ["/spec/replicas"])
            .IgnoreDifferences("", "Secret", jqPathExpressions: [".data"], name: "generated")
            .WithResourcesFinalizer()), "application-git");

    [Fact]
    public void Helm_application_with_values_and_parameters_to_a_named_cluster()
        => Snapshot.Match(Emitted(ArgoApps.Application("external-secrets",
                ArgoSources.Helm("https://charts.external-secrets.io", "external-secrets", "0.17.0")
                    .WithHelmValuesObject(ManifestNode.Map(("installCRDs", ManifestNode.Boolean(true)), ("replicaCount", ManifestNode.Integer(2))))
                    .AddHelmParameters(("serviceAccount.name", "eso-service-account"))
                    .WithHelmReleaseName("external-secrets"),
                ArgoDestinations.Cluster("oke-fra-prod", "external-secrets"), project: "platform")
            .WithSyncOptions(SyncOption.CreateNamespace)), "application-helm");

    [Fact]
    public void Ocir_helm_application_uses_a_repo_url_without_scheme()
    {
        var source = ArgoSources.OcirHelm("us-ashburn-1", "axaxnpcrorw5", "charts", "payments", "1.4.2").WithHelmValues("replicaCount: 2\n");
        Assert.Equal("iad.ocir.io/axaxnpcrorw5/charts", source.RepoURL);
        Snapshot.Match(Emitted(ArgoApps.Application("payments", source, ArgoDestinations.InCluster("payments"))), "application-ocir-helm");
    }

    [Fact]
    public void Ocir_oci_artifact_application_uses_oci_scheme_and_dot_path()
        => Snapshot.Match(Emitted(ArgoApps.Application("payments", ArgoSources.OciArtifact("eu-frankfurt-1", "axaxnpcrorw5", "charts/payments", "1.4.2"),
            ArgoDestinations.InCluster("payments"))), "application-oci-artifact");

    [Fact]
    public void Kustomize_and_directory_sources()
    {
        Snapshot.Match(Emitted(ArgoApps.Application("overlay", ArgoSources.Kustomize(Repo, "overlays/prod", "v1.2.0", namePrefix: "prod-", "app=iad.ocir.io/ns/app:1.2.3"),
            ArgoDestinations.InCluster("app"))), "application-kustomize");
        Snapshot.Match(Emitted(ArgoApps.Application("manifests", ArgoSources.Directory(Repo, "manifests", recurse: true, include: "*.yaml", exclude: "{secret*.yaml}"),
            ArgoDestinations.InCluster("app"))), "application-directory");
    }

    [Fact]
    public void Multi_source_with_values_ref()
        => Snapshot.Match(Emitted(ArgoApps.Application("payments", ArgoSources.Git(Repo, "."), ArgoDestinations.InCluster("payments"))
            .WithSources(
                ArgoSources.OcirHelm("us-ashburn-1", "axaxnpcrorw5", "charts", "payments", "1.4.2").AddHelmValueFiles("$values/payments/values-prod.yaml"),
                ArgoSources.Git(Repo, ".", "main").AsRef("values"))), "application-multi-source");

    [Fact]
    public void Least_privilege_project()
        => Snapshot.Match(Emitted(ArgoProjects.LeastPrivilege("platform", description: "Platform add-ons on OKE")
            .AllowSourceRepos(Repo, "iad.ocir.io/axaxnpcrorw5/charts")
            .AllowDestinations(ArgoDestinations.InCluster("external-secrets"), ArgoDestinations.Cluster("oke-fra-prod", "monitoring"))
            .AllowClusterResources(("", "Namespace"), ("apiextensions.k8s.io", "CustomResourceDefinition"))
            .DenyClusterResources(("rbac.authorization.k8s.io", "ClusterRoleBinding"))
            .AllowNamespaceResources(("apps", "Deployment"), ("", "Service"), ("external-secrets.io", "ExternalSecret"))
            .DenyNamespaceResources(("", "ResourceQuota"))), "appproject-least-privilege");

    [Fact]
    public void ApplicationSet_with_matrix_of_git_directories_and_clusters()
    {
        var template = ArgoAppSets.Template("{{.name}}-{{.path.basename}}",
            ArgoSources.Git(Repo, "{{.path.path}}", "main"),
            new Models.Argo.ApplicationDestination { Server = "{{.server}}", Namespace = "{{.path.basename}}" }, project: "platform");
        Snapshot.Match(Emitted(ArgoAppSets.Create("addons", template,
            [AppSetGenerators.Matrix(
                AppSetGenerators.GitDirectories(Repo, "main", "addons/*", "!addons/legacy"),
                AppSetGenerators.Clusters(new Dictionary<string, string> { ["env"] = "prod" }))])
            .PreserveResourcesOnDeletion()), "applicationset-matrix");
    }

    [Fact]
    public void ApplicationSet_with_merge_of_list_and_git_files()
    {
        var template = ArgoAppSets.Template("{{.name}}", ArgoSources.Git(Repo, "apps/{{.name}}"), ArgoDestinations.Cluster("{{.cluster}}", "apps"));
        Snapshot.Match(Emitted(ArgoAppSets.Create("apps", template,
            [AppSetGenerators.Merge(["name"],
                AppSetGenerators.GitFiles(Repo, "main", "apps/*/config.json"),
                AppSetGenerators.List(new Dictionary<string, string> { ["name"] = "payments", ["cluster"] = "oke-iad-prod" }))])), "applicationset-merge");
    }

    [Fact]
    public void App_of_apps_root()
        => Snapshot.Match(Emitted(AppOfApps.Root("root", Repo, "clusters/oke-iad-prod/apps", recurse: true)), "app-of-apps-root");

    [Fact]
    public void Sync_options_are_exact_strings()
    {
        Assert.Equal("CreateNamespace=true", SyncOption.CreateNamespace.ToApiString());
        Assert.Equal("ServerSideApply=true", SyncOption.ServerSideApply.ToApiString());
        Assert.Equal("PruneLast=true", SyncOption.PruneLast.ToApiString());
        Assert.Equal("Validate=false", SyncOption.SkipSchemaValidation.ToApiString());
        foreach (var o in Enum.GetValues<SyncOption>())
        {
            var attr = typeof(SyncOption).GetField(o.ToString())!.GetCustomAttributes(typeof(Models.ApiValueAttribute), false).Cast<Models.ApiValueAttribute>().Single();
            Assert.Equal(attr.Value, o.ToApiString());
        }
    }

    [Fact]
    public void Rule_helm_repo_url_has_no_oci_scheme()
        => Assert.Equal(
            "argo-repo-url | error: spec.source.repoURL: 'oci://iad.ocir.io/ns/charts' has the oci:// scheme, which a Helm-type chart source (repoURL + chart) must not carry in Argo CD 3 (drop 'oci://' and keep repoURL + chart ('iad.ocir.io/ns/charts'), or use ArgoSources.OciArtifact for the oci:// form with path '.')",
            Fails(() => ArgoSources.Helm("oci://iad.ocir.io/ns/charts", "payments", "1.0.0")));

    [Fact]
    public void Rule_git_source_is_not_an_oci_registry_and_path_is_relative()
    {
        Assert.Equal(
            "argo-repo-url | error: spec.source.repoURL: 'oci://iad.ocir.io/ns/x' is an OCI registry, not a Git repository (use ArgoSources.OciArtifact or ArgoSources.OcirHelm)",
            Fails(() => ArgoSources.Git("oci://iad.ocir.io/ns/x", ".")));
        Assert.Equal(
            "argo-repo-url | error: spec.source.path: '../other' must be relative to the repository root and stay inside it (write it like 'clusters/prod' (no leading '/', no '..'))",
            Fails(() => ArgoSources.Git(Repo, "../other")));
    }

    [Fact]
    public void Rule_ocir_tenancy_namespace_and_region()
    {
        Assert.Equal(
            "oci-tenancy-namespace | error: spec.source.repoURL: 'ocid1.tenancy.oc1..aaaa' is not a tenancy (Object Storage) namespace (use the value of `oci os ns get` (lowercase letters and digits, e.g. 'axaxnpcrorw5'), not the tenancy name or OCID)",
            Fails(() => ArgoSources.OcirHelm("us-ashburn-1", "ocid1.tenancy.oc1..aaaa", "charts", "x", "1.0.0")));
        Assert.Equal(
            "oci-region | error: spec.source.repoURL: 'us-ashburn' is not a known OCI region identifier (did you mean 'us-ashburn-1'?)",
            Fails(() => ArgoSources.OcirHelm("us-ashburn", "ns", "charts", "x", "1.0.0")));
        Assert.Equal(
            "argo-repo-url | error: spec.source.repoURL: '/charts' is not an OCIR repository path: use lowercase letters, digits, '-', '_', '.' and '/' between parts (e.g. 'charts' or 'platform/charts')",
            Fails(() => ArgoSources.OcirHelm("iad", "ns", "/charts", "x", "1.0.0")));
    }

    [Fact]
    public void Rule_destination_names_server_or_name_not_both()
        => Assert.Equal(
            "argo-destination | error: spec.destination: the destination names both server 'https://kubernetes.default.svc' and cluster 'in-cluster'; Argo CD refuses that (keep one: ArgoDestinations.Server(...) or ArgoDestinations.Cluster(...))",
            Fails(() => ArgoApps.Application("a", ArgoSources.Git(Repo, "."), new Models.Argo.ApplicationDestination { Server = ArgoDestinations.InClusterServer, Name = "in-cluster", Namespace = "a" })));

    [Fact]
    public void Rule_multi_source_refs()
    {
        var app = ArgoApps.Application("a", ArgoSources.Git(Repo, "."), ArgoDestinations.InCluster("a"));
        Assert.Equal(
            "argo-source-ref | error: spec.sources[0].helm.valueFiles[0]: values file '$vals/prod.yaml' refers to ref 'vals', which no source declares (declared refs: values)",
            Fails(() => app.WithSources(ArgoSources.Helm("https://charts.example.com", "x", "1.0.0").AddHelmValueFiles("$vals/prod.yaml"), ArgoSources.Git(Repo, ".").AsRef("values"))));
        Assert.Equal(
            "argo-source-ref | error: spec.sources[1].ref: two sources have ref 'values' (give each ref a different name)",
            Fails(() => app.WithSources(ArgoSources.Git(Repo, ".").AsRef("values"), ArgoSources.Git(Repo, "b").AsRef("values"))));
    }

    [Fact]
    public void Rule_retry()
    {
        var app = ArgoApps.Application("a", ArgoSources.Git(Repo, "."), ArgoDestinations.InCluster("a"));
        Assert.Equal(
            "argo-retry | error: spec.syncPolicy.retry.backoff.maxDuration: maxDuration 5s is shorter than the first backoff 1m (use a maxDuration of at least 1m)",
            Fails(() => app.WithRetry(backoff: "1m", maxBackoff: "5s")));
        Assert.Equal(
            "argo-retry | error: spec.syncPolicy.retry.limit: retry limit -2 is below -1 (use -1 for no limit, or a positive count)",
            Fails(() => app.WithRetry(limit: -2)));
        Assert.Equal(
            "go-duration | error: spec.syncPolicy.retry.backoff.duration: '5 seconds' is not a duration: ' seconds' is not a unit; use h, m, s, ms, us or ns (there is no 'd': write 24h) (write a Go duration such as '1h', '15m', '1h30m' or '30s' (units h, m, s, ms, us, ns), or pass a TimeSpan)",
            Fails(() => app.WithRetry(backoff: "5 seconds")));
    }

    [Fact]
    public void Rule_least_privilege_refuses_wildcards()
    {
        var p = ArgoProjects.LeastPrivilege("p");
        Assert.Equal(
            "argo-project-wildcard | error: spec.sourceRepos[0]: a least-privilege project does not allow the wildcard source repository '*' (list each repository URL, or a glob such as 'https://git.example.com/team/*'; edit the AppProject model directly if a wildcard is really meant)",
            Fails(() => p.AllowSourceRepos("*")));
        Assert.Equal(
            "argo-project-wildcard | error: spec.clusterResourceWhitelist[0]: a least-privilege project does not allow the wildcard resource '*/*' (list each kind the project's Applications deploy (globs such as 'Cluster*' are fine); edit the AppProject model directly if a wildcard is really meant)",
            Fails(() => p.AllowClusterResources(("*", "*"))));
        Assert.Equal(
            "argo-project-wildcard | error: spec.destinations[0].namespace: a least-privilege project does not allow the wildcard destination namespace '*' (name each namespace, or a glob such as 'payments-*'; edit the AppProject model directly if a wildcard is really meant)",
            Fails(() => p.AllowDestinations(new Models.Argo.ApplicationDestination { Server = ArgoDestinations.InClusterServer, Namespace = "*" })));
    }

    [Fact]
    public void Rule_generator_shapes()
    {
        var g = AppSetGenerators.Clusters();
        Assert.Equal(
            "argo-generator-shape | error: matrix.generators: a matrix generator combines exactly two generators, not 3 (nest a second matrix to combine more)",
            Fails(() => AppSetGenerators.Matrix(g, g, g)));
        Assert.Equal(
            "argo-generator-shape | error: merge.mergeKeys: a merge generator needs at least one merge key (e.g. [\"server\"])",
            Fails(() => AppSetGenerators.Merge([], g, g)));
    }

    [Fact]
    public void Rule_ignore_differences_pointer()
        => Assert.Equal(
            "k8s-name | error: spec.ignoreDifferences[0].jsonPointers[0]: 'spec/replicas' is not a JSON pointer (JSON pointers start with '/', e.g. '/spec/replicas')",
            Fails(() => ArgoApps.Application("a", ArgoSources.Git(Repo, "."), ArgoDestinations.InCluster("a")).IgnoreDifferences("apps", "Deployment", jsonPointers: ["spec/replicas"])));
}
