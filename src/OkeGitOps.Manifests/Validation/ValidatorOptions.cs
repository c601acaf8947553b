namespace OkeGitOps.Manifests.Validation;

/// <summary>Settings for <see cref="ManifestValidator"/>. The defaults match what an API server with the upstream CRDs enforces.</summary>
public sealed record ValidatorOptions
{
    /// <summary>The defaults.</summary>
    public static ValidatorOptions Default { get; } = new();

    /// <summary>
    /// How unknown fields are reported. <c>true</c> (the default): as errors, the way
    /// <c>kubectl apply --validate=strict</c> (field validation <c>Strict</c>) rejects them. <c>false</c>: as
    /// warnings, the way <c>--validate=warn</c> reports them; the API server would then drop those fields silently,
    /// which is why they are never ignored outright.
    /// </summary>
    public bool Strict { get; init; } = true;

    /// <summary>
    /// When <c>true</c>, a document whose kind has no schema at all gets a warning instead of an error (like
    /// kubeconform's <c>-ignore-missing-schemas</c>, but still visible). A kind that is a near miss of a known one
    /// (a likely typo) and known kinds written with a wrong or unserved version stay errors.
    /// </summary>
    public bool AllowUnknownKinds { get; init; }

    /// <summary>
    /// When <c>true</c>, every <c>x-kubernetes-validations</c> (CEL) rule that applies to a node is reported as a
    /// warning saying it was not evaluated. Off by default: the rules are kept as data, never evaluated or guessed at.
    /// </summary>
    public bool ReportUnevaluatedCelRules { get; init; }

    /// <summary>
    /// The Kubernetes version whose built-in APIs are checked, e.g. <c>"1.33"</c>; one of
    /// <see cref="Schemas.SchemaRegistry.KubernetesVersions"/>. <c>null</c> (the default) means the newest. A built-in
    /// apiVersion that this version no longer serves is an error naming the version that removed it and its
    /// replacement; one it serves but deprecates is a warning; one that only later versions serve is an error naming
    /// the first of them. Built-in kinds are checked against the shape this version serves.
    /// </summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>The lowest Service <c>nodePort</c> accepted; the API server's default range starts at 30000.</summary>
    public int NodePortMin { get; init; } = 30000;

    /// <summary>The highest Service <c>nodePort</c> accepted; the API server's default range ends at 32767.</summary>
    public int NodePortMax { get; init; } = 32767;
}
