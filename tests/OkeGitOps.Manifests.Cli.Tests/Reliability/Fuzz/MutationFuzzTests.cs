using System.Diagnostics;
using OkeGitOps.Manifests.Tests;
using Xunit.Abstractions;

namespace OkeGitOps.Manifests.Cli.Tests.Reliability.Fuzz;

/// <summary>
/// The mutation fuzz of issue 14, in the suite: a fixed number of hostile variants of the repository's own test
/// manifests, made deterministically, each run through reader, checks and formatter in process. No undocumented
/// exception, no hang, no content lost by fmt without an error. Every input that ever broke one of these promises is
/// kept under Fuzz/Corpus and replayed as a regression test.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    /// <summary>Mutations per run; <c>OKEGITOPS_FUZZ_MUTATIONS</c> raises it for a longer local hunt.</summary>
    private static int Mutations => int.TryParse(Environment.GetEnvironmentVariable("OKEGITOPS_FUZZ_MUTATIONS"), out var n) && n > 0 ? n : 2000;

    private const int Seed = 14;

    private static string CorpusDir => Path.Combine(TestPaths.RepoRoot, "tests", "OkeGitOps.Manifests.Cli.Tests", "Reliability", "Fuzz", "Corpus");

    /// <summary>The repository's own test manifests, in a fixed order.</summary>
    private static List<string> SeedFiles()
        => Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "tests"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(TestPaths.RepoRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Mutated_manifests_never_escape_as_undocumented_exceptions_hang_or_lose_content_in_fmt()
    {
        var seeds = SeedFiles();
        Assert.True(seeds.Count >= 20, $"only {seeds.Count} seed manifests were found under tests/; the fuzz needs real input");
        var originals = seeds.Select(s => File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, s))).ToList();
        var fuzzer = new MutationFuzzer(Seed);
        var failures = new List<string>();
        var crashDir = Path.Combine(Path.GetTempPath(), $"okegitops-fuzz-crashes-{Guid.NewGuid():N}");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Mutations && failures.Count < 10; i++)
        {
            var (input, what) = fuzzer.Mutate(originals[i % originals.Count]);
            if (FuzzHarness.Run(input) is not { } broken) continue;
            Directory.CreateDirectory(crashDir);
            var saved = Path.Combine(crashDir, $"mutation-{i}.fuzz");
            File.WriteAllBytes(saved, input);
            failures.Add($"mutation {i} of {seeds[i % seeds.Count]} ({what}): {broken}; input saved to {saved} (add it to Fuzz/Corpus)");
        }
        output.WriteLine($"{Mutations} mutations of {seeds.Count} manifests in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CorpusDir, "*.fuzz").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_input_that_once_broke_a_promise_keeps_it_now(string name)
        => Assert.Null(FuzzHarness.Run(File.ReadAllBytes(Path.Combine(CorpusDir, name))));

    [Fact]
    public void The_crash_corpus_holds_the_inputs_of_the_issue()
    {
        var names = Directory.EnumerateFiles(CorpusDir, "*.fuzz").Select(Path.GetFileName).ToList();
        Assert.Contains("document-end-before-content.fuzz", names);
        Assert.Contains("unclosed-flow-name-brace-bracket.fuzz", names);
        Assert.Contains("all-nul.fuzz", names);
        Assert.Contains("nul-at-end.fuzz", names);
    }
}
