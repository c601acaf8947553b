using System.CommandLine;
using System.Text;
using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Schemas;

namespace OkeGitOps.Manifests.Cli;

/// <summary>
/// <c>okegitops import-crd &lt;input&gt; --out &lt;dir&gt; [--upstream label] [--kinds A,B] [--kubernetes]</c>: turns CRDs (a YAML file or a
/// folder of them) or a Kubernetes OpenAPI v3 JSON document into schema files under the output folder; with
/// <c>--kubernetes</c>, a folder of OpenAPI documents per Kubernetes version into every kind those versions serve.
/// Exit codes: 0 written, 1 the input is not a valid CRD/OpenAPI document, 2 usage errors and missing files.
/// </summary>
internal static class ImportCrdCommand
{
    /// <summary>Creates the command, writing only to the given writers.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("input")
        {
            Description = "A CRD YAML file, a folder of CRD YAML files, or a Kubernetes OpenAPI v3 JSON document.",
        };
        var output = new Option<string>("--out")
        {
            Description = "The schemas folder to write into, e.g. schemas. Files are written as <group or core>/<version>/<kind>.json.",
            Required = true,
        };
        var upstream = new Option<string?>("--upstream")
        {
            Description = "Where the input comes from, e.g. \"Argo CD v3.5.1\"; CRD file names are added in parentheses.",
        };
        var kinds = new Option<string?>("--kinds")
        {
            Description = "Comma-separated kinds to import, e.g. Service,ConfigMap,ObjectMeta. Default: all kinds in the input.",
        };
        var kubernetes = new Option<bool>("--kubernetes")
        {
            Description = "The input is a folder with one folder of OpenAPI v3 documents per Kubernetes version (1.35/api/v1.json, "
                + "1.35/apis/apps/v1.json, ...): import every kind each version serves, deduplicated, and write kubernetes/index.json.",
        };
        var command = new Command("import-crd", "Import CRDs or Kubernetes OpenAPI v3 into okegitops schema files.")
        {
            input, output, upstream, kinds, kubernetes,
        };
        command.SetAction(parse => NotReadable(parse.GetValue(input)!, parse.GetValue(kubernetes), stderr) ? CliApp.UsageOrIoError
            : parse.GetValue(kubernetes)
            ? RunKubernetes(parse.GetValue(input)!, parse.GetValue(output)!, stdout, stderr)
            : Run(
            parse.GetValue(input)!,
            parse.GetValue(output)!,
            parse.GetValue(upstream),
            parse.GetValue(kinds),
            stdout,
            stderr));
        return command;
    }

    /// <summary>
    /// True (with the reason printed) when the input is, or a folder input holds among the files the importer reads, a
    /// pipe, socket or device: the importer opens every such file, and opening a named pipe waits for a writer forever.
    /// A missing input is left to the importer, which names it.
    /// </summary>
    private static bool NotReadable(string input, bool kubernetes, TextWriter stderr)
    {
        var kind = Validate.FileClassifier.KindOf(input);
        if (kind == Validate.FileKind.Missing) return false;
        if (kind != Validate.FileKind.Directory)
        {
            if (Validate.FileClassifier.ProblemReading(input) is not { } problem) return false;
            stderr.WriteLine($"error: {input}: {problem}");
            return true;
        }
        // The importer walks the folder itself and cannot leave a file out, so a special file in it stops the import.
        var special = new List<(string File, string Why)>();
        _ = Validate.FileClassifier.RegularOnly(SchemaFolder.Files(input, kubernetes ? [".json"] : [".yaml", ".yml", ".json"]), (file, why) => special.Add((file, why))).Count();
        foreach (var (file, why) in special) stderr.WriteLine($"error: {file}: {why}");
        if (special.Count > 0) stderr.WriteLine($"error: {input} holds {special.Count} file{(special.Count == 1 ? "" : "s")} that cannot be read; remove {(special.Count == 1 ? "it" : "them")} or import the other files one by one");
        return special.Count > 0;
    }

    private static int Run(string input, string output, string? upstream, string? kinds, TextWriter stdout, TextWriter stderr)
    {
        var kindList = kinds?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (kindList is { Length: 0 })
        {
            stderr.WriteLine("error: --kinds names no kinds");
            return CliApp.UsageOrIoError;
        }

        IReadOnlyList<ImportedSchema> schemas;
        try
        {
            schemas = CrdImporter.ImportPath(input, upstream, kindList);
        }
        catch (FileNotFoundException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return CliApp.UsageOrIoError;
        }
        catch (SchemaImportException e)
        {
            WriteDiagnostics(stderr, e);
            return e.Diagnostic.Rule == SchemaRules.KindNotFound ? CliApp.UsageOrIoError : CliApp.Invalid;
        }
        catch (YamlReadException e)
        {
            WriteDiagnostics(stderr, e);
            return CliApp.Invalid;
        }

        if (schemas.Count == 0)
        {
            stderr.WriteLine($"error: no CustomResourceDefinitions or OpenAPI kinds found in {input}");
            return CliApp.Invalid;
        }

        var written = 0;
        foreach (var schema in schemas)
        {
            var path = Path.Combine(output, schema.RelativePath);
            var unchanged = Unchanged(path, schema.Json);
            if (!unchanged)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, schema.Json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                written++;
            }
            stdout.WriteLine($"{(unchanged ? "unchanged" : "wrote")} {schema.RelativePath}");
        }
        stdout.WriteLine($"{schemas.Count} schema file{(schemas.Count == 1 ? "" : "s")} in {output} ({written} written, {schemas.Count - written} unchanged)");
        return CliApp.Success;
    }

    private static int RunKubernetes(string input, string output, TextWriter stdout, TextWriter stderr)
    {
        KubernetesImport import;
        try
        {
            import = CrdImporter.ImportKubernetes(input);
        }
        catch (DirectoryNotFoundException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return CliApp.UsageOrIoError;
        }
        catch (SchemaImportException e)
        {
            WriteDiagnostics(stderr, e);
            return CliApp.Invalid;
        }
        var files = import.Schemas.Select(s => (RelativePath: s.RelativePath, Json: s.Json)).Append((RelativePath: import.IndexPath, Json: import.IndexJson)).ToList();
        var written = files.Count(f => Write(output, f.RelativePath, f.Json));
        stdout.WriteLine($"{files.Count} files in {output} ({written} written, {files.Count - written} unchanged)");
        return CliApp.Success;
    }

    private static bool Write(string output, string relativePath, string text)
    {
        var path = Path.Combine(output, relativePath);
        if (Unchanged(path, text)) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return true;
    }

    /// <summary>True when the output file already holds <paramref name="text"/>; only a regular file is ever read to find out.</summary>
    /// <exception cref="IOException">Something other than a regular file (a pipe, say) is in the way.</exception>
    private static bool Unchanged(string path, string text)
    {
        var kind = Validate.FileClassifier.KindOf(path);
        if (kind == Validate.FileKind.Missing) return false;
        if (Validate.FileClassifier.ProblemReading(path) is { } problem) throw new IOException($"{path}: {problem}");
        return File.ReadAllText(path) == text;
    }

    private static void WriteDiagnostics(TextWriter stderr, ManifestException e)
    {
        foreach (var diagnostic in e.Diagnostics) stderr.WriteLine(diagnostic);
    }
}
