using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OkeGitOps.Manifests.Generators;

namespace OkeGitOps.Manifests.Generators.Tests;

/// <summary>An additional file given to the generator from memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}

/// <summary>The result of one generator run: generated sources, generator diagnostics and the compilation with the sources added.</summary>
internal sealed record GeneratorRun(
    ImmutableArray<(string HintName, string Text)> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    Compilation Output,
    GeneratorDriver Driver)
{
    public ImmutableArray<Diagnostic> Errors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).Text;

    /// <summary>Emits the output compilation and loads it into a collectible context.</summary>
    public Assembly Load()
    {
        using var pe = new MemoryStream();
        var emit = Output.Emit(pe);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        pe.Position = 0;
        var context = new AssemblyLoadContext("generated", isCollectible: true);
        return context.LoadFromStream(pe);
    }
}

internal static class GeneratorHarness
{
    public static string TestSchemasDirectory => Path.Combine(AppContext.BaseDirectory, "TestSchemas");

    /// <summary>All files under <c>TestSchemas/</c>, as the library project would pass them.</summary>
    public static IEnumerable<AdditionalText> TestSchemas(Func<string, bool>? include = null)
        => Directory.EnumerateFiles(TestSchemasDirectory, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Where(p => include?.Invoke(Path.GetRelativePath(TestSchemasDirectory, p).Replace('\\', '/')) ?? true)
            .Select(p => new InMemoryAdditionalText(p, File.ReadAllText(p)));

    public static CSharpCompilation Compilation(params string[] sources)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(OkeGitOps.Manifests.Tree.ManifestNode).Assembly.Location));
        return CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            references.DistinctBy(r => Path.GetFileName(r.Display)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static GeneratorRun Run(IEnumerable<AdditionalText> files, params string[] sources)
    {
        var compilation = Compilation(sources);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ModelsGenerator().AsSourceGenerator()],
            additionalTexts: files,
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        return new GeneratorRun(
            result.GeneratedTrees.Select(t => (Path.GetFileName(t.FilePath), t.GetText().ToString())).ToImmutableArray(),
            diagnostics,
            output,
            driver);
    }
}
