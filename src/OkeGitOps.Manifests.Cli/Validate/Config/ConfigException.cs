using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Cli.Validate.Config;

/// <summary>A config file that cannot be used; the diagnostic names the file, line and column.</summary>
internal sealed class ConfigException(Diagnostic diagnostic) : Exception(diagnostic.ToString())
{
    /// <summary>What is wrong, and where.</summary>
    public Diagnostic Diagnostic { get; } = diagnostic;
}
