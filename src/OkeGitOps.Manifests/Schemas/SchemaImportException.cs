using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Schemas;

/// <summary>
/// A CRD or OpenAPI document could not be turned into schema files: it is not a CRD, lacks a required field,
/// has a schema of the wrong shape, or is not valid JSON. The diagnostics say what and where.
/// </summary>
public sealed class SchemaImportException : ManifestException
{
    /// <summary>Creates the exception for one diagnostic.</summary>
    public SchemaImportException(Diagnostic diagnostic) : base([diagnostic]) { }

    /// <summary>Creates the exception for several diagnostics.</summary>
    public SchemaImportException(IReadOnlyList<Diagnostic> diagnostics) : base(diagnostics) { }

    /// <summary>The first diagnostic, the one that stopped the import.</summary>
    public Diagnostic Diagnostic => Diagnostics[0];
}
