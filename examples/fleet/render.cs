#:project ../../src/OkeGitOps.Manifests/OkeGitOps.Manifests.csproj

// The example fleet: one Argo CD control plane in Frankfurt managing OKE clusters in three OCI regions.
// `dotnet run examples/fleet/render.cs [--out DIR] [--check]` validates every manifest, then writes the whole GitOps
// repository at once (default ./out). Nothing is written when anything is invalid; --check is the CI drift check.
using OkeGitOps.Manifests.Intent.Argo;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models.Eso;
using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Repo;

const string GitRepo = "https://git.example.com/platform/gitops.git";
const string TenancyNamespace = "examplens";
const string Compartment = "ocid1.compartment.oc1..aaaaaaaaexamplecompartmentuniqueid000000000000000000000";

// The fleet: region → (OKE cluster OCID, OCI Vault OCID). Placeholders in the real OCID format.
var clusters = new (string Region, string Cluster, string Vault)[]
{
    ("eu-frankfurt-1", "ocid1.cluster.oc1.eu-frankfurt-1.aaaaaaaaexamplefrankfurtcluster0000000000000000000000", "ocid1.vault.oc1.eu-frankfurt-1.aaaaaaaaexamplefrankfurtvault000000000000000000000000"),
    ("us-ashburn-1", "ocid1.cluster.oc1.iad.aaaaaaaaexampleashburncluster000000000000000000000000000", "ocid1.vault.oc1.iad.aaaaaaaaexampleashburnvault0000000000000000000000000000000"),
    ("ap-tokyo-1", "ocid1.cluster.oc1.ap-tokyo-1.aaaaaaaaexampletokyocluster000000000000000000000000000", "ocid1.vault.oc1.ap-tokyo-1.aaaaaaaaexampletokyovault00000000000000000000000000000"),
};
var controlPlane = clusters[0];

// Validates every manifest, then writes the repository (or, with --check, only says what would change).
// Errors while building or validating are printed as `file: path: message (suggestion)`; nothing is written then.
return RepoCommand.Run(args, Fleet);

List<RepoFile> Fleet()
{
    var files = new List<RepoFile>();

    // Control plane: Argo CD behind an internal OCI load balancer, its project, and the root Application.
    files.Add(RepoFile.Manifests("control-plane/argocd/argocd-server-service.yaml", ArgoCdServer.InternalLoadBalancer()));
    files.Add(RepoFile.Manifests("control-plane/argocd/platform-project.yaml",
        ArgoProjects.LeastPrivilege("platform", description: "Baseline services on every fleet cluster")
            .AllowSourceRepos(GitRepo, "https://charts.external-secrets.io", "https://prometheus-community.github.io/helm-charts")
            .AllowDestinations([.. clusters.SelectMany(c => new[] { "external-secrets", "monitoring" }
                .Select(ns => ArgoDestinations.Cluster($"oke-{OciRegions.Get(c.Region).Key}", ns)))])
            .AllowClusterResources(("", "Namespace"), ("apiextensions.k8s.io", "CustomResourceDefinition"),
                ("rbac.authorization.k8s.io", "ClusterRole"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
                ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"), ("external-secrets.io", "ClusterSecretStore"))));
    files.Add(RepoFile.Manifests("bootstrap/root.yaml", AppOfApps.Root("root", GitRepo, "control-plane", recurse: true)));

    // Baseline on every fleet cluster, chosen by label: External Secrets and Prometheus, from their Helm charts.
    var fleetClusters = AppSetGenerators.Clusters(new Dictionary<string, string> { ["okegitops.example.com/fleet"] = "production" });
    files.Add(RepoFile.Manifests("control-plane/applicationsets/baseline.yaml",
        ArgoAppSets.Create("external-secrets",
                ArgoAppSets.Template("{{.name}}-external-secrets",
                    ArgoSources.Helm("https://charts.external-secrets.io", "external-secrets", "0.19.2"),
                    ArgoDestinations.Cluster("{{.name}}", "external-secrets"), project: "platform"),
                [fleetClusters])
            .PreserveResourcesOnDeletion(),
        ArgoAppSets.Create("monitoring",
                ArgoAppSets.Template("{{.name}}-monitoring",
                    ArgoSources.Helm("https://prometheus-community.github.io/helm-charts", "kube-prometheus-stack", "77.0.0"),
                    ArgoDestinations.Cluster("{{.name}}", "monitoring"), project: "platform"),
                [fleetClusters])
            .PreserveResourcesOnDeletion(),
        ArgoAppSets.Create("cluster-config",
                ArgoAppSets.Template("{{.name}}-cluster-config",
                    ArgoSources.Git(GitRepo, "clusters/{{.metadata.labels.region}}", "main"),
                    ArgoDestinations.Cluster("{{.name}}", "external-secrets"), project: "platform"),
                [fleetClusters])));

    // The control plane reads each cluster's Argo CD credentials from its own OCI Vault, so no credential is in Git.
    var controlIdentity = WorkloadIdentity.For("external-secrets", "external-secrets", controlPlane.Cluster, Compartment);
    var controlStore = OciVault.ClusterStore("oci-vault-control-plane", controlPlane.Vault, controlPlane.Region).WithWorkloadIdentity(controlIdentity);
    files.Add(RepoFile.Manifests("control-plane/external-secrets/store.yaml", controlIdentity.ServiceAccount(), controlStore));
    files.Add(RepoFile.Text("oci-iam/control-plane-external-secrets.policy.txt", controlIdentity.PolicyText()));
    files.Add(RepoFile.Manifests("control-plane/external-secrets/ocir-helm-repository.yaml",
        OcirRepositorySecret.ExternalSecret("ocir-charts", controlStore, controlPlane.Region, TenancyNamespace, "charts",
            "ocir-username", "ocir-auth-token", OcirRepositoryType.Helm)));

    foreach (var (region, cluster, vault) in clusters)
    {
        var key = OciRegions.Get(region).Key;

        // The Argo CD cluster secret for this cluster, assembled by ESO from Vault; its labels drive the ApplicationSets.
        files.Add(RepoFile.Manifests($"control-plane/clusters/{region}.yaml",
            ExternalSecrets.From($"cluster-{key}", "argocd", controlStore)
                .WithRefreshInterval("1h")
                .AddData("server", $"argocd-cluster-{key}-server")
                .AddData("config", $"argocd-cluster-{key}-config")
                .WithTemplate(
                    data: new Dictionary<string, string> { ["name"] = $"oke-{key}", ["server"] = "{{ .server }}", ["config"] = "{{ .config }}" },
                    labels: new Dictionary<string, string>
                    {
                        ["argocd.argoproj.io/secret-type"] = "cluster",
                        ["okegitops.example.com/fleet"] = "production",
                        ["region"] = region,
                    })));

        // In each cluster: ESO reads that region's Vault through OKE Workload Identity.
        var identity = WorkloadIdentity.For("external-secrets", "external-secrets", cluster, Compartment);
        var store = OciVault.ClusterStore($"oci-vault-{key}", vault, region).WithWorkloadIdentity(identity);
        files.Add(RepoFile.Manifests($"clusters/{region}/external-secrets/store.yaml", store).ForCluster(region));
        files.Add(RepoFile.Text($"oci-iam/{region}-external-secrets.policy.txt", identity.PolicyText()));
        files.Add(RepoFile.Manifests($"clusters/{region}/apps/db-credentials.yaml",
            ExternalSecrets.From("db-credentials", "production-app", store)
                .WithRefreshInterval("1h")
                .WithTarget("app-db-secret")
                .AddData("password", $"prod-db-password-{key}")).ForCluster(region));
    }
    return files;
}
