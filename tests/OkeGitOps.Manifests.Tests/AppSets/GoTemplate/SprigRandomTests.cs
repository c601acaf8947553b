using System.Text.RegularExpressions;
using OkeGitOps.Manifests.AppSets;
using OkeGitOps.Manifests.AppSets.GoTemplate;
using OkeGitOps.Manifests.Yaml;
using Engine = OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplate;

namespace OkeGitOps.Manifests.Tests.AppSets.GoTemplate;

/// <summary>The random functions keep Sprig's shapes and are reproducible under a seed, per template run and per expansion.</summary>
public class SprigRandomTests
{
    private static string Render(string template, int? seed) => Engine.Parse(template).Execute(null, new GoTemplateEnvironment(randomSeed: seed));

    [Fact]
    public void The_same_seed_gives_the_same_values()
    {
        const string template = "{{ uuidv4 }} {{ randAlphaNum 12 }} {{ randInt 0 1000000 }} {{ shuffle \"abcdefgh\" }} {{ randBytes 8 }}";
        Assert.Equal(Render(template, 7), Render(template, 7));
        Assert.Equal(Render(template, GoTemplateEnvironment.DefaultRandomSeed), Engine.Render(template, null));
    }

    [Fact]
    public void A_different_seed_gives_a_different_uuid()
        => Assert.NotEqual(Render("{{ uuidv4 }}", 1), Render("{{ uuidv4 }}", 2));

    [Fact]
    public void Values_within_one_run_differ_from_call_to_call()
    {
        var parts = Render("{{ uuidv4 }} {{ uuidv4 }}", 3).Split(' ');
        Assert.NotEqual(parts[0], parts[1]);
    }

    [Fact]
    public void Uuidv4_has_the_version_4_layout()
    {
        for (var seed = 0; seed < 20; seed++)
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", Render("{{ uuidv4 }}", seed));
    }

    [Theory]
    [InlineData("{{ randAlphaNum 40 }}", "^[A-Za-z0-9]{40}$")]
    [InlineData("{{ randAlpha 40 }}", "^[A-Za-z]{40}$")]
    [InlineData("{{ randNumeric 40 }}", "^[0-9]{40}$")]
    [InlineData("{{ randAscii 40 }}", "^[ -~]{40}$")]
    [InlineData("{{ randAlphaNum 0 }}|{{ randAlpha -3 }}", "^\\|$")]
    [InlineData("{{ randBytes 6 }}", "^[A-Za-z0-9+/]{8}$")]
    [InlineData("{{ randInt 1 3 }}", "^[12]$")]
    [InlineData("{{ randInt -5 -4 }}", "^-5$")]
    [InlineData("{{ shuffle \"\" }}", "^$")]
    public void Random_functions_draw_from_sprigs_character_sets_and_ranges(string template, string pattern)
    {
        for (var seed = 0; seed < 10; seed++) Assert.Matches(pattern, Render(template, seed));
    }

    [Fact]
    public void Shuffle_keeps_every_character()
    {
        var shuffled = Render("{{ shuffle \"okegitops-ß€\" }}", 5);
        Assert.Equal("okegitops-ß€".Order().ToArray(), shuffled.Order().ToArray());
    }

    [Fact]
    public void RandInt_with_an_empty_range_fails_as_go_does()
    {
        var e = Assert.Throws<GoTemplateException>(() => Render("{{ randInt 3 3 }}", 0));
        Assert.Equal("template: :1:3: executing \"\" at <randInt>: error calling randInt: invalid argument to Intn", e.Message);
    }

    [Fact]
    public void Without_a_seed_values_are_unpredictable()
    {
        var values = Enumerable.Range(0, 5).Select(_ => Render("{{ randAlphaNum 24 }}", null)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(5, values.Count);
    }

    private const string AppSet = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: stamped
          namespace: argocd
        spec:
          goTemplate: true
          generators:
          - list:
              elements:
              - env: dev
              - env: prod
          template:
            metadata:
              name: 'app-{{ .env }}'
              annotations:
                run-id: '{{ uuidv4 }}'
                rendered-at: '{{ now | date "2006-01-02T15:04:05Z07:00" }}'
            spec:
              project: default
              source:
                repoURL: https://example.com/repo.git
                targetRevision: HEAD
                path: '{{ .env }}'
              destination:
                server: https://kubernetes.default.svc
                namespace: '{{ .env }}'
        """;

    private static string Preview(AppSetInput input)
    {
        var expansion = AppSetKit.Expand(AppSet, input);
        Assert.DoesNotContain(expansion.Diagnostics, d => d.IsError);
        return YamlEmitter.EmitAll(expansion.Applications);
    }

    [Fact]
    public void An_expansion_with_the_same_clock_and_seed_is_reproducible()
    {
        var input = new AppSetInput { Now = new DateTimeOffset(2025, 1, 31, 13, 0, 0, TimeSpan.FromHours(1)), RandomSeed = 42 };
        var first = Preview(input);
        Assert.Equal(first, Preview(input));
        // The clock is shown in UTC; each Application draws its own UUID from the one sequence.
        Assert.Contains("rendered-at: \"2025-01-31T12:00:00Z\"", first, StringComparison.Ordinal);
        var uuids = Regex.Matches(first, "run-id: \"?([0-9a-f-]{36})").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, uuids.Distinct(StringComparer.Ordinal).Count());
        Assert.NotEqual(first, Preview(input with { RandomSeed = 43 }));
    }

    [Fact]
    public void The_default_input_uses_the_fixed_default_seed()
    {
        Assert.Equal(GoTemplateEnvironment.DefaultRandomSeed, AppSetInput.Empty.RandomSeed);
        Assert.Null(AppSetInput.Empty.Now);
        var fixedClock = new AppSetInput { Now = DateTimeOffset.UnixEpoch };
        Assert.Equal(Preview(fixedClock), Preview(fixedClock with { }));
    }
}
