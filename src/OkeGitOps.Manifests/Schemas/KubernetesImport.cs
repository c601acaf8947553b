namespace OkeGitOps.Manifests.Schemas;

/// <summary>What <see cref="CrdImporter.ImportKubernetes"/> makes from the OpenAPI documents of several Kubernetes versions.</summary>
/// <param name="Schemas">
/// Every schema file, ordered by path: each group/version/kind at its usual path with the newest shape, and older shapes
/// that differ under <c>kubernetes/&lt;version&gt;/</c>.
/// </param>
/// <param name="IndexPath">Where the index goes below the schemas folder: <c>kubernetes/index.json</c>.</param>
/// <param name="IndexJson">The index: for each apiVersion and kind, the schema file each Kubernetes version serves.</param>
public sealed record KubernetesImport(IReadOnlyList<ImportedSchema> Schemas, string IndexPath, string IndexJson);
