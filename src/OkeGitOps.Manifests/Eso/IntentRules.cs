using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Intent;

/// <summary>
/// The rule identifiers the OCI Vault, External Secrets and Argo CD intent helpers report. Each failure is a
/// <see cref="ManifestValidationException"/> carrying one <see cref="Diagnostic"/> with the rule, the YAML path
/// of the field in the manifest being built and a suggestion.
/// </summary>
public static class IntentRules
{
    /// <summary>An OCID is malformed or names another resource type than the field wants.</summary>
    public const string Ocid = "oci-ocid";
    /// <summary>A region identifier is not a known OCI region.</summary>
    public const string Region = "oci-region";
    /// <summary>A vault OCID was issued in another region than the store's region.</summary>
    public const string RegionMismatch = "oci-region-mismatch";
    /// <summary>An Object Storage (tenancy) namespace, as OCIR uses it, is malformed.</summary>
    public const string TenancyNamespace = "oci-tenancy-namespace";
    /// <summary>An IAM policy permission is not <c>&lt;verb&gt; &lt;resource-type&gt;</c>.</summary>
    public const string PolicyPermission = "oci-policy-permission";
    /// <summary>A Kubernetes object or namespace name is invalid.</summary>
    public const string Name = "k8s-name";
    /// <summary>A duration string is not a Go duration, or is negative.</summary>
    public const string Duration = "go-duration";
    /// <summary>An ESO apiVersion that ESO no longer serves was asked for explicitly (a warning).</summary>
    public const string EsoUnservedVersion = "eso-api-version-unserved";
    /// <summary>A namespaced SecretStore refers to a service account in another namespace.</summary>
    public const string EsoServiceAccountNamespace = "eso-service-account-namespace";
    /// <summary>A SecretStore in one namespace was used by an ExternalSecret in another.</summary>
    public const string EsoStoreNamespace = "eso-store-namespace";
    /// <summary>A remote key (the name of the secret in OCI Vault) is empty.</summary>
    public const string EsoRemoteKey = "eso-remote-key";
    /// <summary>A key of the Secret ESO writes is not a valid Secret data key.</summary>
    public const string EsoSecretKey = "eso-secret-key";
    /// <summary>A <c>dataFrom.find</c> has no criterion, or its name pattern is not a regular expression.</summary>
    public const string EsoFind = "eso-find";
    /// <summary>The target's creationPolicy and deletionPolicy contradict each other (ESO's webhook refuses them).</summary>
    public const string EsoTargetPolicies = "eso-target-policies";
    /// <summary>An ExternalSecret has neither <c>data</c> nor <c>dataFrom</c>.</summary>
    public const string EsoNoData = "eso-no-data";
    /// <summary>A template data entry for a credential holds a literal value instead of a reference to fetched data.</summary>
    public const string EsoTemplateLiteralCredential = "eso-template-literal-credential";
    /// <summary>A repository URL does not fit the source kind (e.g. <c>oci://</c> on a Helm-type repository).</summary>
    public const string ArgoRepoUrl = "argo-repo-url";
    /// <summary>A destination names both a server and a cluster name, or neither.</summary>
    public const string ArgoDestination = "argo-destination";
    /// <summary>Multi-source refs are duplicated or a <c>$ref</c> value file names a ref no source declares.</summary>
    public const string ArgoSourceRef = "argo-source-ref";
    /// <summary>A least-privilege AppProject was given a wildcard.</summary>
    public const string ArgoProjectWildcard = "argo-project-wildcard";
    /// <summary>A matrix generator needs exactly two child generators; a merge generator at least two and merge keys.</summary>
    public const string ArgoGeneratorShape = "argo-generator-shape";
    /// <summary>A retry limit is below -1 (-1 means unlimited) or a backoff factor below 1.</summary>
    public const string ArgoRetry = "argo-retry";

    internal static ManifestValidationException Fail(string rule, string message, string? path, string? suggestion = null)
        => Fail(rule, message, path is null ? null : NodePath.Parse(path), suggestion);

    internal static ManifestValidationException Fail(string rule, string message, NodePath? path, string? suggestion = null)
        => new([Diagnostic.Error(rule, message, path, null, suggestion)]);

    internal static NodePath At(string parent, string key) => NodePath.Parse(parent).Key(key);

    internal static string RequireName(string? value, string path, string what, bool label = false)
    {
        if (string.IsNullOrEmpty(value))
            throw Fail(Name, $"the {what} is empty", path, "give a lowercase DNS name such as 'external-secrets'");
        var ok = label ? NameRules.IsDns1123Label(value) : NameRules.IsDns1123Subdomain(value);
        if (!ok)
            throw Fail(Name, $"'{value}' is not a valid {what}: " + (label
                    ? "it must be at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit"
                    : "it must be at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit"),
                path, $"try '{Suggest(value)}'");
        return value;
    }

    internal static string RequireText(string? value, string path, string rule, string what, string suggestion)
        => string.IsNullOrWhiteSpace(value) ? throw Fail(rule, $"the {what} is empty", path, suggestion) : value;

    private static string Suggest(string value)
    {
        var chars = value.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray();
        var s = new string(chars).Trim('-', '.');
        return s.Length == 0 ? "name" : s;
    }
}
