using System.Collections.Concurrent;
using OkeGitOps.Manifests.AppSets;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>
/// <c>validate --expand-appsets</c>: expands every ApplicationSet of the input against the cluster Secrets (and the
/// ExternalSecrets that make them) of the same input, and reports what the expansion finds as findings on the
/// ApplicationSet. Git repositories and live-service generators are not available to validate, so their diagnostics
/// are warnings here; <c>okegitops appset preview</c> takes <c>--repo</c> and <c>--params</c> for them.
/// </summary>
internal static class AppSetExpansion
{
    private static readonly HashSet<string> OfflineOnlyRules = new(StringComparer.Ordinal) { AppSetRules.RepositoryNotMapped, AppSetRules.UnsupportedGenerator };

    /// <summary>Keeps the documents expansion needs.</summary>
    public static void Collect(ManifestDocument document, ConcurrentBag<ManifestDocument> appSets, ConcurrentBag<ManifestDocument> clusters)
    {
        switch (document.Kind)
        {
            case "ApplicationSet" when document.ApiVersion == "argoproj.io/v1alpha1":
                appSets.Add(document);
                break;
            case "Secret" or "ExternalSecret":
                clusters.Add(document);
                break;
        }
    }

    /// <summary>Expands the ApplicationSets in input order (with the settings' clock and random seed) and returns their findings.</summary>
    public static IReadOnlyList<(ResourceFacts Document, Diagnostic Diagnostic)> Findings(
        IEnumerable<ManifestDocument> appSets, IEnumerable<ManifestDocument> clusters, IReadOnlyList<InputFile> inputs, ValidateSettings settings)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++) order.TryAdd(inputs[i].DisplayPath, i);
        int Rank(ManifestDocument d) => order.GetValueOrDefault(d.File ?? "-");
        var input = new AppSetInput
        {
            ClusterSecrets = clusters.OrderBy(Rank).ThenBy(d => d.Index).Select(d => d.Root).ToList(),
            Now = settings.AppSetNow,
            RandomSeed = settings.AppSetSeed ?? OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplateEnvironment.DefaultRandomSeed,
        };
        var expander = new AppSetExpander();
        var findings = new List<(ResourceFacts, Diagnostic)>();
        foreach (var document in appSets.OrderBy(Rank).ThenBy(d => d.Index))
        {
            if (ResourceFacts.From(document) is not { } facts) continue;
            var expansion = expander.Expand(document.Root, input);
            foreach (var d in expansion.Diagnostics)
            {
                // The ApplicationSet's own schema problems are already reported for the document itself.
                if (!d.Rule.StartsWith("appset-", StringComparison.Ordinal) && !d.Message.StartsWith("Application '", StringComparison.Ordinal)) continue;
                var diagnostic = OfflineOnlyRules.Contains(d.Rule) && d.IsError ? d with { Severity = DiagnosticSeverity.Warning } : d;
                findings.Add((facts, diagnostic.Location is null ? diagnostic with { Location = new SourceLocation(document.File, document.Line, 1) } : diagnostic));
            }
        }
        return findings;
    }
}
