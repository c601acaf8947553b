using System.Text;
using System.Text.Json;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Core;
using OkeGitOps.Manifests.Models.Eso;

namespace OkeGitOps.Manifests.Intent.Eso;

/// <summary>
/// One OKE Workload Identity: a Kubernetes service account in one namespace of one enhanced OKE cluster, and what
/// it may do in one compartment. The ServiceAccount manifest, the store's <c>serviceAccountRef</c> and the OCI IAM
/// policy statements are all made from this one object, so the policy always names exactly the account the store
/// uses.
/// </summary>
/// <remarks>
/// The policy is written in OKE's workload-principal form:
/// <c>Allow any-user to read secret-family in compartment id &lt;ocid&gt; where all {request.principal.type = 'workload', ...}</c>.
/// The compartment is named by OCID (<c>in compartment id</c>), which stays right when compartments are renamed or
/// moved; a tenancy OCID gives <c>in tenancy</c>. Reading secret contents (secret bundles) needs
/// <c>read secret-family</c>, which is the default permission.
/// </remarks>
public sealed record WorkloadIdentity
{
    /// <summary>The permission ESO needs to read secrets from OCI Vault.</summary>
    public const string ReadSecrets = "read secret-family";

    private static readonly string[] Verbs = ["inspect", "read", "use", "manage"];

    private WorkloadIdentity(string serviceAccountName, string @namespace, string clusterOcid, string compartmentOcid, EquatableArray<string> permissions)
    {
        ServiceAccountName = serviceAccountName;
        Namespace = @namespace;
        ClusterOcid = clusterOcid;
        CompartmentOcid = compartmentOcid;
        Permissions = permissions;
    }

    /// <summary>The Kubernetes service account's name.</summary>
    public string ServiceAccountName { get; init => field = IntentRules.RequireName(value, "metadata.name", "service account name"); }

    /// <summary>The service account's namespace.</summary>
    public string Namespace { get; init => field = IntentRules.RequireName(value, "metadata.namespace", "namespace", label: true); }

    /// <summary>The OCID of the (enhanced) OKE cluster the workload runs in.</summary>
    public string ClusterOcid { get; init { Ocid.Require(value, "request.principal.cluster_id", "cluster", "cluster"); field = value; } }

    /// <summary>The compartment the permissions apply in (a compartment OCID, or the tenancy OCID for the whole tenancy).</summary>
    public string CompartmentOcid { get; init { Ocid.Require(value, "compartment", "compartment", "compartment", "tenancy"); field = value; } }

    /// <summary>What the workload may do, each as <c>&lt;verb&gt; &lt;resource-type&gt;</c>; <see cref="ReadSecrets"/> by default.</summary>
    public EquatableArray<string> Permissions { get; init => field = CheckPermissions(value); }

    /// <summary>
    /// Permissions granted in the whole tenancy rather than in <see cref="CompartmentOcid"/>, for the resource types
    /// OCI scopes to the tenancy (e.g. <c>read public-ips</c>, <c>use tag-namespaces</c>); empty by default.
    /// </summary>
    public EquatableArray<string> TenancyPermissions { get; init => field = CheckPermissions(value, allowEmpty: true); } = [];

    /// <summary>The workload identity of a service account.</summary>
    /// <param name="serviceAccountName">The Kubernetes service account ESO runs as, e.g. <c>external-secrets</c>.</param>
    /// <param name="namespace">Its namespace.</param>
    /// <param name="clusterOcid">The OKE cluster's OCID.</param>
    /// <param name="compartmentOcid">The compartment holding the vault's secrets.</param>
    /// <exception cref="Diagnostics.ManifestValidationException">A value is invalid.</exception>
    public static WorkloadIdentity For(string serviceAccountName, string @namespace, string clusterOcid, string compartmentOcid)
        => new(serviceAccountName, @namespace, clusterOcid, compartmentOcid, new[] { ReadSecrets });

    /// <summary>Returns a copy with exactly these permissions, e.g. <c>"read secret-family"</c>, <c>"use keys"</c>.</summary>
    public WorkloadIdentity WithPermissions(params string[] permissions) => this with { Permissions = permissions };

    /// <summary>Returns a copy with these permissions added after the current ones.</summary>
    public WorkloadIdentity AddPermissions(params string[] permissions) => this with { Permissions = Permissions.AddRange(permissions) };

    /// <summary>Returns a copy with exactly these tenancy-wide permissions (see <see cref="TenancyPermissions"/>).</summary>
    public WorkloadIdentity WithTenancyPermissions(params string[] permissions) => this with { TenancyPermissions = permissions };

    /// <summary>The ServiceAccount manifest (ESO's own, or a dedicated one the store refers to).</summary>
    public ServiceAccount ServiceAccount()
        => global::OkeGitOps.Manifests.Core.ServiceAccount(ServiceAccountName, Namespace);

    /// <summary>The store's <c>serviceAccountRef</c> (name and namespace).</summary>
    public SecretStoreSpecProviderOracleServiceAccountRef ServiceAccountRef()
        => new() { Name = ServiceAccountName, Namespace = Namespace };

    /// <summary>The <c>where</c> clause that matches exactly this workload.</summary>
    public string Condition
        => "where all {" +
           "request.principal.type = 'workload', " +
           $"request.principal.namespace = '{Namespace}', " +
           $"request.principal.service_account = '{ServiceAccountName}', " +
           $"request.principal.cluster_id = '{ClusterOcid}'}}";

    /// <summary>The scope of the statements: <c>in compartment id &lt;ocid&gt;</c>, or <c>in tenancy</c> for a tenancy OCID.</summary>
    public string Scope => CompartmentOcid.StartsWith("ocid1.tenancy.", StringComparison.Ordinal) ? "in tenancy" : $"in compartment id {CompartmentOcid}";

    /// <summary>The IAM policy statements, one per permission: those in <see cref="Scope"/> first, then the tenancy-wide ones.</summary>
    public IReadOnlyList<string> PolicyStatements()
        => Permissions.Select(p => $"Allow any-user to {p} {Scope} {Condition}")
            .Concat(TenancyPermissions.Select(p => $"Allow any-user to {p} in tenancy {Condition}")).ToArray();

    /// <summary>The statements as a text artefact: one statement per line, with a final newline.</summary>
    public string PolicyText()
    {
        var sb = new StringBuilder();
        foreach (var s in PolicyStatements()) sb.Append(s).Append('\n');
        return sb.ToString();
    }

    /// <summary>The statements as a JSON array, the form <c>oci iam policy create --statements</c> takes.</summary>
    public string PolicyJson()
        => JsonSerializer.Serialize(PolicyStatements(), new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";

    private static EquatableArray<string> CheckPermissions(EquatableArray<string>? value, bool allowEmpty = false)
    {
        if (allowEmpty && value is { Count: 0 }) return value;
        if (value is null || value.Count == 0)
            throw IntentRules.Fail(IntentRules.PolicyPermission, "a workload identity needs at least one permission", "statements",
                $"use '{ReadSecrets}' to let ESO read secrets");
        for (var i = 0; i < value.Count; i++)
        {
            var p = value[i] ?? "";
            var parts = p.Split(' ');
            if (parts.Length != 2 || !Verbs.Contains(parts[0]) || parts[1].Length == 0
                || !parts[1].All(c => c is (>= 'a' and <= 'z') or '-') || parts[1][0] == '-')
                throw IntentRules.Fail(IntentRules.PolicyPermission,
                    $"'{p}' is not an OCI policy permission of the form '<verb> <resource-type>'", $"statements[{i}]",
                    $"write a verb ({string.Join(", ", Verbs)}) and a resource type or family, e.g. '{ReadSecrets}' or 'use keys'");
        }
        return value;
    }
}
