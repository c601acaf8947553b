using OkeGitOps.Manifests.Models.Eso;

namespace OkeGitOps.Manifests.Intent.Eso;

/// <summary>
/// A reference to one key of a Kubernetes Secret that already exists in the cluster (created outside Git). The
/// helpers take key material only in this form: there is no overload that accepts a private key or fingerprint
/// as text, so none can end up in a manifest.
/// </summary>
/// <param name="Name">The Secret's name.</param>
/// <param name="Key">The key inside the Secret's data.</param>
/// <param name="Namespace">The Secret's namespace; needed when a ClusterSecretStore refers to it.</param>
public sealed record SecretKeyRef(string Name, string Key, string? Namespace = null)
{
    internal SecretStoreSpecProviderCrdAuthRef ToModel(string path)
    {
        IntentRules.RequireName(Name, path + ".name", "Secret name");
        if (Validation.NameRules.ConfigMapKeyProblem(Key ?? "") is { } problem)
            throw IntentRules.Fail(IntentRules.EsoSecretKey, $"'{Key}' is not a valid Secret key: {problem}", path + ".key",
                "name the key inside the Secret, e.g. 'privateKey' or 'fingerprint'");
        if (Namespace is not null) IntentRules.RequireName(Namespace, path + ".namespace", "namespace", label: true);
        return new SecretStoreSpecProviderCrdAuthRef { Name = Name, Key = Key, Namespace = Namespace };
    }
}
