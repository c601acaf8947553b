using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Repo;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>Builds the document check the validate command runs: the library's <see cref="ManifestChecks"/>, as a render runs them.</summary>
internal static class ValidatorFactory
{
    /// <summary>Creates the check for the given settings: the embedded schemas plus the files of any <c>--schemas</c> folders.</summary>
    /// <exception cref="SchemaLoadException">A schema folder holds a file that is not a valid schema or CRD.</exception>
    public static Func<ManifestDocument, IReadOnlyList<Diagnostic>> Create(ValidateSettings settings)
    {
        var registry = SchemaRegistry.Default;
        foreach (var files in settings.SchemaFiles) registry = registry.WithSchemaFiles(files);
        var checks = new ManifestChecks(registry, new ManifestCheckOptions
        {
            Validator = ValidatorOptions.Default with { Strict = settings.Strict, KubernetesVersion = settings.KubernetesVersion },
            OciLint = settings.OciLint,
            PlaintextSecrets = settings.CheckSecrets,
            AllowedSecrets = settings.AllowedSecrets,
        });
        return checks.Check;
    }
}
