using OkeGitOps.Manifests.Intent.Eso;

namespace OkeGitOps.Manifests.Intent.Argo;

/// <summary>
/// Addresses in OCI Container Registry (OCIR): <c>&lt;region-key&gt;.ocir.io/&lt;tenancy-namespace&gt;/&lt;repository&gt;</c>.
/// The tenancy namespace is the tenancy's Object Storage namespace (<c>oci os ns get</c>), not its name or OCID.
/// </summary>
public static class Ocir
{
    /// <summary>
    /// The registry path of a Helm chart repository, without a scheme: <c>iad.ocir.io/mytenancy/charts</c>. This is
    /// the form a Helm-type Argo CD repository with <c>enableOCI</c> and an Application's <c>repoURL</c> take.
    /// </summary>
    /// <param name="region">Region identifier or key, e.g. <c>us-ashburn-1</c> or <c>iad</c>.</param>
    /// <param name="tenancyNamespace">The tenancy's Object Storage namespace.</param>
    /// <param name="repository">The repository path below the namespace (may contain '/'), or empty for the namespace itself.</param>
    public static string RepositoryPath(string region, string tenancyNamespace, string repository = "")
        => RepositoryPath(region, tenancyNamespace, repository, "spec.source.repoURL");

    internal static string RepositoryPath(string region, string tenancyNamespace, string repository, string path)
    {
        var r = OciRegions.Require(region, path);
        CheckNamespace(tenancyNamespace, path);
        repository ??= "";
        if (repository.StartsWith('/') || repository.EndsWith('/') || repository.Contains("//", StringComparison.Ordinal)
            || repository.Any(c => !(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '/')))
            throw IntentRules.Fail(IntentRules.ArgoRepoUrl,
                $"'{repository}' is not an OCIR repository path: use lowercase letters, digits, '-', '_', '.' and '/' between parts", path,
                "e.g. 'charts' or 'platform/charts'");
        return repository.Length == 0 ? $"{r.OcirHost}/{tenancyNamespace}" : $"{r.OcirHost}/{tenancyNamespace}/{repository}";
    }

    internal static void CheckNamespace(string tenancyNamespace, string path)
    {
        if (string.IsNullOrEmpty(tenancyNamespace) || tenancyNamespace.StartsWith("ocid1.", StringComparison.Ordinal)
            || !tenancyNamespace.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            throw IntentRules.Fail(IntentRules.TenancyNamespace,
                $"'{tenancyNamespace}' is not a tenancy (Object Storage) namespace", path,
                "use the value of `oci os ns get` (lowercase letters and digits, e.g. 'axaxnpcrorw5'), not the tenancy name or OCID");
    }
}
