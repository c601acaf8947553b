namespace OkeGitOps.Manifests.AppSets;

/// <summary>The rule ids of the diagnostics ApplicationSet expansion reports.</summary>
public static class AppSetRules
{
    /// <summary>A generator Argo CD has but an offline preview cannot run (scmProvider, pullRequest, clusterDecisionResource, plugin) and no parameters were supplied for it.</summary>
    public const string UnsupportedGenerator = "appset-generator-unsupported";

    /// <summary>A generator is malformed or failed the way Argo CD's would (e.g. a matrix without two children, a bad file).</summary>
    public const string GeneratorError = "appset-generator-error";

    /// <summary>A template string failed to parse or to render (including a missing key under <c>missingkey=error</c>).</summary>
    public const string TemplateError = "appset-template-error";

    /// <summary>Two generated Applications have the same name; Argo CD refuses the whole ApplicationSet.</summary>
    public const string DuplicateApplication = "appset-duplicate-application";

    /// <summary>A rendered Application is not valid (fails the Application schema or Argo CD's own checks).</summary>
    public const string InvalidApplication = "appset-invalid-application";

    /// <summary>A selector (a cluster selector or a generator's post-selector) matched nothing.</summary>
    public const string SelectorMatchesNothing = "appset-selector-matches-nothing";

    /// <summary>A Git generator names a repository that has no local folder (see <see cref="AppSetInput.Repositories"/>).</summary>
    public const string RepositoryNotMapped = "appset-repo-not-mapped";

    /// <summary>Expansion went past a limit of <see cref="AppSetLimits"/> and was stopped.</summary>
    public const string LimitExceeded = "appset-limit-exceeded";

    /// <summary>The input given as an ApplicationSet is not one.</summary>
    public const string NotAnApplicationSet = "appset-not-an-applicationset";
}
