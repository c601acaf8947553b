using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>
/// What an ApplicationSet is expanded against: the Argo CD cluster Secrets, a local folder for each Git repository,
/// and parameter sets for the generators that need a live service.
/// </summary>
public sealed record AppSetInput
{
    /// <summary>The empty input: no cluster Secrets (only the in-cluster entry exists), no repositories.</summary>
    public static AppSetInput Empty { get; } = new();

    /// <summary>
    /// Argo CD cluster Secrets as read from YAML or built in code. Only Secrets labelled
    /// <c>argocd.argoproj.io/secret-type: cluster</c> count; <c>stringData</c> wins over base64 <c>data</c>.
    /// An ExternalSecret whose target template makes such a Secret counts too (its literal fields and labels are used).
    /// Other documents are ignored, so a whole folder's documents may be passed.
    /// </summary>
    public IReadOnlyList<ManifestNode> ClusterSecrets { get; init; } = [];

    /// <summary>The namespace Argo CD runs in when neither the input nor the ApplicationSet says otherwise.</summary>
    public const string DefaultArgoCdNamespace = "argocd";

    /// <summary>
    /// The namespace Argo CD runs in. Argo CD v3 reads cluster Secrets from its own namespace only, so a Secret whose
    /// <c>metadata.namespace</c> names another namespace is left out; a Secret that names none is kept (it would be
    /// applied there). Null (the default) means the ApplicationSet's own <c>metadata.namespace</c>, or
    /// <see cref="DefaultArgoCdNamespace"/> when it has none.
    /// </summary>
    public string? ArgoCdNamespace { get; init; }

    /// <summary>For each Git <c>repoURL</c>, the local folder that stands for its content at the target revision.</summary>
    public IReadOnlyDictionary<string, string> Repositories { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Parameter sets for the generators an offline preview cannot run, by generator name (<c>pullRequest</c>,
    /// <c>scmProvider</c>, <c>clusterDecisionResource</c>, <c>plugin</c>); each set is a mapping.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<MappingNode>> SuppliedParameters { get; init; } = new Dictionary<string, IReadOnlyList<MappingNode>>();

    /// <summary>
    /// Whether Argo CD lists its own cluster as <c>in-cluster</c> (<c>cluster.inClusterEnabled</c> in <c>argocd-cm</c>; on by default).
    /// </summary>
    public bool InClusterEnabled { get; init; } = true;

    /// <summary>
    /// Use the Git file generator's new globbing (<c>--enable-new-git-file-globbing</c>), where <c>*</c> stays within one
    /// path segment and <c>**</c> crosses them. Off by default, as in Argo CD, where <c>*</c> matches across '/'.
    /// </summary>
    public bool NewGitFileGlobbing { get; init; }

    /// <summary>
    /// The instant Go templates see as "now" (<c>now</c>, <c>ago</c>, <c>date</c> without a time, ...); templates see it in
    /// UTC, as in an Argo CD controller without a TZ setting. Null (the default) reads the real clock, for a faithful
    /// preview; set it for output that can be compared from one run to the next.
    /// </summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>
    /// Seed of the random source behind <c>uuidv4</c>, <c>randAlphaNum</c>, <c>shuffle</c> and the other random template
    /// functions, restarted for each ApplicationSet. The default, <see cref="GoTemplate.GoTemplateEnvironment.DefaultRandomSeed"/>,
    /// makes two previews of the same input identical; null makes the values unpredictable. Argo CD itself draws new
    /// values on every reconcile, so a preview's random values never match the cluster's.
    /// </summary>
    public int? RandomSeed { get; init; } = GoTemplate.GoTemplateEnvironment.DefaultRandomSeed;

    /// <summary>Bounds on the work one expansion may do.</summary>
    public AppSetLimits Limits { get; init; } = AppSetLimits.Default;
}

/// <summary>Bounds that keep expansion of a hostile or mistaken ApplicationSet finite.</summary>
/// <param name="MaxParameterSets">Parameter sets one generator (including a matrix's product) may produce.</param>
/// <param name="MaxTemplateSteps">Evaluation steps one Go template string may take.</param>
/// <param name="MaxRenderedLength">
/// Characters one rendered template string may have, and also any string a Go template produces on the way (function
/// results, formatted values): 1 MiB by default, far more than any Application field needs. It becomes the Go
/// template engine's <see cref="GoTemplate.GoTemplateLimits.MaxOutputLength"/>.
/// </param>
/// <param name="MaxGitFiles">Files and folders a Git generator may list in one repository.</param>
public sealed record AppSetLimits(
    int MaxParameterSets = 10_000,
    long MaxTemplateSteps = 1_000_000,
    int MaxRenderedLength = 1024 * 1024,
    int MaxGitFiles = 100_000)
{
    /// <summary>The limits used when none are given.</summary>
    public static AppSetLimits Default { get; } = new();
}
