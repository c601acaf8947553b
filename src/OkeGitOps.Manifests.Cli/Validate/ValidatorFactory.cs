using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>Builds the document check the validate command runs, from the library's registry and validator.</summary>
internal static class ValidatorFactory
{
    /// <summary>Creates the check for the given settings.</summary>
    public static Func<ManifestDocument, IReadOnlyList<Diagnostic>> Create(ValidateSettings settings)
    {
        // Placeholder until the schema registry and validator land: report only that no schema is known.
        return document => [Diagnostic.Error("unknown-kind", $"no schema for {document.ApiVersion}/{document.Kind}", NodePath.Root.Key("kind"))];
    }
}
