using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>The result of expanding one ApplicationSet.</summary>
/// <param name="ApplicationSetName">The ApplicationSet's <c>metadata.name</c>.</param>
/// <param name="Applications">The generated Applications, in the order Argo CD generates them.</param>
/// <param name="Diagnostics">What went wrong or looks wrong, Argo CD's own errors included.</param>
public sealed record AppSetExpansion(string ApplicationSetName, IReadOnlyList<MappingNode> Applications, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error: Argo CD would not apply this ApplicationSet's result.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
