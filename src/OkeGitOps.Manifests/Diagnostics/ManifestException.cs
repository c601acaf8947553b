namespace OkeGitOps.Manifests.Diagnostics;

/// <summary>The base of the exceptions the library throws for bad input; each carries its diagnostics.</summary>
public abstract class ManifestException : Exception
{
    private protected ManifestException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
        => Diagnostics = diagnostics;

    /// <summary>What was found, with locations and suggestions.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}

/// <summary>YAML text could not be read into a manifest tree (syntax, duplicate keys, limits, encoding).</summary>
public sealed class YamlReadException : ManifestException
{
    /// <summary>Creates the exception for one diagnostic.</summary>
    public YamlReadException(Diagnostic diagnostic) : base([diagnostic]) { }

    /// <summary>The diagnostic that stopped reading.</summary>
    public Diagnostic Diagnostic => Diagnostics[0];
}

/// <summary>A manifest failed validation against its schema or the rules Kubernetes applies.</summary>
public sealed class ManifestValidationException : ManifestException
{
    /// <summary>Creates the exception for the diagnostics of a failed validation.</summary>
    public ManifestValidationException(IReadOnlyList<Diagnostic> diagnostics) : base(diagnostics) { }
}
