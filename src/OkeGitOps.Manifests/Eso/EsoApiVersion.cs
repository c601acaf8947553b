using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Intent.Eso;

/// <summary>Which <c>external-secrets.io</c> version ESO manifests are written with.</summary>
public enum EsoApiVersion
{
    /// <summary><c>external-secrets.io/v1</c>, the version ESO serves (the default).</summary>
    V1,

    /// <summary>
    /// <c>external-secrets.io/v1beta1</c>, only for clusters still running ESO older than 0.17. ESO stopped serving
    /// v1beta1 in 0.17, so every document written this way carries a warning.
    /// </summary>
    V1beta1Unserved,
}

/// <summary>A rendered ESO manifest and what was noticed while rendering it (warnings; errors throw instead).</summary>
/// <param name="Document">The document, ready for <c>ManifestValidator</c> and <c>YamlEmitter</c>.</param>
/// <param name="Diagnostics">Warnings, e.g. for an unserved apiVersion; empty for the default version.</param>
public sealed record EsoRendering(ManifestDocument Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The document's tree.</summary>
    public ManifestNode Node => Document.Root;

    /// <summary>The document as YAML (the diagnostics are in <see cref="Diagnostics"/>).</summary>
    public override string ToString() => OkeGitOps.Manifests.Yaml.YamlEmitter.Emit(Document.Root);
}

/// <summary>
/// Renders ESO models to documents in a chosen API version, after the checks ESO's admission webhook applies
/// to ExternalSecrets (data or dataFrom present; target policies that agree).
/// </summary>
public static class EsoManifests
{
    /// <summary>The group of every ESO kind.</summary>
    public const string Group = "external-secrets.io";

    /// <summary>Renders a model (ExternalSecret, SecretStore, ClusterSecretStore, ClusterExternalSecret) in <paramref name="version"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The API version; <see cref="EsoApiVersion.V1"/> unless the cluster runs ESO older than 0.17.</param>
    /// <exception cref="ManifestValidationException">An ExternalSecret breaks a rule ESO's webhook enforces.</exception>
    public static EsoRendering Render(IManifestModel model, EsoApiVersion version = EsoApiVersion.V1)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model is Models.Eso.ExternalSecret es) ExternalSecrets.Check(es);
        var node = model.ToNode();
        var apiVersion = node.GetString("apiVersion");
        if (apiVersion is null || !apiVersion.StartsWith(Group + "/", StringComparison.Ordinal))
            throw new ArgumentException($"{model.GetType().Name} is not an External Secrets Operator kind.", nameof(model));
        if (version == EsoApiVersion.V1) return new EsoRendering(new ManifestDocument(node), []);

        var kind = node.GetString("kind");
        var old = $"{Group}/v1beta1";
        node = node.Set("apiVersion", ManifestNode.String(old));
        var warning = Diagnostic.Warning(IntentRules.EsoUnservedVersion,
            $"{old} is no longer served: ESO stopped serving v1beta1 in 0.17, so a current ESO rejects this {kind}",
            NodePath.Root.Key("apiVersion"), null,
            $"write {Group}/v1 (EsoApiVersion.V1, the default) unless the cluster still runs ESO older than 0.17");
        return new EsoRendering(new ManifestDocument(node), [warning]);
    }
}
