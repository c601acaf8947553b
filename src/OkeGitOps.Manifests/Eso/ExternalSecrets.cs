using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Models.Eso;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Intent.Eso;

/// <summary>
/// ExternalSecrets that read from a store: the factory points <c>secretStoreRef</c> at a store object (the kind
/// follows from the object), and the extension methods add <c>data</c>, <c>dataFrom</c>, the target Secret and its
/// template, and the refresh interval. Values are checked as they are set. The results are ordinary
/// <see cref="ExternalSecret"/> models.
/// </summary>
/// <remarks>
/// Secret values never pass through this API: an ExternalSecret only names where a value lives in OCI Vault, and ESO
/// writes the Kubernetes Secret in the cluster. Template data may refer to fetched values (<c>{{ .password }}</c>);
/// a literal value for a credential key is refused.
/// </remarks>
public static class ExternalSecrets
{
    private static readonly string[] CredentialWords = ["password", "passwd", "token", "secret", "privatekey", "private-key", "apikey", "api-key", "credential"];

    /// <summary>An ExternalSecret that reads from a ClusterSecretStore.</summary>
    /// <param name="name">The ExternalSecret's name (also the target Secret's name unless <see cref="WithTarget"/> says otherwise).</param>
    /// <param name="namespace">The namespace the Secret is written to.</param>
    /// <param name="store">The store.</param>
    public static ExternalSecret From(string name, string @namespace, ClusterSecretStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Create(name, @namespace, IntentRules.RequireName(store.Metadata?.Name, "spec.secretStoreRef.name", "store name"),
            ExternalSecretSpecSecretStoreRefKind.ClusterSecretStore);
    }

    /// <summary>An ExternalSecret that reads from a SecretStore of the same namespace.</summary>
    /// <param name="name">The ExternalSecret's name.</param>
    /// <param name="namespace">The namespace; it must be the store's.</param>
    /// <param name="store">The store.</param>
    public static ExternalSecret From(string name, string @namespace, SecretStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var storeNs = store.Metadata?.Namespace;
        if (storeNs is not null && storeNs != @namespace)
            throw IntentRules.Fail(IntentRules.EsoStoreNamespace,
                $"SecretStore '{store.Metadata?.Name}' lives in namespace '{storeNs}', so an ExternalSecret in '{@namespace}' cannot use it",
                "spec.secretStoreRef", $"put the ExternalSecret in '{storeNs}', add a SecretStore to '{@namespace}', or use a ClusterSecretStore");
        return Create(name, @namespace, IntentRules.RequireName(store.Metadata?.Name, "spec.secretStoreRef.name", "store name"),
            ExternalSecretSpecSecretStoreRefKind.SecretStore);
    }

    private static ExternalSecret Create(string name, string @namespace, string storeName, ExternalSecretSpecSecretStoreRefKind kind)
    {
        IntentRules.RequireName(name, "metadata.name", "ExternalSecret name");
        IntentRules.RequireName(@namespace, "metadata.namespace", "namespace", label: true);
        return global::OkeGitOps.Manifests.Eso.ExternalSecret(name, @namespace)
            .WithSpec(new ExternalSecretSpec { SecretStoreRef = new() { Name = storeName, Kind = kind } });
    }

    /// <summary>How often ESO reads the values again, as Go duration text (<c>1h</c>, <c>15m</c>, <c>1h30m</c>; <c>0</c> reads once).</summary>
    /// <exception cref="Diagnostics.ManifestValidationException">The text is not a Go duration (rule <c>go-duration</c>).</exception>
    public static ExternalSecret WithRefreshInterval(this ExternalSecret externalSecret, string interval)
    {
        ArgumentNullException.ThrowIfNull(externalSecret);
        var d = GoDuration.Parse(interval, "spec.refreshInterval");
        return externalSecret.WithSpec(s => s.WithRefreshInterval(d.Text));
    }

    /// <summary>How often ESO reads the values again.</summary>
    public static ExternalSecret WithRefreshInterval(this ExternalSecret externalSecret, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(externalSecret);
        if (interval < TimeSpan.Zero)
            throw IntentRules.Fail(IntentRules.Duration, $"the refresh interval {interval} is negative", "spec.refreshInterval",
                "pass a positive TimeSpan, or TimeSpan.Zero to read only once");
        return externalSecret.WithSpec(s => s.WithRefreshInterval(GoDuration.From(interval).Text));
    }

    /// <summary>Adds one key of the target Secret, filled from one secret in the vault.</summary>
    /// <param name="externalSecret">The ExternalSecret.</param>
    /// <param name="secretKey">The key in the Kubernetes Secret.</param>
    /// <param name="remoteKey">The secret's name in OCI Vault.</param>
    /// <param name="property">A JSON property inside the secret's content, when it holds JSON.</param>
    /// <param name="version">A version of the secret, when not the current one.</param>
    public static ExternalSecret AddData(this ExternalSecret externalSecret, string secretKey, string remoteKey, string? property = null, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(externalSecret);
        var index = externalSecret.Spec?.Data?.Count ?? 0;
        var path = $"spec.data[{index}]";
        if (NameRules.ConfigMapKeyProblem(secretKey ?? "") is { } problem)
            throw IntentRules.Fail(IntentRules.EsoSecretKey, $"'{secretKey}' is not a valid Secret key: {problem}", path + ".secretKey",
                "use letters, digits, '-', '_' and '.', e.g. 'password' or 'db.url'");
        var item = new ExternalSecretSpecData { SecretKey = secretKey, RemoteRef = RemoteRef(remoteKey, property, version, path + ".remoteRef") };
        return externalSecret.WithSpec(s => s with { Data = (s.Data ?? EquatableArray<ExternalSecretSpecData>.Empty).Add(item) });
    }

    /// <summary>Adds every key of a vault secret whose content is a JSON object (<c>dataFrom.extract</c>).</summary>
    /// <param name="externalSecret">The ExternalSecret.</param>
    /// <param name="remoteKey">The secret's name in OCI Vault.</param>
    /// <param name="property">A JSON property holding the object, when not the whole content.</param>
    /// <param name="version">A version of the secret, when not the current one.</param>
    public static ExternalSecret AddDataFromExtract(this ExternalSecret externalSecret, string remoteKey, string? property = null, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(externalSecret);
        var path = $"spec.dataFrom[{externalSecret.Spec?.DataFrom?.Count ?? 0}].extract";
        return AddDataFrom(externalSecret, new ExternalSecretSpecDataFrom { Extract = RemoteRef(remoteKey, property, version, path) });
    }

    /// <summary>
    /// Adds every vault secret whose name matches a regular expression and/or that carries all the given freeform
    /// tags (<c>dataFrom.find</c>); each becomes one key. The store needs a compartment for ESO to list secrets in.
    /// </summary>
    /// <param name="externalSecret">The ExternalSecret.</param>
    /// <param name="nameRegex">A regular expression the secret names must match.</param>
    /// <param name="tags">Tags the secrets must carry.</param>
    public static ExternalSecret AddDataFromFind(this ExternalSecret externalSecret, string? nameRegex = null, IReadOnlyDictionary<string, string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(externalSecret);
        var path = $"spec.dataFrom[{externalSecret.Spec?.DataFrom?.Count ?? 0}].find";
        if (nameRegex is null && (tags is null || tags.Count == 0))
            throw IntentRules.Fail(IntentRules.EsoFind, "a find needs a name pattern or at least one tag, otherwise it would fetch every secret in the compartment", path,
                "pass nameRegex: (e.g. \"^app-\") or tags:");
        if (nameRegex is not null)
        {
            try
            {
                _ = new Regex(nameRegex, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw IntentRules.Fail(IntentRules.EsoFind, $"'{nameRegex}' is not a regular expression: {e.Message}", path + ".name.regexp",
                    "escape special characters such as '.', '(' and '[' with a backslash");
            }
        }
        var find = new ExternalSecretSpecDataFromFind
        {
            Name = nameRegex is null ? null : new FindName { Regexp = nameRegex },
            Tags = tags is null || tags.Count == 0 ? null : EquatableMap<string>.Create(tags),
        };
        return AddDataFrom(externalSecret, new ExternalSecretSpecDataFrom { Find = find });
    }

    private static ExternalSecret AddDataFrom(ExternalSecret es, ExternalSecretSpecDataFrom item)
        => es.WithSpec(s => s with { DataFrom = (s.DataFrom ?? EquatableArray<ExternalSecretSpecDataFrom>.Empty).Add(item) });

    /// <summary>The Secret ESO writes: its name and what ESO does when creating and deleting it.</summary>
    /// <param name="externalSecret">The ExternalSecret.</param>
    /// <param name="name">The Secret's name; the ExternalSecret's name when null.</param>
    /// <param name="creationPolicy">Whether ESO owns, merges into or orphans the Secret.</param>
    /// <param name="deletionPolicy">What happens to the Secret when the remote values disappear.</param>
    public static ExternalSecret WithTarget(this ExternalSecret externalSecret, string? name = null,
        ExternalSecretSpecTargetCreationPolicy? creationPolicy = null, ExternalSecretSpecTargetDeletionPolicy? deletionPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(externalSecret);
        if (name is not null) IntentRules.RequireName(name, "spec.target.name", "Secret name");
        var result = externalSecret.WithSpec(s => s.WithTarget(t => t with
        {
            Name = name ?? t.Name,
            CreationPolicy = creationPolicy ?? t.CreationPolicy,
            DeletionPolicy = deletionPolicy ?? t.DeletionPolicy,
        }));
        CheckPolicies(result.Spec!.Target!);
        return result;
    }

    /// <summary>
    /// Shapes the Secret ESO writes with a template (engine v2): its type, labels and annotations, and data entries
    /// built from the fetched values, e.g. <c>["url"] = "https://...", ["password"] = "{{ .password }}"</c>.
    /// </summary>
    /// <param name="externalSecret">The ExternalSecret.</param>
    /// <param name="data">Template data: key → Go template over the fetched keys (or a fixed, non-secret value).</param>
    /// <param name="labels">Labels of the Secret.</param>
    /// <param name="annotations">Annotations of the Secret.</param>
    /// <param name="type">The Secret's type, e.g. <c>kubernetes.io/dockerconfigjson</c>.</param>
    /// <exception cref="Diagnostics.ManifestValidationException">A key is invalid, or a credential key holds a literal value.</exception>
    public static ExternalSecret WithTemplate(this ExternalSecret externalSecret,
        IReadOnlyDictionary<string, string>? data = null,
        IReadOnlyDictionary<string, string>? labels = null,
        IReadOnlyDictionary<string, string>? annotations = null,
        string? type = null)
    {
        ArgumentNullException.ThrowIfNull(externalSecret);
        foreach (var (key, value) in (data ?? new Dictionary<string, string>()).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var path = IntentRules.At("spec.target.template.data", key);
            if (NameRules.ConfigMapKeyProblem(key) is { } problem)
                throw IntentRules.Fail(IntentRules.EsoSecretKey, $"'{key}' is not a valid Secret key: {problem}", path,
                    "use letters, digits, '-', '_' and '.'");
            if (IsCredentialKey(key) && !value.Contains("{{", StringComparison.Ordinal))
                throw IntentRules.Fail(IntentRules.EsoTemplateLiteralCredential,
                    $"template data '{key}' holds a literal value; a credential written here would sit in Git in plaintext", path,
                    $"store the value in OCI Vault, fetch it with AddData(\"{key}\", \"<vault secret name>\") and write \"{{{{ .{key} }}}}\" here");
        }
        CheckMetadataMap(labels, "spec.target.template.metadata.labels", isLabels: true);
        CheckMetadataMap(annotations, "spec.target.template.metadata.annotations", isLabels: false);
        var template = new ExternalSecretTemplate
        {
            EngineVersion = ExternalSecretTemplateEngineVersion.V2,
            Type = type,
            Data = data is null || data.Count == 0 ? null : EquatableMap<string>.Create(data),
            Metadata = (labels is null || labels.Count == 0) && (annotations is null || annotations.Count == 0) ? null : new ExternalSecretTemplateMetadata
            {
                Labels = labels is null || labels.Count == 0 ? null : EquatableMap<string>.Create(labels),
                Annotations = annotations is null || annotations.Count == 0 ? null : EquatableMap<string>.Create(annotations),
            },
        };
        return externalSecret.WithSpec(s => s.WithTarget(t => t.WithTemplate(template)));
    }

    /// <summary>Applies the checks ESO's admission webhook makes on an ExternalSecret, throwing on the first failure.</summary>
    /// <exception cref="Diagnostics.ManifestValidationException">The ExternalSecret would be refused.</exception>
    public static void Check(ExternalSecret externalSecret)
    {
        ArgumentNullException.ThrowIfNull(externalSecret);
        var spec = externalSecret.Spec;
        if ((spec?.Data?.Count ?? 0) == 0 && (spec?.DataFrom?.Count ?? 0) == 0)
            throw IntentRules.Fail(IntentRules.EsoNoData,
                $"ExternalSecret '{externalSecret.Metadata?.Name}' has neither data nor dataFrom, so it fetches nothing", "spec",
                "add AddData(secretKey, remoteKey), AddDataFromExtract(remoteKey) or AddDataFromFind(...)");
        if (spec?.Target is { } target) CheckPolicies(target);
    }

    private static void CheckPolicies(ExternalSecretSpecTarget target)
    {
        var creation = target.CreationPolicy;
        var deletion = target.DeletionPolicy;
        if (deletion == ExternalSecretSpecTargetDeletionPolicy.Delete
            && creation is ExternalSecretSpecTargetCreationPolicy.Merge or ExternalSecretSpecTargetCreationPolicy.None)
            throw IntentRules.Fail(IntentRules.EsoTargetPolicies,
                $"deletionPolicy Delete needs a Secret ESO owns, but creationPolicy is {creation!.Value.ToApiString()}", "spec.target.deletionPolicy",
                "use creationPolicy Owner, or deletionPolicy Retain");
        if (deletion == ExternalSecretSpecTargetDeletionPolicy.Merge && creation == ExternalSecretSpecTargetCreationPolicy.None)
            throw IntentRules.Fail(IntentRules.EsoTargetPolicies,
                "deletionPolicy Merge has no Secret to merge into when creationPolicy is None", "spec.target.deletionPolicy",
                "use creationPolicy Merge or Owner, or deletionPolicy Retain");
    }

    private static ExternalSecretSpecDataRemoteRef RemoteRef(string remoteKey, string? property, string? version, string path)
    {
        IntentRules.RequireText(remoteKey, path + ".key", IntentRules.EsoRemoteKey, "remote key (the secret's name in OCI Vault)",
            "pass the name of the secret as it appears in the vault, e.g. 'prod-db-password'");
        if (property is not null) IntentRules.RequireText(property, path + ".property", IntentRules.EsoRemoteKey, "property", "leave property null to take the whole secret");
        if (version is not null) IntentRules.RequireText(version, path + ".version", IntentRules.EsoRemoteKey, "version", "leave version null for the current version");
        return new ExternalSecretSpecDataRemoteRef { Key = remoteKey, Property = property, Version = version };
    }

    private static void CheckMetadataMap(IReadOnlyDictionary<string, string>? map, string path, bool isLabels)
    {
        if (map is null) return;
        foreach (var (key, value) in map.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (NameRules.QualifiedNameProblem(key) is { } problem)
                throw IntentRules.Fail(IntentRules.Name, $"'{key}' is not a valid {(isLabels ? "label" : "annotation")} key: {problem}", IntentRules.At(path, key));
            if (isLabels && NameRules.LabelValueProblem(value ?? "") is { } valueProblem)
                throw IntentRules.Fail(IntentRules.Name, $"'{value}' is not a valid label value: {valueProblem}", IntentRules.At(path, key));
        }
    }

    private static bool IsCredentialKey(string key)
    {
        if (PlaintextSecretCheck.CredentialFields.Contains(key)) return true;
        var lower = key.ToLowerInvariant();
        return CredentialWords.Any(w => lower.Contains(w, StringComparison.Ordinal));
    }
}
