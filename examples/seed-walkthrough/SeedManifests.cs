using OkeGitOps.Manifests.Intent.Argo;
using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Repo;

namespace SeedWalkthrough;

/// <summary>
/// Every manifest of the article "Architecting Enterprise GitOps: Scaling Argo CD on OKE", written so that it
/// works on OKE. The article's OCIDs are cut short ("amaaaaaa…"); complete placeholders stand in for them.
/// </summary>
public static class SeedManifests
{
    // Placeholders in the real OCID format; replace them with your own.
    public const string ClusterOcid = "ocid1.cluster.oc1.iad.aaaaaaaaexampleclusteruniqueid0000000000000000000000000";
    public const string VaultOcid = "ocid1.vault.oc1.iad.aaaaaaaaexamplevaultuniqueid00000000000000000000000000000";
    public const string CompartmentOcid = "ocid1.compartment.oc1..aaaaaaaaexamplecompartmentuniqueid000000000000000000000";
    public const string CertificateOcid = "ocid1.certificate.oc1.iad.amaaaaaaexamplecertificateuniqueid00000000000000000000";
    public const string WafPolicyOcid = "ocid1.webappfirewallpolicy.oc1.iad.amaaaaaaexamplewafpolicyuniqueid000000000000000000";
    public const string SubnetOcid = "ocid1.subnet.oc1.iad.aaaaaaaaexamplesubnetuniqueid0000000000000000000000000000";

    /// <summary>The files the walkthrough writes.</summary>
    public static IReadOnlyList<RepoFile> Files()
    {
        // "Hardening the Argo CD Deployment": an internal, flexible 10-100 Mbps OCI load balancer for argocd-server,
        // with the annotation keys the OCI cloud-controller-manager actually reads.
        var argocdServer = ArgoCdServer.InternalLoadBalancer(@namespace: "argocd", minMbps: 10, maxMbps: 100);

        // "The Secrets Challenge": ESO authenticates to OCI Vault with OKE Workload Identity. One object gives the
        // ServiceAccount, the store's serviceAccountRef and the IAM policy, so the three cannot disagree.
        var identity = WorkloadIdentity.For("eso-service-account", "external-secrets", ClusterOcid, CompartmentOcid);
        var store = OciVault.ClusterStore("oci-vault-store", VaultOcid, "us-ashburn-1").WithWorkloadIdentity(identity);

        var dbCredentials = ExternalSecrets.From("db-credentials", "production-app", store)
            .WithRefreshInterval("1h")
            .WithTarget("app-db-secret")
            .AddData("password", "prod-db-password-secret-name-in-oci-vault");

        // "Scaling Across Regions": one root Application (app-of-apps) for the control plane's own apps.
        var root = AppOfApps.Root("root", "https://git.example.com/platform/gitops.git", "apps");

        // "internal-only routing or attach OCI web application firewall (WAF) policies": the second route. Only the OCI
        // native ingress controller can attach a WAF policy on OKE, so this is an IngressClass (one private, flexible
        // load balancer with the WAF policy), its parameters, and an Ingress with TLS from OCI Certificates. TLS ends at
        // the load balancer, so Argo CD's server.insecure is set to match. Choose this route or the Service above.
        var ingress = ArgoCdServer.InternalIngress("argocd.internal.example.com", CertificateOcid, WafPolicyOcid, @namespace: "argocd",
            configureClass: c => c.WithSubnet(SubnetOcid).WithCompartment(CompartmentOcid));
        var ingressClass = ingress.IngressClass!;

        // The native ingress controller's own Workload Identity (Helm authType: workloadIdentity) and the IAM grants it
        // needs, including waf-family for the WAF policy.
        var controller = OciNativeIngressIam.ForController(
            WorkloadIdentity.For("oci-native-ingress-controller", "native-ingress-controller-system", ClusterOcid, CompartmentOcid), waf: true);

        return
        [
            RepoFile.Manifests("argocd-native-ingress/ingressclassparameters.yaml", ingressClass.Parameters),
            RepoFile.Manifests("argocd-native-ingress/ingressclass.yaml", ingressClass.IngressClass),
            RepoFile.Manifests("argocd-native-ingress/argocd-server-ingress.yaml", ingressClass.Ingresses[0]),
            RepoFile.Manifests("argocd-native-ingress/argocd-cmd-params-cm.yaml", ingress.CmdParams()),
            RepoFile.Text("oci-iam/native-ingress-controller-policy.txt", controller.PolicyText()),
            RepoFile.Manifests("argocd/argocd-server-service.yaml", argocdServer),
            RepoFile.Manifests("external-secrets/eso-service-account.yaml", identity.ServiceAccount()),
            RepoFile.Manifests("external-secrets/oci-vault-store.yaml", store),
            RepoFile.Manifests("production-app/db-credentials.yaml", dbCredentials),
            RepoFile.Manifests("argocd/root-application.yaml", root),
            RepoFile.Text("oci-iam/eso-workload-identity-policy.txt", identity.PolicyText()),
        ];
    }
}
