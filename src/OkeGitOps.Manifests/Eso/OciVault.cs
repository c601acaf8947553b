using OkeGitOps.Manifests.Models.Core;
using OkeGitOps.Manifests.Models.Eso;

namespace OkeGitOps.Manifests.Intent.Eso;

/// <summary>
/// External Secrets Operator stores backed by OCI Vault (the ESO <c>oracle</c> provider). The factories return
/// ordinary <see cref="ClusterSecretStore"/> and <see cref="SecretStore"/> models; the extension methods choose how
/// ESO signs in to OCI (Workload Identity, instance principal or an API key held in a Kubernetes Secret) and set
/// the compartment and encryption key. Every value is checked when it is set: OCIDs must be well-formed and of the
/// right resource type, and the region must be a known OCI region that matches the vault's OCID.
/// </summary>
/// <example>
/// <code>
/// var store = OciVault.ClusterStore("oci-vault", vaultOcid, "us-ashburn-1")
///     .WithWorkloadIdentity(identity);
/// </code>
/// </example>
public static class OciVault
{
    private const string OraclePath = "spec.provider.oracle";

    /// <summary>A cluster-wide store reading secrets from one OCI Vault.</summary>
    /// <param name="name">The store's name.</param>
    /// <param name="vaultOcid">The vault's OCID (<c>ocid1.vault.oc1.&lt;region-key&gt;...</c>).</param>
    /// <param name="region">The vault's region identifier, e.g. <c>us-ashburn-1</c>.</param>
    /// <exception cref="Diagnostics.ManifestValidationException">A value is invalid.</exception>
    public static ClusterSecretStore ClusterStore(string name, string vaultOcid, string region)
    {
        IntentRules.RequireName(name, "metadata.name", "store name");
        return global::OkeGitOps.Manifests.Eso.ClusterSecretStore(name).WithSpec(Spec(vaultOcid, region));
    }

    /// <summary>A store in one namespace reading secrets from one OCI Vault.</summary>
    /// <param name="name">The store's name.</param>
    /// <param name="namespace">The namespace of the store and of the ExternalSecrets that use it.</param>
    /// <param name="vaultOcid">The vault's OCID.</param>
    /// <param name="region">The vault's region identifier.</param>
    /// <exception cref="Diagnostics.ManifestValidationException">A value is invalid.</exception>
    public static SecretStore Store(string name, string @namespace, string vaultOcid, string region)
    {
        IntentRules.RequireName(name, "metadata.name", "store name");
        IntentRules.RequireName(@namespace, "metadata.namespace", "namespace", label: true);
        return global::OkeGitOps.Manifests.Eso.SecretStore(name, @namespace).WithSpec(Spec(vaultOcid, region));
    }

    private static SecretStoreSpec Spec(string vaultOcid, string region)
    {
        var vault = Ocid.Require(vaultOcid, OraclePath + ".vault", "vault", "vault");
        var r = OciRegions.Require(region, OraclePath + ".region");
        if (region != r.Id)
            throw IntentRules.Fail(IntentRules.Region, $"'{region}' is a region key; ESO wants the region identifier",
                OraclePath + ".region", $"use '{r.Id}'");
        if (vault.Region.Length > 0 && OciRegions.TryFind(vault.Region, out var vaultRegion) && vaultRegion != r)
            throw IntentRules.Fail(IntentRules.RegionMismatch,
                $"the vault OCID was issued in {vaultRegion.Id} ({vaultRegion.Key}) but the store says region {r.Id}",
                OraclePath + ".region", $"set region '{vaultRegion.Id}', or pass the OCID of the vault in {r.Id}");
        return new SecretStoreSpec
        {
            Provider = new SecretStoreSpecProvider
            {
                Oracle = new SecretStoreSpecProviderOracle { Vault = vaultOcid, Region = r.Id },
            },
        };
    }

    /// <summary>ESO signs in with OKE Workload Identity as the identity's service account (<c>principalType: Workload</c>).</summary>
    /// <param name="store">The store.</param>
    /// <param name="identity">The workload identity; its IAM policy must be applied in OCI for reads to work.</param>
    public static ClusterSecretStore WithWorkloadIdentity(this ClusterSecretStore store, WorkloadIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(identity);
        return store.WithSpec(s => EditOracle(s, o => Workload(o, identity.ServiceAccountRef())));
    }

    /// <summary>ESO signs in with OKE Workload Identity as the identity's service account (<c>principalType: Workload</c>).</summary>
    /// <param name="store">The store.</param>
    /// <param name="identity">The workload identity; its namespace must be the store's namespace.</param>
    public static SecretStore WithWorkloadIdentity(this SecretStore store, WorkloadIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(identity);
        return store.WithWorkloadIdentity(identity.ServiceAccount());
    }

    /// <summary>ESO signs in with OKE Workload Identity as this service account (<c>principalType: Workload</c>).</summary>
    /// <param name="store">The store.</param>
    /// <param name="serviceAccount">The service account; it needs a name and a namespace.</param>
    public static ClusterSecretStore WithWorkloadIdentity(this ClusterSecretStore store, ServiceAccount serviceAccount)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (name, ns) = ServiceAccountParts(serviceAccount, OraclePath + ".serviceAccountRef");
        if (ns is null)
            throw IntentRules.Fail(IntentRules.EsoServiceAccountNamespace,
                $"a ClusterSecretStore must name the namespace of service account '{name}'",
                OraclePath + ".serviceAccountRef.namespace", "give the ServiceAccount a metadata.namespace, e.g. 'external-secrets'");
        return store.WithSpec(s => EditOracle(s, o => Workload(o, new SecretStoreSpecProviderOracleServiceAccountRef { Name = name, Namespace = ns })));
    }

    /// <summary>ESO signs in with OKE Workload Identity as this service account, which must live in the store's namespace.</summary>
    /// <param name="store">The store.</param>
    /// <param name="serviceAccount">The service account.</param>
    public static SecretStore WithWorkloadIdentity(this SecretStore store, ServiceAccount serviceAccount)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (name, ns) = ServiceAccountParts(serviceAccount, OraclePath + ".serviceAccountRef");
        var storeNs = store.Metadata?.Namespace;
        if (ns is not null && storeNs is not null && ns != storeNs)
            throw IntentRules.Fail(IntentRules.EsoServiceAccountNamespace,
                $"SecretStore '{store.Metadata?.Name}' in namespace '{storeNs}' cannot use service account '{name}' of namespace '{ns}': a namespaced store only reaches its own namespace",
                OraclePath + ".serviceAccountRef.namespace",
                $"create the service account in '{storeNs}', or use a ClusterSecretStore");
        return store.WithSpec(s => EditOracle(s, o => Workload(o, new SecretStoreSpecProviderOracleServiceAccountRef { Name = name })));
    }

    /// <summary>ESO signs in as the OCI compute instance (node) it runs on (<c>principalType: InstancePrincipal</c>).</summary>
    public static ClusterSecretStore WithInstancePrincipal(this ClusterSecretStore store)
        => (store ?? throw new ArgumentNullException(nameof(store))).WithSpec(s => EditOracle(s, Instance));

    /// <summary>ESO signs in as the OCI compute instance (node) it runs on (<c>principalType: InstancePrincipal</c>).</summary>
    public static SecretStore WithInstancePrincipal(this SecretStore store)
        => (store ?? throw new ArgumentNullException(nameof(store))).WithSpec(s => EditOracle(s, Instance));

    /// <summary>
    /// ESO signs in with an OCI API key of a user (<c>principalType: UserPrincipal</c>). The private key and its
    /// fingerprint stay in a Kubernetes Secret created outside Git; only references to it are written.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="userOcid">The user's OCID.</param>
    /// <param name="tenancyOcid">The tenancy's OCID.</param>
    /// <param name="privateKey">Where the PEM private key is.</param>
    /// <param name="fingerprint">Where the key's fingerprint is.</param>
    public static ClusterSecretStore WithUserPrincipal(this ClusterSecretStore store, string userOcid, string tenancyOcid, SecretKeyRef privateKey, SecretKeyRef fingerprint)
    {
        ArgumentNullException.ThrowIfNull(store);
        var auth = UserAuth(userOcid, tenancyOcid, privateKey, fingerprint, requireNamespace: true);
        return store.WithSpec(s => EditOracle(s, o => User(o, auth)));
    }

    /// <summary>
    /// ESO signs in with an OCI API key of a user (<c>principalType: UserPrincipal</c>), the key held in a Secret of
    /// the store's namespace.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="userOcid">The user's OCID.</param>
    /// <param name="tenancyOcid">The tenancy's OCID.</param>
    /// <param name="privateKey">Where the PEM private key is.</param>
    /// <param name="fingerprint">Where the key's fingerprint is.</param>
    public static SecretStore WithUserPrincipal(this SecretStore store, string userOcid, string tenancyOcid, SecretKeyRef privateKey, SecretKeyRef fingerprint)
    {
        ArgumentNullException.ThrowIfNull(store);
        var auth = UserAuth(userOcid, tenancyOcid, privateKey, fingerprint, requireNamespace: false);
        var storeNs = store.Metadata?.Namespace;
        foreach (var (r, field) in new[] { (privateKey, "privatekey"), (fingerprint, "fingerprint") })
        {
            if (r.Namespace is not null && storeNs is not null && r.Namespace != storeNs)
                throw IntentRules.Fail(IntentRules.EsoStoreNamespace,
                    $"SecretStore in namespace '{storeNs}' cannot read Secret '{r.Name}' of namespace '{r.Namespace}'",
                    $"{OraclePath}.auth.secretRef.{field}.namespace", $"keep the key Secret in '{storeNs}', or use a ClusterSecretStore");
        }
        return store.WithSpec(s => EditOracle(s, o => User(o, auth)));
    }

    /// <summary>The compartment ESO lists secrets in (for <c>dataFrom.find</c>) and creates them in (PushSecret).</summary>
    /// <param name="store">The store.</param>
    /// <param name="compartmentOcid">A compartment OCID, or the tenancy OCID for the root compartment.</param>
    public static ClusterSecretStore WithCompartment(this ClusterSecretStore store, string compartmentOcid)
    {
        ArgumentNullException.ThrowIfNull(store);
        Ocid.Require(compartmentOcid, OraclePath + ".compartment", "compartment", "compartment", "tenancy");
        return store.WithSpec(s => EditOracle(s, o => o.WithCompartment(compartmentOcid)));
    }

    /// <summary>The compartment ESO lists secrets in (for <c>dataFrom.find</c>) and creates them in (PushSecret).</summary>
    /// <param name="store">The store.</param>
    /// <param name="compartmentOcid">A compartment OCID, or the tenancy OCID for the root compartment.</param>
    public static SecretStore WithCompartment(this SecretStore store, string compartmentOcid)
    {
        ArgumentNullException.ThrowIfNull(store);
        Ocid.Require(compartmentOcid, OraclePath + ".compartment", "compartment", "compartment", "tenancy");
        return store.WithSpec(s => EditOracle(s, o => o.WithCompartment(compartmentOcid)));
    }

    /// <summary>The vault master key ESO encrypts secrets with when it creates them (PushSecret).</summary>
    /// <param name="store">The store.</param>
    /// <param name="keyOcid">The key's OCID (<c>ocid1.key...</c>).</param>
    public static ClusterSecretStore WithEncryptionKey(this ClusterSecretStore store, string keyOcid)
    {
        ArgumentNullException.ThrowIfNull(store);
        Ocid.Require(keyOcid, OraclePath + ".encryptionKey", "key", "key");
        return store.WithSpec(s => EditOracle(s, o => o.WithEncryptionKey(keyOcid)));
    }

    /// <summary>The vault master key ESO encrypts secrets with when it creates them (PushSecret).</summary>
    /// <param name="store">The store.</param>
    /// <param name="keyOcid">The key's OCID (<c>ocid1.key...</c>).</param>
    public static SecretStore WithEncryptionKey(this SecretStore store, string keyOcid)
    {
        ArgumentNullException.ThrowIfNull(store);
        Ocid.Require(keyOcid, OraclePath + ".encryptionKey", "key", "key");
        return store.WithSpec(s => EditOracle(s, o => o.WithEncryptionKey(keyOcid)));
    }

    private static (string Name, string? Namespace) ServiceAccountParts(ServiceAccount serviceAccount, string path)
    {
        ArgumentNullException.ThrowIfNull(serviceAccount);
        var name = IntentRules.RequireName(serviceAccount.Metadata?.Name, path + ".name", "service account name");
        var ns = serviceAccount.Metadata?.Namespace;
        if (ns is not null) IntentRules.RequireName(ns, path + ".namespace", "namespace", label: true);
        return (name, ns);
    }

    private static SecretStoreSpecProviderOracleAuth UserAuth(string userOcid, string tenancyOcid, SecretKeyRef privateKey, SecretKeyRef fingerprint, bool requireNamespace)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(fingerprint);
        Ocid.Require(userOcid, OraclePath + ".auth.user", "user", "user");
        Ocid.Require(tenancyOcid, OraclePath + ".auth.tenancy", "tenancy", "tenancy");
        foreach (var (r, field) in new[] { (privateKey, "privatekey"), (fingerprint, "fingerprint") })
        {
            if (requireNamespace && r.Namespace is null)
                throw IntentRules.Fail(IntentRules.EsoStoreNamespace,
                    $"a ClusterSecretStore must name the namespace of Secret '{r.Name}'",
                    $"{OraclePath}.auth.secretRef.{field}.namespace", "pass namespace: in the SecretKeyRef, e.g. 'external-secrets'");
        }
        return new SecretStoreSpecProviderOracleAuth
        {
            User = userOcid,
            Tenancy = tenancyOcid,
            SecretRef = new SecretStoreSpecProviderOracleAuthSecretRef
            {
                Privatekey = privateKey.ToModel(OraclePath + ".auth.secretRef.privatekey"),
                Fingerprint = fingerprint.ToModel(OraclePath + ".auth.secretRef.fingerprint"),
            },
        };
    }

    private static SecretStoreSpecProviderOracle Workload(SecretStoreSpecProviderOracle o, SecretStoreSpecProviderOracleServiceAccountRef sa)
        => o with { PrincipalType = SecretStoreSpecProviderOraclePrincipalType.Workload, ServiceAccountRef = sa, Auth = null };

    private static SecretStoreSpecProviderOracle Instance(SecretStoreSpecProviderOracle o)
        => o with { PrincipalType = SecretStoreSpecProviderOraclePrincipalType.InstancePrincipal, ServiceAccountRef = null, Auth = null };

    private static SecretStoreSpecProviderOracle User(SecretStoreSpecProviderOracle o, SecretStoreSpecProviderOracleAuth auth)
        => o with { PrincipalType = SecretStoreSpecProviderOraclePrincipalType.UserPrincipal, ServiceAccountRef = null, Auth = auth };

    private static SecretStoreSpec EditOracle(SecretStoreSpec spec, Func<SecretStoreSpecProviderOracle, SecretStoreSpecProviderOracle> edit)
        => spec.WithProvider(p => p.WithOracle(edit));
}
