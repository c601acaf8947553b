using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Tests.Snapshots;
using static OkeGitOps.Manifests.Tests.Eso.IntentAssert;

namespace OkeGitOps.Manifests.Tests.Eso;

public class WorkloadIdentityTests
{
    private static readonly WorkloadIdentity Identity = WorkloadIdentity.For("eso-service-account", "external-secrets", ClusterOcid, CompartmentOcid);

    [Fact]
    public void Service_account_manifest()
        => Snapshot.Match(Emitted(Identity.ServiceAccount()), "workload-identity-serviceaccount");

    [Fact]
    public void Policy_text()
        => Snapshot.Match(Identity.PolicyText(), "workload-identity-policy", "txt");

    [Fact]
    public void Policy_text_with_more_permissions_and_tenancy_scope()
        => Snapshot.Match(WorkloadIdentity.For("eso", "external-secrets", ClusterOcid, TenancyOcid).AddPermissions("use keys", "use vaults").PolicyText(),
            "workload-identity-policy-tenancy", "txt");

    [Fact]
    public void Policy_json()
        => Snapshot.Match(Identity.PolicyJson(), "workload-identity-policy", "json");

    [Fact]
    public void Policy_and_store_come_from_the_same_identity_and_agree()
    {
        var store = OciVault.ClusterStore("oci-vault", VaultOcid, "us-ashburn-1").WithWorkloadIdentity(Identity);
        var sa = store.Spec!.Provider!.Oracle!.ServiceAccountRef!;
        var statement = Assert.Single(Identity.PolicyStatements());
        Assert.Contains($"request.principal.namespace = '{sa.Namespace}'", statement);
        Assert.Contains($"request.principal.service_account = '{sa.Name}'", statement);
        Assert.Contains($"request.principal.cluster_id = '{ClusterOcid}'", statement);
        Assert.Contains("request.principal.type = 'workload'", statement);
        Assert.StartsWith($"Allow any-user to read secret-family in compartment id {CompartmentOcid} where all {{", statement);
        Assert.Equal(Identity.ServiceAccount().Metadata!.Name, sa.Name);
        Assert.Equal(Identity.ServiceAccount().Metadata!.Namespace, sa.Namespace);

        // Changing the identity changes both sides together.
        var moved = Identity with { Namespace = "eso" };
        var movedStore = OciVault.ClusterStore("oci-vault", VaultOcid, "us-ashburn-1").WithWorkloadIdentity(moved);
        Assert.Equal("eso", movedStore.Spec!.Provider!.Oracle!.ServiceAccountRef!.Namespace);
        Assert.Contains("request.principal.namespace = 'eso'", moved.PolicyStatements()[0]);
    }

    [Fact]
    public void Rule_cluster_ocid()
        => Assert.Equal(
            "oci-ocid | error: request.principal.cluster_id: 'ocid1.vault.oc1.iad.amaaaaaavaultaaaa' is the OCID of a vault, not of a cluster (pass the cluster OCID (ocid1.cluster.oc1.<region-key>.<unique id>))",
            Fails(() => WorkloadIdentity.For("eso", "external-secrets", VaultOcid, CompartmentOcid)));

    [Fact]
    public void Rule_compartment_ocid()
        => Assert.Equal(
            "oci-ocid | error: compartment: 'my-compartment' is not a well-formed compartment OCID: an OCID starts with 'ocid1.' (copy the full OCID from the OCI console or CLI; it looks like ocid1.compartment.oc1..<unique id>)",
            Fails(() => WorkloadIdentity.For("eso", "external-secrets", ClusterOcid, "my-compartment")));

    [Fact]
    public void Rule_names_are_checked_also_through_with()
    {
        Assert.Equal(
            "k8s-name | error: metadata.namespace: 'External_Secrets' is not a valid namespace: it must be at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (try 'external-secrets')",
            Fails(() => WorkloadIdentity.For("eso", "External_Secrets", ClusterOcid, CompartmentOcid)));
        Assert.Equal(
            "k8s-name | error: metadata.name: the service account name is empty (give a lowercase DNS name such as 'external-secrets')",
            Fails(() => Identity with { ServiceAccountName = "" }));
    }

    [Fact]
    public void Rule_policy_permission_form()
        => Assert.Equal(
            "oci-policy-permission | error: statements[1]: 'write secrets' is not an OCI policy permission of the form '<verb> <resource-type>' (write a verb (inspect, read, use, manage) and a resource type or family, e.g. 'read secret-family' or 'use keys')",
            Fails(() => Identity.AddPermissions("write secrets")));
}
