using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace OkeGitOps.Manifests.Generators;

/// <summary>
/// Generates immutable typed models from the schema files given as <c>AdditionalFiles</c>
/// (JSON with <c>"format": "okegitops.schema/v1"</c>), plus an optional <c>names.json</c> override file.
/// Pipeline: read and parse each file on its own (cached per file) → combine all files into one plan
/// (dedup and naming need them all) → one source file per type, rendered only when its model changed.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelsGenerator : IIncrementalGenerator
{
    private static readonly DiagnosticDescriptor BadSchema = new(
        "OKG001", "Unreadable schema file", "Cannot read schema file '{0}': {1}", "OkeGitOps.Manifests.Generators",
        DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor GeneratorFailed = new(
        "OKG002", "Model generation failed", "Generating models failed: {0}", "OkeGitOps.Manifests.Generators",
        DiagnosticSeverity.Error, isEnabledByDefault: true);

    private const string MetaNamespace = "OkeGitOps.Manifests.Models.Meta";

    private static bool IsMeta(OutputModel o) => o is RecordModel { Namespace: MetaNamespace } or EnumModel { Namespace: MetaNamespace };

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Where(static t => t.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(static (t, ct) => InputFile.Read(t.Path, t.GetText(ct)?.ToString()))
            .Where(static f => f is not null)
            .Select(static (f, _) => f!);

        var plan = inputs
            .Collect()
            .Select(static (files, _) => files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray())
            .Select(static (files, _) =>
            {
                try
                {
                    return Planner.Build(files);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return new GenerationPlan(EquatableArray<OutputModel>.Empty,
                        new[] { new DiagnosticModel("OKG002", e.GetType().Name + ": " + e.Message, "") }.ToEquatableArray());
                }
            });

        context.RegisterSourceOutput(plan.Select(static (p, _) => p.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var d in diagnostics)
            {
                spc.ReportDiagnostic(d.Id == "OKG001"
                    ? Diagnostic.Create(BadSchema, Location.Create(d.Path, default, default), d.Path, d.Message)
                    : Diagnostic.Create(GeneratorFailed, Location.None, d.Message));
            }
        });

        // A project that references a library already holding ObjectMeta (a user's project referencing
        // OkeGitOps.Manifests) uses that one, even when it also passes an objectmeta.json.
        var referencedMeta = context.CompilationProvider.Select(static (c, _) =>
            c.GetTypeByMetadataName(MetaNamespace + ".ObjectMeta") is { } t
            && !SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, c.Assembly));

        var outputs = plan.Combine(referencedMeta).SelectMany(static (pair, _) => pair.Right
            ? pair.Left.Outputs.Where(o => !IsMeta(o)).ToImmutableArray()
            : pair.Left.Outputs.Items);
        context.RegisterSourceOutput(outputs, static (spc, model) =>
            spc.AddSource(model.HintName, SourceText.From(TemplateRenderer.Render(model), System.Text.Encoding.UTF8)));
    }
}
