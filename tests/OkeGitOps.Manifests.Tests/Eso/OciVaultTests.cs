using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Tests.Snapshots;
using static OkeGitOps.Manifests.Tests.Eso.IntentAssert;

namespace OkeGitOps.Manifests.Tests.Eso;

public class OciVaultTests
{
    private static readonly WorkloadIdentity Identity = WorkloadIdentity.For("eso-service-account", "external-secrets", ClusterOcid, CompartmentOcid);

    [Fact]
    public void Cluster_store_with_workload_identity()
        => Snapshot.Match(Emitted(OciVault.ClusterStore("oci-vault-store", VaultOcid, "us-ashburn-1").WithWorkloadIdentity(Identity)), "cluster-store-workload");

    [Fact]
    public void Cluster_store_with_instance_principal_compartment_and_key()
        => Snapshot.Match(Emitted(OciVault.ClusterStore("oci-vault", VaultOcid, "us-ashburn-1")
            .WithInstancePrincipal().WithCompartment(CompartmentOcid).WithEncryptionKey(KeyOcid)), "cluster-store-instance");

    [Fact]
    public void Cluster_store_with_user_principal_refers_to_the_key_secret()
        => Snapshot.Match(Emitted(OciVault.ClusterStore("oci-vault", VaultOcid, "us-ashburn-1")
            .WithUserPrincipal(UserOcid, TenancyOcid,
                privateKey: new SecretKeyRef("oci-api-key", "privateKey", "external-secrets"),
                fingerprint: new SecretKeyRef("oci-api-key", "fingerprint", "external-secrets"))), "cluster-store-user");

    [Fact]
    public void Namespaced_store_with_workload_identity_omits_the_namespace_of_the_service_account()
        => Snapshot.Match(Emitted(OciVault.Store("oci-vault", "payments", FraVaultOcid, "eu-frankfurt-1")
            .WithWorkloadIdentity(WorkloadIdentity.For("payments-eso", "payments", ClusterOcid, CompartmentOcid))), "store-workload");

    [Fact]
    public void Namespaced_store_with_user_principal()
        => Snapshot.Match(Emitted(OciVault.Store("oci-vault", "payments", VaultOcid, "us-ashburn-1")
            .WithUserPrincipal(UserOcid, TenancyOcid, new SecretKeyRef("oci-api-key", "privateKey"), new SecretKeyRef("oci-api-key", "fingerprint"))
            .WithCompartment(TenancyOcid)), "store-user");

    [Fact]
    public void Switching_principal_drops_the_previous_one()
    {
        var store = OciVault.ClusterStore("s", VaultOcid, "us-ashburn-1").WithWorkloadIdentity(Identity).WithInstancePrincipal();
        Assert.Null(store.Spec!.Provider!.Oracle!.ServiceAccountRef);
        Assert.Null(store.Spec.Provider.Oracle.Auth);
    }

    [Fact]
    public void Rule_ocid_is_well_formed()
        => Assert.Equal(
            "oci-ocid | error: spec.provider.oracle.vault: 'ocid1.vault.oc1.iad.amaaaaaa…' is not a well-formed vault OCID: the unique part 'amaaaaaa…' may hold only lowercase letters and digits (copy the whole OCID, not a shortened one) (copy the full OCID from the OCI console or CLI; it looks like ocid1.vault.oc1.<region-key>.<unique id>)",
            Fails(() => OciVault.ClusterStore("s", "ocid1.vault.oc1.iad.amaaaaaa…", "us-ashburn-1")));

    [Fact]
    public void Rule_ocid_has_the_right_type()
        => Assert.Equal(
            "oci-ocid | error: spec.provider.oracle.vault: 'ocid1.cluster.oc1.iad.aaaaaaaaclusteraaaa' is the OCID of a cluster, not of a vault (pass the vault OCID (ocid1.vault.oc1.<region-key>.<unique id>))",
            Fails(() => OciVault.ClusterStore("s", ClusterOcid, "us-ashburn-1")));

    [Fact]
    public void Rule_ocid_compartment_accepts_compartment_or_tenancy()
    {
        Assert.Equal(
            "oci-ocid | error: spec.provider.oracle.compartment: 'ocid1.user.oc1..aaaaaaaauseraaaa' is the OCID of a user, not of a compartment or tenancy (pass the compartment OCID (ocid1.compartment.oc1..<unique id>))",
            Fails(() => OciVault.ClusterStore("s", VaultOcid, "us-ashburn-1").WithCompartment(UserOcid)));
        OciVault.ClusterStore("s", VaultOcid, "us-ashburn-1").WithCompartment(TenancyOcid);
    }

    [Fact]
    public void Rule_ocid_user_tenancy_and_key()
    {
        var store = OciVault.ClusterStore("s", VaultOcid, "us-ashburn-1");
        var key = new SecretKeyRef("k", "privateKey", "external-secrets");
        Assert.Equal(
            "oci-ocid | error: spec.provider.oracle.auth.user: 'ocid1.tenancy.oc1..aaaaaaaatenancyaaaa' is the OCID of a tenancy, not of a user (pass the user OCID (ocid1.user.oc1..<unique id>))",
            Fails(() => store.WithUserPrincipal(TenancyOcid, TenancyOcid, key, key)));
        Assert.Equal(
            "oci-ocid | error: spec.provider.oracle.auth.tenancy: 'tenancy' is not a well-formed tenancy OCID: an OCID starts with 'ocid1.' (copy the full OCID from the OCI console or CLI; it looks like ocid1.tenancy.oc1..<unique id>)",
            Fails(() => store.WithUserPrincipal(UserOcid, "tenancy", key, key)));
        Assert.Equal(
            "oci-ocid | error: spec.provider.oracle.encryptionKey: 'ocid1.vault.oc1.iad.amaaaaaavaultaaaa' is the OCID of a vault, not of a key (pass the key OCID (ocid1.key.oc1.<region-key>.<unique id>))",
            Fails(() => store.WithEncryptionKey(VaultOcid)));
    }

    [Fact]
    public void Rule_region_is_known_with_a_near_match()
        => Assert.Equal(
            "oci-region | error: spec.provider.oracle.region: 'us-ashburn1' is not a known OCI region identifier (did you mean 'us-ashburn-1'?)",
            Fails(() => OciVault.ClusterStore("s", VaultOcid, "us-ashburn1")));

    [Fact]
    public void Rule_region_is_an_identifier_not_a_key()
        => Assert.Equal(
            "oci-region | error: spec.provider.oracle.region: 'iad' is a region key; ESO wants the region identifier (use 'us-ashburn-1')",
            Fails(() => OciVault.ClusterStore("s", VaultOcid, "iad")));

    [Fact]
    public void Rule_region_matches_the_vault()
        => Assert.Equal(
            "oci-region-mismatch | error: spec.provider.oracle.region: the vault OCID was issued in us-ashburn-1 (iad) but the store says region eu-frankfurt-1 (set region 'us-ashburn-1', or pass the OCID of the vault in eu-frankfurt-1)",
            Fails(() => OciVault.ClusterStore("s", VaultOcid, "eu-frankfurt-1")));

    [Fact]
    public void Rule_store_name()
        => Assert.Equal(
            "k8s-name | error: metadata.name: 'OCI_Vault' is not a valid store name: it must be at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (try 'oci-vault')",
            Fails(() => OciVault.ClusterStore("OCI_Vault", VaultOcid, "us-ashburn-1")));

    [Fact]
    public void Rule_namespaced_store_uses_a_service_account_of_its_namespace()
        => Assert.Equal(
            "eso-service-account-namespace | error: spec.provider.oracle.serviceAccountRef.namespace: SecretStore 'oci-vault' in namespace 'payments' cannot use service account 'eso' of namespace 'external-secrets': a namespaced store only reaches its own namespace (create the service account in 'payments', or use a ClusterSecretStore)",
            Fails(() => OciVault.Store("oci-vault", "payments", VaultOcid, "us-ashburn-1")
                .WithWorkloadIdentity(WorkloadIdentity.For("eso", "external-secrets", ClusterOcid, CompartmentOcid))));

    [Fact]
    public void Rule_cluster_store_names_the_namespace_of_service_account_and_key_secret()
    {
        Assert.Equal(
            "eso-service-account-namespace | error: spec.provider.oracle.serviceAccountRef.namespace: a ClusterSecretStore must name the namespace of service account 'eso' (give the ServiceAccount a metadata.namespace, e.g. 'external-secrets')",
            Fails(() => OciVault.ClusterStore("s", VaultOcid, "us-ashburn-1").WithWorkloadIdentity(OkeGitOps.Manifests.Core.ServiceAccount("eso"))));
        Assert.Equal(
            "eso-store-namespace | error: spec.provider.oracle.auth.secretRef.privatekey.namespace: a ClusterSecretStore must name the namespace of Secret 'k' (pass namespace: in the SecretKeyRef, e.g. 'external-secrets')",
            Fails(() => OciVault.ClusterStore("s", VaultOcid, "us-ashburn-1").WithUserPrincipal(UserOcid, TenancyOcid, new SecretKeyRef("k", "privateKey"), new SecretKeyRef("k", "fingerprint"))));
    }

    [Fact]
    public void Rule_namespaced_store_reads_key_secrets_of_its_namespace()
        => Assert.Equal(
            "eso-store-namespace | error: spec.provider.oracle.auth.secretRef.privatekey.namespace: SecretStore in namespace 'payments' cannot read Secret 'k' of namespace 'other' (keep the key Secret in 'payments', or use a ClusterSecretStore)",
            Fails(() => OciVault.Store("s", "payments", VaultOcid, "us-ashburn-1").WithUserPrincipal(UserOcid, TenancyOcid, new SecretKeyRef("k", "privateKey", "other"), new SecretKeyRef("k", "fingerprint"))));

    [Fact]
    public void Rule_secret_key_ref_key_is_a_valid_secret_key()
        => Assert.Equal(
            "eso-secret-key | error: spec.provider.oracle.auth.secretRef.privatekey.key: 'private key' is not a valid Secret key: a key may hold only letters, digits, '-', '_' and '.' (name the key inside the Secret, e.g. 'privateKey' or 'fingerprint')",
            Fails(() => OciVault.ClusterStore("s", VaultOcid, "us-ashburn-1").WithUserPrincipal(UserOcid, TenancyOcid, new SecretKeyRef("k", "private key", "ns"), new SecretKeyRef("k", "fingerprint", "ns"))));

    [Fact]
    public void No_store_method_takes_key_material_as_text()
    {
        // Every public method that could carry credentials takes SecretKeyRef, never a string named like key material.
        var suspicious = typeof(OciVault).GetMethods()
            .SelectMany(m => m.GetParameters().Select(p => (m, p)))
            .Where(x => x.p.ParameterType == typeof(string) && (x.p.Name!.Contains("key", StringComparison.OrdinalIgnoreCase) && !x.p.Name.EndsWith("Ocid", StringComparison.Ordinal)
                || x.p.Name.Contains("fingerprint", StringComparison.OrdinalIgnoreCase) || x.p.Name.Contains("pem", StringComparison.OrdinalIgnoreCase)))
            .Select(x => $"{x.m.Name}({x.p.Name})")
            .ToList();
        Assert.Empty(suspicious);
    }

    [Fact]
    public void Regions_table_has_unique_ids_and_keys()
    {
        Assert.Equal(OciRegions.All.Count, OciRegions.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal(OciRegions.All.Count, OciRegions.All.Select(r => r.Key).Distinct().Count());
        Assert.Equal("fra.ocir.io", OciRegions.Get("eu-frankfurt-1").OcirHost);
        Assert.Equal("us-ashburn-1", OciRegions.Get("iad").Id);
    }
}
