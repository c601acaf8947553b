using System.CommandLine;
using System.Text;
using OkeGitOps.Manifests.Cli.Fmt;
using OkeGitOps.Manifests.Cli.Validate;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Models;
using OkeGitOps.Manifests.Schemas;
using OkeGitOps.Manifests.Tree;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Cli;

/// <summary>
/// <c>okegitops fmt PATH...</c>: reads manifests into the typed models and writes them back in canonical form
/// (to stdout, in place with <c>--write</c>, or only reporting with <c>--check</c>).
/// </summary>
internal static class FmtCommand
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Builds the command.</summary>
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files and folders to format (folders: *.yaml and *.yml, recursively); '-' reads standard input.", Arity = ArgumentArity.OneOrMore };
        var write = new Option<bool>("--write", "-w") { Description = "Rewrite files in place (atomically; unchanged files are not touched)." };
        var check = new Option<bool>("--check") { Description = "Write nothing; list the files that are not in canonical form and exit 1 if there are any." };
        var allowCommentLoss = new Option<bool>("--allow-comment-loss") { Description = "Let --write rewrite files that contain comments (the comments are lost)." };

        var command = new Command("fmt",
            "Rewrite manifests in canonical form: each document is read into its typed model and emitted again "
            + "(fixed key order, Kubernetes-safe quoting, 2-space indent). Documents the models cannot represent fully "
            + "(unknown kinds, unknown fields, values of the wrong type) are reported and their files left alone. "
            + "Comments are NOT kept: re-emission drops them, so --write refuses files with comments unless --allow-comment-loss.")
        {
            paths, write, check, allowCommentLoss,
        };
        command.SetAction(parse =>
        {
            var settings = new FmtSettings(parse.GetValue(paths) ?? [], parse.GetValue(write), parse.GetValue(check), parse.GetValue(allowCommentLoss));
            if (settings.Write && settings.Check)
            {
                stderr.WriteLine("error: --write and --check cannot be used together");
                return CliApp.UsageOrIoError;
            }
            if (settings.Write && settings.Paths.Contains("-"))
            {
                stderr.WriteLine("error: --write cannot rewrite standard input; leave out --write to print the result");
                return CliApp.UsageOrIoError;
            }
            return Run(settings, stdin, stdout, stderr);
        });
        return command;
    }

    private sealed record FmtSettings(string[] Paths, bool Write, bool Check, bool AllowCommentLoss);

    private static int Run(FmtSettings settings, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var formatter = new ManifestFormatter(ModelRegistry.Default, new ManifestValidator(SchemaRegistry.Default));
        var ioError = false;
        var invalid = false;
        var printedAny = false;
        foreach (var input in Expand(settings.Paths))
        {
            var file = input.DisplayPath;
            if (input.Problem is not null)
            {
                stderr.WriteLine(Diagnostic.Error("input-error", input.Problem, location: new SourceLocation(file, 1, 1)));
                ioError = true;
                continue;
            }
            if (input.Warning is not null)
            {
                stderr.WriteLine(Diagnostic.Warning("input-skipped", input.Warning, location: new SourceLocation(file, 1, 1)));
                continue;
            }
            if (!input.IsStdin && FileClassifier.SkipReason(file) is { } skip)
            {
                stderr.WriteLine($"{file}: skipped: {skip}");
                continue;
            }
            byte[] bytes;
            try
            {
                bytes = input.IsStdin ? Utf8NoBom.GetBytes(stdin.ReadToEnd()) : File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine(Diagnostic.Error("input-error", e.Message, location: new SourceLocation(file, 1, 1)));
                ioError = true;
                continue;
            }

            if (FileClassifier.LooksBinary(bytes))
            {
                // The same judgement and words as validate: a binary file is never "formatted" into something shorter.
                stderr.WriteLine(Diagnostic.Error("input-binary", FileClassifier.BinaryMessage,
                    location: new SourceLocation(file, 1, 1), suggestion: "remove it from the inputs"));
                invalid = true;
                continue;
            }
            var result = formatter.Format(bytes, file);
            foreach (var warning in result.Warnings) stderr.WriteLine(warning);
            if (result.Output is null)
            {
                foreach (var error in result.Errors) stderr.WriteLine(error);
                invalid = true;
                continue;
            }
            var output = Utf8NoBom.GetBytes(result.Output);
            var changed = !output.AsSpan().SequenceEqual(bytes);

            if (settings.Check)
            {
                if (changed)
                {
                    stdout.WriteLine(file);
                    invalid = true;
                }
                continue;
            }
            if (settings.Write)
            {
                if (!changed) continue;
                if (output.Length == 0 && bytes.Length > 0)
                {
                    stderr.WriteLine(Diagnostic.Error("fmt-empty-result", "formatting would leave the file empty although it is not; the file is left as it is",
                        location: new SourceLocation(file, 1, 1), suggestion: "the file holds no manifest to format; remove it or leave it out of the inputs"));
                    invalid = true;
                    continue;
                }
                if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    stderr.WriteLine(Diagnostic.Error("fmt-json-file", "fmt writes YAML and will not put it into a .json file; the file is left as it is",
                        location: new SourceLocation(file, 1, 1), suggestion: "rename it to .yaml, or format it without --write"));
                    invalid = true;
                    continue;
                }
                if (result.FirstComment is { } comment && !settings.AllowCommentLoss)
                {
                    stderr.WriteLine(Diagnostic.Error("fmt-comments", "the file has comments, which formatting would drop; the file is left as it is",
                        location: comment, suggestion: "move the comments elsewhere, or pass --allow-comment-loss to rewrite it anyway"));
                    invalid = true;
                    continue;
                }
                WriteAtomically(file, output);
                stdout.WriteLine(file);
                continue;
            }

            if (result.FirstComment is { } dropped)
                stderr.WriteLine(Diagnostic.Warning("fmt-comments", "comments are not kept in the formatted output", location: dropped));
            if (result.Output.Length == 0) continue;
            if (printedAny) stdout.Write("---\n");
            stdout.Write(result.Output);
            printedAny = true;
        }
        if (ioError) return CliApp.UsageOrIoError;
        return invalid ? CliApp.Invalid : CliApp.Success;
    }

    /// <summary>Files as given; folders walked for <c>*.yaml</c>/<c>*.yml</c> only (JSON under a folder is left alone).</summary>
    private static IEnumerable<InputFile> Expand(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            var isFolder = path != "-" && Directory.Exists(path);
            foreach (var input in InputWalker.Expand([path], []))
            {
                if (isFolder && input.Problem is null && input.DisplayPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) continue;
                yield return input;
            }
        }
    }

    /// <summary>Writes beside the target, then renames over it, so a reader never sees half a file. Keeps the file mode and writes through symbolic links.</summary>
    private static void WriteAtomically(string path, byte[] content)
    {
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.okegitops-fmt.tmp");
        try
        {
            File.WriteAllBytes(temp, content);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
