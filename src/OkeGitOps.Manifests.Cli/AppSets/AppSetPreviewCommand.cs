using System.CommandLine;
using OkeGitOps.Manifests.AppSets;
using OkeGitOps.Manifests.Cli.Validate;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Cli.AppSets;

/// <summary>
/// <c>okegitops appset preview APPSET.yaml... [--clusters PATH]... [--repo URL=DIR]... [--params GENERATOR=FILE]... [--now RFC3339] [--seed N] [-o yaml|json|table]</c>:
/// the Applications the ApplicationSets would generate, expanded offline and validated. Applications go to standard
/// output, diagnostics to standard error in <c>validate</c>'s text format. Exit 0 when everything is valid, 1 when any
/// error was found, 2 for usage errors and unreadable input.
/// </summary>
internal static class AppSetPreviewCommand
{
    /// <summary>Builds the <c>appset</c> command with its <c>preview</c> subcommand.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("appsets") { Description = "ApplicationSet files or folders (other documents in them are ignored).", Arity = ArgumentArity.OneOrMore };
        var clusters = new Option<string[]>("--clusters") { Description = "File or folder of Argo CD cluster Secrets (labelled argocd.argoproj.io/secret-type: cluster); repeatable." };
        var repos = new Option<string[]>("--repo") { Description = "URL=DIR: a local folder (a checkout at the target revision) for a Git generator's repoURL; repeatable." };
        var parameters = new Option<string[]>("--params") { Description = "GENERATOR=FILE: parameter sets (a YAML list of mappings) for a generator that needs a live service (pullRequest, scmProvider, clusterDecisionResource, plugin); repeatable." };
        var output = new Option<string>("--output", "-o") { Description = "Output format: yaml, json or table.", DefaultValueFactory = _ => "yaml" };
        output.AcceptOnlyFromAmong("yaml", "json", "table");
        var newGlobbing = new Option<bool>("--new-git-file-globbing") { Description = "Match Git file generator paths as Argo CD does with --enable-new-git-file-globbing." };
        var noInCluster = new Option<bool>("--no-in-cluster") { Description = "Argo CD runs with cluster.inClusterEnabled: false (no in-cluster entry)." };
        var now = new Option<string>("--now") { Description = "RFC 3339 instant that Go templates see as now (now, date, ago, ...); default: the real clock." };
        var seed = new Option<int?>("--seed") { Description = $"Seed for the random template functions (uuidv4, randAlphaNum, shuffle, ...); default {OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplateEnvironment.DefaultRandomSeed}, so previews are repeatable." };

        var preview = new Command("preview", "Show the Applications that ApplicationSets generate, expanded offline as Argo CD v3.5 does, and validated.")
        {
            paths, clusters, repos, parameters, output, newGlobbing, noInCluster, now, seed,
        };
        preview.SetAction(parse =>
        {
            DateTimeOffset? clock = null;
            if (parse.GetValue(now) is { } nowText)
            {
                if (!AppSetClock.TryParse(nowText, out var parsed))
                {
                    stderr.WriteLine($"error: --now '{nowText}' must be an RFC 3339 time such as {AppSetClock.Example}");
                    return CliApp.UsageOrIoError;
                }
                clock = parsed;
            }
            var repositories = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var mapping in parse.GetValue(repos) ?? [])
            {
                var eq = mapping.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == mapping.Length - 1)
                {
                    stderr.WriteLine($"error: --repo '{mapping}' must be URL=DIR");
                    return CliApp.UsageOrIoError;
                }
                var dir = mapping[(eq + 1)..];
                if (!Directory.Exists(dir))
                {
                    stderr.WriteLine($"error: --repo folder '{dir}' does not exist");
                    return CliApp.UsageOrIoError;
                }
                repositories[mapping[..eq]] = dir;
            }
            var supplied = new Dictionary<string, IReadOnlyList<MappingNode>>(StringComparer.Ordinal);
            foreach (var mapping in parse.GetValue(parameters) ?? [])
            {
                var eq = mapping.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == mapping.Length - 1)
                {
                    stderr.WriteLine($"error: --params '{mapping}' must be GENERATOR=FILE");
                    return CliApp.UsageOrIoError;
                }
                var generator = mapping[..eq];
                if (!SuppliedGenerators.Contains(generator, StringComparer.Ordinal))
                {
                    var near = NearMatch.Find(generator, SuppliedGenerators);
                    stderr.WriteLine($"error: --params '{mapping}': '{generator}' is not a generator that takes supplied parameters; "
                        + (near is not null ? $"did you mean '{near}'?" : $"use one of {string.Join(", ", SuppliedGenerators)}"));
                    return CliApp.UsageOrIoError;
                }
                var file = mapping[(eq + 1)..];
                var sets = ReadParameterSets(file, stderr);
                if (sets is null) return CliApp.UsageOrIoError;
                supplied[generator] = sets;
            }
            // A YAML syntax error is invalid input, as in validate: reported where it is, and the run ends with exit 1.
            var syntaxErrors = false;
            var appSetDocs = ReadDocuments(parse.GetValue(paths) ?? [], stderr, ref syntaxErrors);
            if (appSetDocs is null) return CliApp.UsageOrIoError;
            var clusterDocs = ReadDocuments(parse.GetValue(clusters) ?? [], stderr, ref syntaxErrors);
            if (clusterDocs is null) return CliApp.UsageOrIoError;
            var appSets = appSetDocs.Where(d => d.Kind == "ApplicationSet").ToList();
            if (appSets.Count == 0)
            {
                if (syntaxErrors) return CliApp.Invalid;
                stderr.WriteLine("error: no ApplicationSet found in the given files");
                return CliApp.UsageOrIoError;
            }
            var input = new AppSetInput
            {
                ClusterSecrets = clusterDocs.Select(d => d.Root).ToList(),
                Repositories = repositories,
                SuppliedParameters = supplied,
                NewGitFileGlobbing = parse.GetValue(newGlobbing),
                InClusterEnabled = !parse.GetValue(noInCluster),
                Now = clock,
                RandomSeed = parse.GetValue(seed) ?? OkeGitOps.Manifests.AppSets.GoTemplate.GoTemplateEnvironment.DefaultRandomSeed,
            };
            var expander = new AppSetExpander();
            var expansions = appSets.Select(d => (Document: d, Expansion: expander.Expand(d.Root, input))).ToList();
            var applications = expansions.SelectMany(e => e.Expansion.Applications.Select(a => (e.Expansion.ApplicationSetName, App: a))).ToList();
            switch (parse.GetValue(output))
            {
                case "json":
                    AppSetPreviewOutput.WriteJson(stdout, applications.Select(a => a.App));
                    break;
                case "table":
                    AppSetPreviewOutput.WriteTable(stdout, applications);
                    break;
                default:
                    stdout.Write(YamlEmitter.EmitAll(applications.Select(a => (ManifestNode)a.App)));
                    break;
            }
            var errors = false;
            foreach (var (document, expansion) in expansions)
            {
                foreach (var d in expansion.Diagnostics)
                {
                    var location = d.Location ?? new SourceLocation(document.File, document.Line, 1);
                    stderr.WriteLine((d with { Location = location with { File = location.File ?? document.File } }).ToString());
                    errors |= d.IsError;
                }
            }
            return errors || syntaxErrors ? CliApp.Invalid : CliApp.Success;
        });
        return new Command("appset", "Work with Argo CD ApplicationSets offline.") { preview };
    }

    /// <summary>The generators whose parameters an offline preview cannot compute, so <c>--params</c> supplies them.</summary>
    private static readonly string[] SuppliedGenerators = ["pullRequest", "scmProvider", "clusterDecisionResource", "plugin"];

    /// <summary>
    /// Reads every YAML document of the given files and folders. Prints the problem and returns null when a path cannot
    /// be read (missing, or a pipe, socket or device named on the command line); a pipe, socket or device met in a folder
    /// is a warning and skipped; a file that is not valid YAML is reported with its position and sets <paramref name="syntaxErrors"/>.
    /// </summary>
    private static List<ManifestDocument>? ReadDocuments(IReadOnlyList<string> paths, TextWriter stderr, ref bool syntaxErrors)
    {
        var documents = new List<ManifestDocument>();
        foreach (var input in InputWalker.Expand(paths, []))
        {
            if (input.Problem is not null)
            {
                stderr.WriteLine($"error: {input.DisplayPath}: {input.Problem}");
                return null;
            }
            if (input.Warning is not null)
            {
                stderr.WriteLine(Diagnostic.Warning("input-skipped", input.Warning, location: new SourceLocation(input.DisplayPath, 1, 1)));
                continue;
            }
            if (input.IsStdin || FileClassifier.SkipReason(input.DisplayPath) is not null) continue;
            try
            {
                documents.AddRange(YamlReader.ReadFile(input.DisplayPath).Where(d => d.Root is MappingNode));
            }
            catch (YamlReadException e)
            {
                stderr.WriteLine(e.Diagnostic.ToString());
                syntaxErrors = true;
            }
        }
        return documents;
    }

    private static List<MappingNode>? ReadParameterSets(string file, TextWriter stderr)
    {
        if (FileClassifier.ProblemReading(file) is { } problem)
        {
            stderr.WriteLine(FileClassifier.KindOf(file) == FileKind.Missing ? $"error: --params file '{file}' does not exist" : $"error: --params file '{file}': {problem}");
            return null;
        }
        try
        {
            var docs = YamlReader.ReadFile(file);
            if (docs.Count != 1 || docs[0].Root is not SequenceNode list || list.Any(i => i is not MappingNode))
            {
                stderr.WriteLine($"error: {file}: a --params file must hold one YAML list of mappings, one per parameter set");
                return null;
            }
            return list.Cast<MappingNode>().ToList();
        }
        catch (YamlReadException e)
        {
            stderr.WriteLine(e.Diagnostic.ToString());
            return null;
        }
    }
}
