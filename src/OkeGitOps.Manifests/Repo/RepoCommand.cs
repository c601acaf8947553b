using System.Reflection;
using OkeGitOps.Manifests.Diagnostics;

namespace OkeGitOps.Manifests.Repo;

/// <summary>
/// The one call a render script ends with: <c>return RepoCommand.Run(args, files);</c>. It builds the files (when
/// given a callback), validates and renders them with <see cref="RepoRenderer"/>, and writes them with
/// <see cref="RepoWriter"/>, or with <c>--check</c> only compares them with what is on disk.
/// </summary>
/// <remarks>
/// <para>Command line: <c>[--out DIR | DIR] [--check]</c>. The output folder defaults to
/// <see cref="RepoCommandOptions.DefaultOutput"/>.</para>
/// <para>Exit codes: <b>0</b> written (or, with <c>--check</c>, up to date); <b>1</b> a manifest is invalid, building
/// the files failed, the folder could not be written, or <c>--check</c> found files that would be added, changed or
/// removed; <b>2</b> the command line is wrong.</para>
/// <para>Diagnostics go to standard error as <c>file: path: message (suggestion)</c>, one per line. Nothing ever ends
/// in a stack trace: a <see cref="ManifestException"/> prints its diagnostics, anything else prints one line naming
/// what failed. This is the only place in the library that prints.</para>
/// </remarks>
public static class RepoCommand
{
    /// <summary>Exit code: written, or up to date.</summary>
    public const int Success = 0;

    /// <summary>Exit code: invalid manifests, a failure while building or writing, or drift found by <c>--check</c>.</summary>
    public const int Failure = 1;

    /// <summary>Exit code: the command line could not be understood.</summary>
    public const int UsageError = 2;

    /// <summary>Validates and writes files that are already built.</summary>
    /// <param name="args">The script's command-line arguments.</param>
    /// <param name="files">The repository's files; enumerated once, inside the error handling.</param>
    /// <param name="options">Output folder default, renderer and writers; <c>null</c> for the defaults.</param>
    /// <returns>The exit code (see the remarks on <see cref="RepoCommand"/>).</returns>
    public static int Run(string[] args, IEnumerable<RepoFile> files, RepoCommandOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Run(args, () => files, options);
    }

    /// <summary>
    /// Builds the files by calling <paramref name="build"/>, then validates and writes them. Exceptions thrown while
    /// building (a helper refusing a bad value, say) are reported like validation errors, without a stack trace.
    /// </summary>
    /// <param name="args">The script's command-line arguments.</param>
    /// <param name="build">Makes the repository's files.</param>
    /// <param name="options">Output folder default, renderer and writers; <c>null</c> for the defaults.</param>
    /// <returns>The exit code (see the remarks on <see cref="RepoCommand"/>).</returns>
    public static int Run(string[] args, Func<IEnumerable<RepoFile>> build, RepoCommandOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(build);
        options ??= new RepoCommandOptions();
        var stdout = options.Output ?? Console.Out;
        var stderr = options.Error ?? Console.Error;

        if (!TryParse(args, options.DefaultOutput, out var output, out var check, out var help, out var usage))
        {
            stderr.WriteLine($"error: {usage}");
            stderr.WriteLine(Usage);
            return UsageError;
        }
        if (help)
        {
            stdout.WriteLine(Usage);
            return Success;
        }

        try
        {
            var files = build().ToList();
            var renderer = options.Renderer ?? new RepoRenderer();
            var (rendered, warnings) = renderer.Render(files);
            foreach (var warning in warnings) stderr.WriteLine(Format(warning));
            var target = Path.GetFullPath(output);
            if (check)
            {
                var differences = RepoWriter.Check(target, rendered, repair => stderr.WriteLine(Format(repair)));
                if (differences.Count == 0)
                {
                    stdout.WriteLine($"{output}: up to date ({Count(rendered.Count, "file")})");
                    return Success;
                }
                foreach (var difference in differences) stdout.WriteLine(difference);
                stderr.WriteLine($"error: {output} is not what the render makes: {Count(differences.Count, "file")} would be added, changed or removed (run without --check to write them)");
                return Failure;
            }
            RepoWriter.Write(target, rendered, repair => stderr.WriteLine(Format(repair)));
            stdout.WriteLine($"wrote {Count(rendered.Count, "file")} to {target}");
            return Success;
        }
        catch (ManifestException e)
        {
            foreach (var d in e.Diagnostics) stderr.WriteLine(Format(d));
            stderr.WriteLine(check ? "error: the files could not be rendered, so they were not compared" : $"error: nothing was written to {output}");
            return Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"error: {OneLine(e)}");
            stderr.WriteLine(check ? "error: the files could not be rendered, so they were not compared" : $"error: nothing was written to {output}");
            return Failure;
        }
    }

    /// <summary>
    /// Formats a diagnostic as one line: <c>file: path: message (suggestion)</c> for errors, with <c>warning: </c>
    /// after the file for warnings. Parts that are unknown are left out.
    /// </summary>
    public static string Format(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var parts = new List<string>(4);
        if (diagnostic.Location is { } location) parts.Add(location.ToString());
        if (!diagnostic.IsError) parts.Add("warning");
        if (diagnostic.Path is { IsRoot: false } path) parts.Add(path.ToString());
        var message = diagnostic.Suggestion is null ? diagnostic.Message : $"{diagnostic.Message} ({diagnostic.Suggestion})";
        parts.Add(message);
        return string.Join(": ", parts);
    }

    private const string Usage = "usage: render [--out DIR | DIR] [--check]\n"
        + "  --out DIR   the folder to write (replaced as a whole)\n"
        + "  --check     write nothing; list files that would be added, changed or removed, exit 1 if any";

    private static bool TryParse(string[] args, string defaultOutput, out string output, out bool check, out bool help, out string error)
    {
        output = defaultOutput;
        check = false;
        help = false;
        error = "";
        string? given = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--check":
                    check = true;
                    break;
                case "-h" or "--help" or "-?":
                    help = true;
                    break;
                case "--out" or "-o":
                    if (i + 1 >= args.Length || args[i + 1].Length == 0)
                    {
                        error = $"{arg} needs a folder";
                        return false;
                    }
                    if (given is not null)
                    {
                        error = "the output folder is given twice";
                        return false;
                    }
                    given = args[++i];
                    break;
                default:
                    if (arg.StartsWith("--out=", StringComparison.Ordinal) && arg.Length > "--out=".Length && given is null)
                    {
                        given = arg["--out=".Length..];
                    }
                    else if (arg.StartsWith('-') && arg != "-")
                    {
                        error = $"unknown option '{arg}'";
                        return false;
                    }
                    else if (given is null && arg.Length > 0)
                    {
                        given = arg;
                    }
                    else
                    {
                        error = $"unexpected argument '{arg}'";
                        return false;
                    }
                    break;
            }
        }
        if (given is not null) output = given;
        return true;
    }

    private static string OneLine(Exception e)
    {
        while (e is TargetInvocationException or TypeInitializationException or AggregateException { InnerExceptions.Count: 1 } && e.InnerException is not null)
            e = e.InnerException;
        if (e is ManifestException manifest) return string.Join("; ", manifest.Diagnostics.Select(Format));
        var message = e.Message.ReplaceLineEndings(" ").Trim();
        return e switch
        {
            IOException or UnauthorizedAccessException => message,
            ArgumentException or InvalidOperationException or FormatException => $"{message} ({e.GetType().Name} while building the files)",
            _ => $"{e.GetType().Name}: {message}",
        };
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
