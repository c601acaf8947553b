using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// A schema file (embedded or from a user folder) could not be loaded: it is not JSON, not in the
/// <c>okegitops.schema/v1</c> format, or disagrees with where it sits. The diagnostic names the file.
/// </summary>
public sealed class SchemaLoadException : ManifestException
{
    /// <summary>Creates the exception for one diagnostic.</summary>
    public SchemaLoadException(Diagnostic diagnostic) : base([diagnostic]) { }

    /// <summary>The diagnostic that stopped loading.</summary>
    public Diagnostic Diagnostic => Diagnostics[0];
}
