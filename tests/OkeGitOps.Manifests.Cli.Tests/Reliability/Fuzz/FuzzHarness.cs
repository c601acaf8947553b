using OkeGitOps.Manifests.Cli.Fmt;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Repo;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Cli.Tests.Reliability.Fuzz;

/// <summary>
/// Runs one input through the reader, the checks (per document and across documents) and the formatter, in process,
/// and returns what broke a promise: an exception other than the documented ones, or formatting that lost content
/// without an error. Null when every promise held.
/// </summary>
internal static class FuzzHarness
{
    /// <summary>The longest any one input may take before it counts as a hang (generous: the machine is shared).</summary>
    public static readonly TimeSpan PerInputBound = TimeSpan.FromSeconds(20);

    private static readonly ManifestChecks Checks = new(SchemaRegistry.Default);
    private static readonly ManifestFormatter Formatter = new(ModelRegistry.Default, new ManifestValidator(SchemaRegistry.Default));

    /// <summary>Runs the input under a watchdog; a hang is a broken promise too.</summary>
    public static string? Run(byte[] input)
    {
        var work = Task.Run(() => RunUnbounded(input));
        if (!work.Wait(PerInputBound)) return $"did not finish within {PerInputBound.TotalSeconds} s (a hang)";
        return work.Result;
    }

    private static string? RunUnbounded(byte[] input)
    {
        IReadOnlyList<ManifestDocument>? documents = null;
        try
        {
            documents = YamlReader.ReadAll(input, "fuzz.yaml");
        }
        catch (YamlReadException e)
        {
            if (e.Diagnostic.Location is not { File: "fuzz.yaml", Line: >= 1, Column: >= 1 }) return $"reader error without a location: {e.Diagnostic}";
        }
        catch (Exception e)
        {
            return $"reader threw {e.GetType().Name}: {e.Message}";
        }

        if (documents is not null)
        {
            try
            {
                var facts = new List<ResourceFacts>();
                foreach (var document in documents)
                {
                    Checks.Check(document);
                    if (ResourceFacts.From(document) is { } fact) facts.Add(fact);
                }
                CrossResourceChecks.Run(facts);
            }
            catch (ManifestException)
            {
                // Documented: bad input may be reported by a typed exception.
            }
            catch (Exception e)
            {
                return $"checks threw {e.GetType().Name}: {e.Message}";
            }
        }

        FormatResult result;
        try
        {
            result = Formatter.Format(input, "fuzz.yaml");
        }
        catch (Exception e)
        {
            return $"formatter threw {e.GetType().Name}: {e.Message}";
        }
        if (result.Output is null)
        {
            return result.Errors.Count == 0 ? "formatter refused the input without saying why" : null;
        }
        if (documents is null) return "formatter produced output for input the reader refuses";
        if (input.AsSpan().Contains((byte)0)) return "formatter produced output for input holding a NUL, which it cannot have kept";
        if (result.Output.Length == 0 && HasContent(input)) return "formatter returned nothing for input with content, without an error";
        return LostContent(documents, result.Output);
    }

    /// <summary>True when some line is more than blank space, a comment or a document marker.</summary>
    private static bool HasContent(byte[] input)
        => System.Text.Encoding.UTF8.GetString(input).Split('\n').Select(l => l.Trim().Trim('\uFEFF'))
            .Any(l => l.Length > 0 && !l.StartsWith('#') && l is not ("---" or "..."));

    /// <summary>Compares what went in with what came out, document by document; nulls count as no content.</summary>
    private static string? LostContent(IReadOnlyList<ManifestDocument> input, string output)
    {
        IReadOnlyList<ManifestDocument> formatted;
        try
        {
            formatted = YamlReader.ReadAll(output, "formatted.yaml");
        }
        catch (YamlReadException e)
        {
            return $"formatted output does not read back: {e.Diagnostic}";
        }
        var before = input.Select(d => Content(d.Root)).OfType<ManifestNode>().ToList();
        var after = formatted.Select(d => Content(d.Root)).OfType<ManifestNode>().ToList();
        if (before.Count != after.Count) return $"formatting turned {before.Count} documents into {after.Count} without an error";
        for (var i = 0; i < before.Count; i++)
        {
            if (!SameContent(before[i], after[i])) return $"formatting changed document {i + 1} without an error";
        }
        return null;
    }

    private static ManifestNode? Content(ManifestNode node) => node switch
    {
        NullNode => null,
        MappingNode m => new MappingNode([.. m.Entries.Select(e => (e, Value: Content(e.Value))).Where(p => p.Value is not null).Select(p => p.e with { Value = p.Value! })]),
        SequenceNode s => new SequenceNode([.. s.Select(i => Content(i) ?? ManifestNode.Null)]),
        _ => node,
    };

    private static bool SameContent(ManifestNode a, ManifestNode b) => (a, b) switch
    {
        (MappingNode x, MappingNode y) => x.Entries.Length == y.Entries.Length
            && x.Entries.All(e => y.TryGetValue(e.Key, out var other) && SameContent(e.Value, other)),
        (SequenceNode x, SequenceNode y) => x.Count == y.Count && x.Zip(y).All(p => SameContent(p.First, p.Second)),
        (IntegerNode x, NumberNode y) => x.Value == y.Value,
        (NumberNode x, IntegerNode y) => x.Value == y.Value,
        _ => a.Equals(b),
    };
}
