using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Oci;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Repo;

/// <summary>Which checks <see cref="ManifestChecks"/> runs on each document besides the schema.</summary>
public sealed record ManifestCheckOptions
{
    /// <summary>All checks on, as a render and <c>okegitops validate</c> run them by default.</summary>
    public static ManifestCheckOptions Default { get; } = new();

    /// <summary>Settings of the schema validation (strictness, unknown kinds).</summary>
    public ValidatorOptions Validator { get; init; } = ValidatorOptions.Default;

    /// <summary>Check OCI load-balancer annotations: the Service rules of the OCI cloud-controller-manager
    /// (<see cref="OciServiceLint"/>) and the Ingress, IngressClass and IngressClassParameters rules of the OCI native
    /// ingress controller (<see cref="OciIngressLint"/>).</summary>
    public bool OciLint { get; init; } = true;

    /// <summary>Refuse Secrets that carry values in <c>data</c> or <c>stringData</c>.</summary>
    public bool PlaintextSecrets { get; init; } = true;

    /// <summary>Secrets (<c>name</c> or <c>namespace/name</c>) allowed to carry data anyway.</summary>
    public IReadOnlySet<string> AllowedSecrets { get; init; } = new HashSet<string>();
}

/// <summary>
/// The one set of checks every document goes through, whether it is rendered (<see cref="RepoRenderer"/>) or read
/// from a repository (<c>okegitops validate</c>): the schema validator, the OCI load-balancer lint and the
/// plaintext-secret check, so the two paths can never disagree.
/// </summary>
public sealed class ManifestChecks
{
    private readonly ManifestValidator _validator;
    private readonly ManifestCheckOptions _options;

    /// <summary>Creates the checks over a schema registry.</summary>
    public ManifestChecks(SchemaRegistry registry, ManifestCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _options = options ?? ManifestCheckOptions.Default;
        _validator = new ManifestValidator(registry, _options.Validator);
    }

    /// <summary>Whether the OCI checks are on, including those across Ingresses (<see cref="OciIngressLint.CheckAcross"/>).</summary>
    public bool OciLintEnabled => _options.OciLint;

    /// <summary>Checks one document and returns what was found, schema findings first.</summary>
    public IReadOnlyList<Diagnostic> Check(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = _validator.Validate(document);
        var secret = _options.PlaintextSecrets ? PlaintextSecretCheck.Check(document, _options.AllowedSecrets) : null;
        var lint = _options.OciLint ? OciLint(document) : [];
        if (secret is null && lint.Count == 0) return found;
        var all = new List<Diagnostic>(found);
        if (secret is not null) all.Add(secret);
        all.AddRange(lint);
        return all;
    }

    private static IReadOnlyList<Diagnostic> OciLint(ManifestDocument document)
    {
        var service = OciServiceLint.Check(document);
        var ingress = OciIngressLint.Check(document);
        return ingress.Count == 0 ? service : service.Count == 0 ? ingress : [.. service, .. ingress];
    }
}
