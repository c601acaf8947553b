using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>Builds the document check the validate command runs, from the library's registry and validator.</summary>
internal static class ValidatorFactory
{
    /// <summary>Creates the check for the given settings: the embedded schemas plus any <c>--schemas</c> folders.</summary>
    /// <exception cref="SchemaLoadException">A schema folder holds a file that is not a valid schema or CRD.</exception>
    public static Func<ManifestDocument, IReadOnlyList<Diagnostic>> Create(ValidateSettings settings)
    {
        var registry = SchemaRegistry.Default;
        foreach (var directory in settings.SchemaDirectories) registry = registry.WithSchemasFrom(directory);
        var validator = new ManifestValidator(registry, ValidatorOptions.Default with { Strict = settings.Strict });
        return validator.Validate;
    }
}
