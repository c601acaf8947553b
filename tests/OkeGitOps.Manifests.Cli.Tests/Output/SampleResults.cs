using OkeGitOps.Manifests.Cli.Validate;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Cli.Tests.Output;

/// <summary>A fixed set of results covering every status, used by each formatter's tests.</summary>
internal static class SampleResults
{
    public static readonly IReadOnlyList<DocumentResult> Results =
    [
        new("apps/guestbook.yaml", 0, 1, "argoproj.io/v1alpha1", "Application", "guestbook", "argocd", DocumentStatus.Invalid,
        [
            Diagnostic.Error("unknown-field", "unknown field 'repoUrl'", NodePath.Parse("spec.source.repoUrl"),
                new SourceLocation("apps/guestbook.yaml", 9, 5), "did you mean 'repoURL'?"),
            Diagnostic.Warning("deprecated", "a warning with, commas: and %", NodePath.Parse("spec"), new SourceLocation("apps/guestbook.yaml", 7, 1)),
        ]),
        new("apps/guestbook.yaml", 1, 12, "v1", "Namespace", "guestbook", null, DocumentStatus.Valid, []),
        new("apps/values.yaml", 0, 0, null, null, null, null, DocumentStatus.Skipped, [], "Helm values file"),
        new("broken.yaml", 0, 3, null, null, null, null, DocumentStatus.Error,
        [
            Diagnostic.Error("yaml-duplicate-key", "duplicate key 'name'", null, new SourceLocation("broken.yaml", 3, 3), "keep one of the two"),
        ]),
    ];

    public static ValidationSummary Summary => ValidationSummary.Of(Results, 3);
}
