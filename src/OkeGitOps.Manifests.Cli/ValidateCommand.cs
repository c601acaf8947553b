using System.CommandLine;
using System.Text.RegularExpressions;
using OkeGitOps.Manifests.Cli.Output;
using OkeGitOps.Manifests.Cli.Validate;
using OkeGitOps.Manifests.Cli.Validate.Config;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Cli;

/// <summary><c>okegitops validate [PATH...]</c>: schema validation and repository checks for CI.</summary>
internal static class ValidateCommand
{
    /// <summary>Builds the command; the validator factory is injected so tests and the real tool share one path.</summary>
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr,
        Func<ValidateSettings, Func<ManifestDocument, IReadOnlyList<Diagnostic>>> validatorFactory)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files and folders to validate; '-' reads standard input.", Arity = ArgumentArity.OneOrMore };
        var strict = new Option<bool>("--strict") { Description = "Reject unknown fields (default true; --strict=false reports them as warnings).", DefaultValueFactory = _ => true };
        var schemas = new Option<string[]>("--schemas") { Description = "Extra schema folder (okegitops schema files or CRD YAML); repeatable.", AllowMultipleArgumentsPerToken = false };
        var ignoreMissing = new Option<bool>("--ignore-missing-schemas") { Description = "Skip documents whose kind has no schema instead of failing." };
        var skip = new Option<string[]>("--skip") { Description = "Kinds to skip, as KIND or GROUP/VERSION/KIND, comma-separated; repeatable." };
        var reject = new Option<string[]>("--reject") { Description = "Kinds to refuse, as KIND or GROUP/VERSION/KIND, comma-separated; repeatable." };
        var summary = new Option<bool>("--summary") { Description = "Print a summary of the run." };
        var jobs = new Option<int>("-j", "--jobs") { Description = "Files validated in parallel (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var exitOnError = new Option<bool>("--exit-on-error") { Description = "Stop at the first invalid document." };
        var output = new Option<string>("--output", "-o") { Description = "Output format: text, json, junit, sarif or github.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong(ResultFormats.Names);
        var ignorePattern = new Option<string[]>("--ignore-filename-pattern") { Description = "Regular expression of paths to ignore; repeatable." };
        var noDuplicates = new Option<bool>("--no-duplicate-check") { Description = "Do not report duplicate resources." };
        var noSecrets = new Option<bool>("--no-secret-check") { Description = "Do not refuse Secrets that carry data or stringData." };
        var noReferences = new Option<bool>("--no-reference-check") { Description = "Do not check references between resources." };
        var noOciLint = new Option<bool>("--no-oci-lint") { Description = "Do not check OCI load-balancer annotations: CCM Service rules and native ingress Ingress, IngressClass and IngressClassParameters rules." };
        var groupByPath = new Option<string>("--group-by-path") { Description = "Regular expression over file paths; duplicate and reference checks compare only files with the same match (e.g. 'clusters/[^/]+' for one group per cluster)." };
        var allowSecret = new Option<string[]>("--allow-secret") { Description = "Secret name (or namespace/name) allowed to carry data; repeatable." };
        var strictReferences = new Option<bool>("--strict-references") { Description = "Every unresolved reference is an error, even to a kind of which the input holds none." };
        var config = new Option<string>("--config") { Description = $"Read settings from this file instead of the {RepoConfig.FileName} found above the inputs." };
        var noConfig = new Option<bool>("--no-config") { Description = $"Do not read any {RepoConfig.FileName}." };
        var appSetNow = new Option<string>("--now") { Description = $"With --expand-appsets: the RFC 3339 instant Go templates see as now, e.g. {AppSets.AppSetClock.Example}; default: the real clock." };
        var appSetSeed = new Option<int?>("--seed") { Description = "With --expand-appsets: the seed of the random template functions (uuidv4, randAlphaNum, ...)." };
        var expandAppSets = new Option<bool>("--expand-appsets") { Description = "Also validate the Applications the input's ApplicationSets generate, with the cluster Secrets found in the same input." };
        var kubernetesVersion = new Option<string?>("--kubernetes-version")
        {
            Description = $"Kubernetes version whose built-in APIs are checked: {string.Join(", ", SchemaRegistry.Default.KubernetesVersions)} (default: the newest).",
        };

        var command = new Command("validate", "Validate Kubernetes manifests against the embedded schemas and repository rules.")
        {
            paths, strict, schemas, ignoreMissing, skip, reject, summary, jobs, exitOnError, output, ignorePattern,
            noDuplicates, noSecrets, noReferences, noOciLint, groupByPath, allowSecret, strictReferences, config, noConfig, expandAppSets, appSetNow, appSetSeed,
            kubernetesVersion,
        };
        command.SetAction(parse =>
        {
            var patterns = new List<Regex>();
            foreach (var pattern in parse.GetValue(ignorePattern) ?? [])
            {
                try
                {
                    patterns.Add(new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
                }
                catch (ArgumentException e)
                {
                    stderr.WriteLine($"error: --ignore-filename-pattern '{pattern}' is not a valid regular expression: {e.Message}");
                    return CliApp.UsageOrIoError;
                }
            }
            Regex? groupBy = null;
            if (parse.GetValue(groupByPath) is { } groupPattern)
            {
                try
                {
                    groupBy = new Regex(groupPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException e)
                {
                    stderr.WriteLine($"error: --group-by-path '{groupPattern}' is not a valid regular expression: {e.Message}");
                    return CliApp.UsageOrIoError;
                }
            }
            // The repository config first, then every flag given on the command line over it.
            var settings = new ValidateSettings { Paths = parse.GetValue(paths) ?? [] };
            if (parse.GetValue(noConfig) && parse.GetValue(config) is { } both)
            {
                stderr.WriteLine($"error: --no-config and --config '{both}' contradict each other (keep one of them)");
                return CliApp.UsageOrIoError;
            }
            try
            {
                var configFile = parse.GetValue(noConfig) ? null : parse.GetValue(config) ?? RepoConfig.Find(settings.Paths);
                if (configFile is not null)
                {
                    // Anything else that is there (a pipe, a folder, ...) is refused with its position by RepoConfig.Apply.
                    if (FileClassifier.KindOf(configFile) == FileKind.Missing)
                    {
                        stderr.WriteLine($"error: --config '{configFile}' does not exist");
                        return CliApp.UsageOrIoError;
                    }
                    settings = RepoConfig.Apply(configFile, settings);
                }
            }
            catch (ConfigException e)
            {
                stderr.WriteLine(e.Diagnostic);
                return CliApp.UsageOrIoError;
            }
            bool Given(Option option) => parse.GetResult(option) is { Implicit: false };
            settings = settings with
            {
                IgnorePatterns = Given(ignorePattern) ? patterns : settings.IgnorePatterns,
                Strict = Given(strict) ? parse.GetValue(strict) : settings.Strict,
                SchemaDirectories = Given(schemas) ? parse.GetValue(schemas) ?? [] : settings.SchemaDirectories,
                IgnoreMissingSchemas = Given(ignoreMissing) ? parse.GetValue(ignoreMissing) : settings.IgnoreMissingSchemas,
                Skip = Given(skip) ? SplitList(parse.GetValue(skip)) : settings.Skip,
                Reject = Given(reject) ? SplitList(parse.GetValue(reject)) : settings.Reject,
                Summary = parse.GetValue(summary),
                Parallelism = Math.Max(1, parse.GetValue(jobs)),
                ExitOnError = parse.GetValue(exitOnError),
                Output = parse.GetValue(output) ?? "text",
                CheckDuplicates = Given(noDuplicates) ? !parse.GetValue(noDuplicates) : settings.CheckDuplicates,
                CheckSecrets = Given(noSecrets) ? !parse.GetValue(noSecrets) : settings.CheckSecrets,
                CheckReferences = Given(noReferences) ? !parse.GetValue(noReferences) : settings.CheckReferences,
                OciLint = Given(noOciLint) ? !parse.GetValue(noOciLint) : settings.OciLint,
                GroupByPath = Given(groupByPath) ? groupBy : settings.GroupByPath,
                // A regular expression given on the command line replaces the config's cluster list too.
                ClusterScopes = Given(groupByPath) ? [] : settings.ClusterScopes,
                AllowedSecrets = Given(allowSecret) ? new HashSet<string>(SplitList(parse.GetValue(allowSecret)), StringComparer.Ordinal) : settings.AllowedSecrets,
                StrictReferences = Given(strictReferences) ? parse.GetValue(strictReferences) : settings.StrictReferences,
                ExpandAppSets = Given(expandAppSets) ? parse.GetValue(expandAppSets) : settings.ExpandAppSets,
                AppSetSeed = Given(appSetSeed) ? parse.GetValue(appSetSeed) : settings.AppSetSeed,
                KubernetesVersion = Given(kubernetesVersion) ? parse.GetValue(kubernetesVersion) : settings.KubernetesVersion,
            };
            if (parse.GetValue(appSetNow) is { } nowText)
            {
                if (!AppSets.AppSetClock.TryParse(nowText, out var now))
                {
                    stderr.WriteLine($"error: --now '{nowText}' must be an RFC 3339 time such as {AppSets.AppSetClock.Example}");
                    return CliApp.UsageOrIoError;
                }
                settings = settings with { AppSetNow = now };
            }
            // A config file's value was checked, with its line and column, when the file was read.
            if (Given(kubernetesVersion) && settings.KubernetesVersion is { } version && !SchemaRegistry.Default.KubernetesVersions.Contains(version, StringComparer.Ordinal))
            {
                stderr.WriteLine($"error: --kubernetes-version '{version}' is not supported; use one of {string.Join(", ", SchemaRegistry.Default.KubernetesVersions)}");
                return CliApp.UsageOrIoError;
            }
            var schemaFiles = new List<IReadOnlyList<string>>();
            foreach (var dir in settings.SchemaDirectories)
            {
                var kind = FileClassifier.KindOf(dir);
                if (kind == FileKind.Directory)
                {
                    // Only regular files of the folder are opened: a pipe, socket or device among them is skipped with a warning.
                    schemaFiles.Add([.. FileClassifier.RegularOnly(SchemaFolder.Files(dir, SchemaRegistry.SchemaFileExtensions),
                        (file, why) => stderr.WriteLine(Diagnostic.Warning("input-skipped", why, location: new SourceLocation(file, 1, 1))))]);
                    continue;
                }
                if (FileClassifier.ProblemReading(dir) is { } problem)
                {
                    // Paths from the config file were checked when it was read; these come from --schemas.
                    stderr.WriteLine(kind == FileKind.Missing ? $"error: --schemas '{dir}' does not exist" : $"error: --schemas '{dir}': {problem}");
                    return CliApp.UsageOrIoError;
                }
                schemaFiles.Add([dir]);
            }
            settings = settings with { SchemaFiles = schemaFiles };
            Func<ManifestDocument, IReadOnlyList<Diagnostic>> validate;
            try
            {
                validate = validatorFactory(settings);
            }
            catch (ManifestException e)
            {
                foreach (var d in e.Diagnostics) stderr.WriteLine(d);
                return CliApp.UsageOrIoError;
            }
            var run = new ValidateRun(settings, validate, stdin);
            var format = ResultFormats.For(settings.Output);
            var tally = new ResultTally();
            RunOutcome outcome;
            ValidationSummary report;
            if (format is IStreamingResultFormat streaming)
            {
                // Text and GitHub output are written as documents are checked: nothing is kept for output.
                outcome = run.Execute(result =>
                {
                    tally.Add(result);
                    streaming.WriteDocument(stdout, result);
                });
                tally.AddFindings(outcome.Findings);
                report = tally.Summary(outcome.Files);
                streaming.WriteFindings(stdout, outcome.Findings);
                streaming.WriteEnd(stdout, report, settings.Summary);
            }
            else
            {
                // JSON, JUnit and SARIF list every document with all its diagnostics, so they collect first.
                var results = new List<DocumentResult>();
                outcome = run.Execute(result =>
                {
                    tally.Add(result);
                    results.Add(result);
                });
                tally.AddFindings(outcome.Findings);
                report = tally.Summary(outcome.Files);
                results = ResultTally.Attach(results, outcome.Findings);
                format.Write(stdout, results, report, settings.Summary);
            }
            if (outcome.IoError) return CliApp.UsageOrIoError;
            return report.Invalid + report.Errors > 0 ? CliApp.Invalid : CliApp.Success;
        });
        return command;
    }

    private static List<string> SplitList(string[]? values)
        => (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
