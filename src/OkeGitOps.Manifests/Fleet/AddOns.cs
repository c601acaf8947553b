using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Tree;
using static OkeGitOps.Manifests.Tree.ManifestNode;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>
/// The catalogue of add-ons with pinned chart versions and the values that matter on OKE. Each returns an ordinary
/// <see cref="AddOn"/>, so versions, values, namespaces and selectors can still be changed; <see cref="Helm"/>,
/// <see cref="OcirHelm"/> and <see cref="Git"/> add anything else.
/// </summary>
public static class AddOns
{
    /// <summary>External Secrets Operator chart version (matches the ESO CRDs the schemas were taken from).</summary>
    public const string ExternalSecretsVersion = "2.9.0";

    /// <summary>kube-prometheus-stack chart version.</summary>
    public const string KubePrometheusStackVersion = "77.0.0";

    /// <summary>Fluent Bit chart version.</summary>
    public const string FluentBitVersion = "0.54.0";

    /// <summary>Fluentd chart version.</summary>
    public const string FluentdVersion = "0.5.3";

    /// <summary>cert-manager chart version.</summary>
    public const string CertManagerVersion = "v1.19.1";

    /// <summary>OCI native ingress controller release (Git tag of its chart).</summary>
    public const string OciNativeIngressVersion = "v1.4.3";

    /// <summary>External Secrets Operator, with its CRDs, in <c>external-secrets</c>.</summary>
    public static AddOn ExternalSecrets()
        => AddOn.Create("external-secrets", "external-secrets", AddOnSource.Helm("https://charts.external-secrets.io", "external-secrets", ExternalSecretsVersion))
            .WithValue("installCRDs", Boolean(true));

    /// <summary>Prometheus, Alertmanager and the exporters (kube-prometheus-stack) in <c>monitoring</c>.</summary>
    /// <param name="retention">How long Prometheus keeps samples, e.g. <c>10d</c>.</param>
    /// <param name="grafana">Whether to install Grafana on every cluster as well.</param>
    public static AddOn KubePrometheusStack(string retention = "10d", bool grafana = false)
        => AddOn.Create("prometheus", "monitoring",
                AddOnSource.Helm("https://prometheus-community.github.io/helm-charts", "kube-prometheus-stack", KubePrometheusStackVersion))
            .WithValue("grafana", Map(("enabled", Boolean(grafana))))
            .WithValue("prometheus", Map(("prometheusSpec", Map(("retention", String(retention))))));

    /// <summary>Fluent Bit as a DaemonSet shipping container logs, in <c>logging</c>.</summary>
    public static AddOn FluentBit()
        => AddOn.Create("fluent-bit", "logging", AddOnSource.Helm("https://fluent.github.io/helm-charts", "fluent-bit", FluentBitVersion));

    /// <summary>Fluentd as a DaemonSet (the log shipper the article names), in <c>logging</c>.</summary>
    public static AddOn Fluentd()
        => AddOn.Create("fluentd", "logging", AddOnSource.Helm("https://fluent.github.io/helm-charts", "fluentd", FluentdVersion))
            .WithValue("kind", String("DaemonSet"));

    /// <summary>cert-manager with its CRDs, in <c>cert-manager</c>.</summary>
    public static AddOn CertManager()
        => AddOn.Create("cert-manager", "cert-manager", AddOnSource.Helm("https://charts.jetstack.io", "cert-manager", CertManagerVersion))
            .WithValue("crds", Map(("enabled", Boolean(true))));

    /// <summary>
    /// The OCI native ingress controller (chart from its Git repository), authenticating with OKE Workload Identity.
    /// It needs cert-manager first, and each cluster's OCID, compartment and load-balancer subnet
    /// (<see cref="FleetCluster.WithLoadBalancerSubnet"/>); its IAM statements (<see cref="OciNativeIngressIam"/>)
    /// go into the policy file of each cluster it lands on.
    /// </summary>
    public static AddOn OciNativeIngressController()
        => AddOn.Create("oci-native-ingress", OciNativeIngressIam.ControllerNamespace,
                AddOnSource.Git("https://github.com/oracle/oci-native-ingress-controller", "helm/oci-native-ingress-controller", OciNativeIngressVersion))
            .WithValue("authType", String("workloadIdentity"))
            .WithClusterParameter("cluster_id", ClusterFact.ClusterOcid)
            .WithClusterParameter("compartment_id", ClusterFact.CompartmentOcid)
            .WithClusterParameter("subnet_id", ClusterFact.LoadBalancerSubnetOcid)
            .WithWorkloadIdentity(OciNativeIngressIam.ControllerServiceAccount, OciNativeIngressIam.CompartmentPermissions, OciNativeIngressIam.TenancyPermissions)
            .After("cert-manager");

    /// <summary>Any chart from a Helm repository.</summary>
    public static AddOn Helm(string name, string @namespace, string repoURL, string chart, string version, MappingNode? values = null)
        => AddOn.Create(name, @namespace, AddOnSource.Helm(repoURL, chart, version)).WithValues(values ?? MappingNode.Empty);

    /// <summary>Any chart stored in OCIR.</summary>
    public static AddOn OcirHelm(string name, string @namespace, string region, string tenancyNamespace, string repository, string chart, string version)
        => AddOn.Create(name, @namespace, AddOnSource.OcirHelm(region, tenancyNamespace, repository, chart, version));

    /// <summary>Any path in a Git repository at a pinned revision.</summary>
    public static AddOn Git(string name, string @namespace, string repoURL, string path, string revision)
        => AddOn.Create(name, @namespace, AddOnSource.Git(repoURL, path, revision));
}
