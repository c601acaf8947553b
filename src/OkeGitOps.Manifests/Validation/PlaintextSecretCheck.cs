using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// Refuses Kubernetes <c>Secret</c> objects that carry values in <c>data</c> or <c>stringData</c>: in a GitOps
/// repository those values are plaintext (base64 is an encoding, not encryption). Two exceptions: Argo CD
/// cluster and repository secrets that hold no credential field (their URL and flags are not secret), and
/// secrets allow-listed by name.
/// </summary>
public static class PlaintextSecretCheck
{
    /// <summary>The Argo CD secret types whose non-credential fields may live in Git.</summary>
    public static readonly IReadOnlySet<string> ArgoSecretTypes = new HashSet<string>(StringComparer.Ordinal) { "cluster", "repository", "repo-creds" };

    /// <summary>Fields of Argo CD cluster and repository secrets that hold credentials.</summary>
    public static readonly IReadOnlySet<string> CredentialFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "password", "username", "sshPrivateKey", "tlsClientCertData", "tlsClientCertKey", "githubAppPrivateKey",
        "bearerToken", "config", "gcpServiceAccountKey", "token", "bearer_token",
    };

    /// <summary>Returns the finding for a document, or null when it is not a Secret with plaintext values.</summary>
    /// <param name="document">The document.</param>
    /// <param name="allowedNames">Secret names (<c>name</c> or <c>namespace/name</c>) that may carry data.</param>
    public static Diagnostic? Check(ManifestDocument document, IReadOnlySet<string>? allowedNames = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Kind != "Secret" || document.ApiVersion != "v1" || document.Root is not MappingNode root) return null;
        var carriers = new[] { "data", "stringData" }
            .Select(key => (Key: key, Map: root.GetValueOrDefault(key) as MappingNode))
            .Where(x => x.Map is { Count: > 0 })
            .ToList();
        if (carriers.Count == 0) return null;
        var name = document.Name ?? "";
        if (allowedNames is not null && (allowedNames.Contains(name) || allowedNames.Contains($"{document.Namespace}/{name}"))) return null;

        var labels = (root.GetValueOrDefault("metadata") as MappingNode)?.GetValueOrDefault("labels") as MappingNode;
        var argoType = labels?.GetString("argocd.argoproj.io/secret-type");
        var (carrierKey, carrier) = carriers[0];
        var path = NodePath.Root.Key(carrierKey);
        if (argoType is not null && ArgoSecretTypes.Contains(argoType))
        {
            var credential = carriers.SelectMany(c => c.Map!.Entries.Select(e => (c.Key, Entry: e)))
                .FirstOrDefault(x => CredentialFields.Contains(x.Entry.Key));
            if (credential.Key is null) return null;
            return Diagnostic.Error("plaintext-secret",
                $"Argo CD {argoType} secret '{name}' carries the credential field '{credential.Entry.Key}' in plaintext",
                NodePath.Root.Key(credential.Key).Key(credential.Entry.Key), credential.Entry.KeyLocation ?? credential.Entry.Value.Location,
                "keep only the URL and flags in Git and let an ExternalSecret with target.template fill in the credential from OCI Vault");
        }
        return Diagnostic.Error("plaintext-secret",
            $"Secret '{name}' carries values in {carrierKey}; base64 is not encryption, so this is plaintext in Git",
            path, root.TryGetEntry(carrierKey, out var carrierEntry) ? carrierEntry.KeyLocation ?? carrier!.Location : carrier!.Location,
            "store the value in OCI Vault and commit an ExternalSecret instead, or allow this one explicitly with --allow-secret");
    }
}
