using OkeGitOps.Manifests.Intent.Eso;
using OkeGitOps.Manifests.Models.Eso;

namespace OkeGitOps.Manifests.Intent.Argo;

/// <summary>How Argo CD reads an OCIR repository.</summary>
public enum OcirRepositoryType
{
    /// <summary>A Helm-type repository with OCI enabled (<c>type: helm</c>, <c>enableOCI: "true"</c>, URL without scheme), for <see cref="ArgoSources.OcirHelm"/>.</summary>
    Helm,
    /// <summary>A native OCI repository (<c>type: oci</c>, <c>oci://</c> URL; Argo CD 3.1 and later), for <see cref="ArgoSources.OciArtifact"/>.</summary>
    Oci,
}

/// <summary>
/// OCIR credentials for Argo CD without plaintext: an ExternalSecret that makes Argo CD's repository Secret
/// (label <c>argocd.argoproj.io/secret-type: repository</c>) from values kept in OCI Vault. The URL and flags are
/// written in the template; the username (<c>&lt;tenancy-namespace&gt;/&lt;user&gt;</c>) and the auth token come from
/// the vault. This API has no parameter for a secret value.
/// </summary>
public static class OcirRepositorySecret
{
    /// <summary>The ExternalSecret that writes the repository Secret.</summary>
    /// <param name="name">The name of the ExternalSecret and of the Secret it writes.</param>
    /// <param name="store">The OCI Vault store.</param>
    /// <param name="region">The registry's region identifier or key.</param>
    /// <param name="tenancyNamespace">The tenancy's Object Storage namespace.</param>
    /// <param name="repository">The repository path below the namespace, e.g. <c>charts</c>.</param>
    /// <param name="usernameRemoteKey">The vault secret holding the OCIR username.</param>
    /// <param name="passwordRemoteKey">The vault secret holding the user's auth token.</param>
    /// <param name="type">Helm (default) or native OCI.</param>
    /// <param name="namespace">Argo CD's namespace.</param>
    /// <param name="refreshInterval">How often ESO reads the values again.</param>
    public static ExternalSecret ExternalSecret(string name, ClusterSecretStore store, string region, string tenancyNamespace, string repository,
        string usernameRemoteKey, string passwordRemoteKey, OcirRepositoryType type = OcirRepositoryType.Helm, string @namespace = "argocd", string refreshInterval = "1h")
    {
        var path = Ocir.RepositoryPath(region, tenancyNamespace, repository, "spec.target.template.data.url");
        var data = new Dictionary<string, string>
        {
            ["name"] = name,
            ["url"] = type == OcirRepositoryType.Helm ? path : "oci://" + path,
            ["type"] = type == OcirRepositoryType.Helm ? "helm" : "oci",
            ["username"] = "{{ .username }}",
            ["password"] = "{{ .password }}",
        };
        if (type == OcirRepositoryType.Helm) data["enableOCI"] = "true";
        return ExternalSecrets.From(name, @namespace, store)
            .WithRefreshInterval(refreshInterval)
            .AddData("username", usernameRemoteKey)
            .AddData("password", passwordRemoteKey)
            .WithTarget(name, ExternalSecretSpecTargetCreationPolicy.Owner)
            .WithTemplate(
                data: data,
                labels: new Dictionary<string, string> { ["argocd.argoproj.io/secret-type"] = "repository" });
    }
}
