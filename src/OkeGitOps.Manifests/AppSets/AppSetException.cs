using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.AppSets;

/// <summary>Stops the expansion of one generator with a diagnostic; caught by <see cref="AppSetExpander"/>.</summary>
internal sealed class AppSetException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
