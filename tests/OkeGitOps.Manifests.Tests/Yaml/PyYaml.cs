using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OkeGitOps.Manifests.Tree;

namespace OkeGitOps.Manifests.Tests.Yaml;

/// <summary>
/// Runs PyYAML (a YAML 1.1 reader, like the Go parser Kubernetes uses) on YAML text in a python3 process,
/// and turns what it read into manifest trees, keeping each value's Python type.
/// </summary>
internal static class PyYaml
{
    // Prints the documents as JSON, each value tagged with its Python type so that 1 and "1" and True stay apart.
    private const string Script = """
        import sys, json, yaml
        def t(x):
            if isinstance(x, dict): return {"map": [[t(k), t(v)] for k, v in x.items()]}
            if isinstance(x, list): return {"seq": [t(i) for i in x]}
            if isinstance(x, bool): return {"bool": x}
            if isinstance(x, int): return {"int": str(x)}
            if isinstance(x, float): return {"float": repr(x)}
            if x is None: return {"null": None}
            if isinstance(x, str): return {"str": x}
            return {type(x).__name__: str(x)}
        docs = list(yaml.safe_load_all(sys.stdin.buffer.read().decode("utf-8")))
        sys.stdout.write(json.dumps([t(d) for d in docs], ensure_ascii=True))
        """;

    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Null when python3 with PyYAML can be run; otherwise why not.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    private static string? Probe()
    {
        try
        {
            var (exit, _, error) = Run("import yaml", "");
            return exit == 0 ? null : $"python3 cannot import yaml (PyYAML): {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"python3 is not available: {e.Message}";
        }
    }

    /// <summary>Reads every document of <paramref name="yaml"/> with <c>yaml.safe_load_all</c>.</summary>
    public static IReadOnlyList<ManifestNode> LoadAll(string yaml)
    {
        var (exit, output, error) = Run(Script, yaml);
        if (exit != 0) throw new InvalidOperationException($"PyYAML could not read the text:\n{error}\n--- text ---\n{yaml}");
        using var json = JsonDocument.Parse(output);
        return json.RootElement.EnumerateArray().Select(ToNode).ToList();
    }

    private static ManifestNode ToNode(JsonElement tagged)
    {
        var property = tagged.EnumerateObject().Single();
        var value = property.Value;
        return property.Name switch
        {
            "map" => MappingNode.Create(value.EnumerateArray().Select(pair =>
            {
                var key = ToNode(pair[0]);
                if (key is not StringNode s)
                    throw new InvalidOperationException($"PyYAML read a key as {key.Kind}, not a string: {ManifestTreeGen.Describe(key)}");
                return (s.Value, ToNode(pair[1]));
            })),
            "seq" => ManifestNode.List(value.EnumerateArray().Select(ToNode)),
            "bool" => ManifestNode.Boolean(value.GetBoolean()),
            "int" => ManifestNode.Integer(long.Parse(value.GetString()!, CultureInfo.InvariantCulture)),
            "float" => ManifestNode.Number(value.GetString() switch
            {
                "nan" => double.NaN,
                "inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                var text => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
            }),
            "null" => ManifestNode.Null,
            "str" => ManifestNode.String(value.GetString()!),
            var other => throw new InvalidOperationException($"PyYAML read a value of Python type '{other}': {value}"),
        };
    }

    private static (int Exit, string Output, string Error) Run(string script, string input)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException("python3 did not finish within 60 seconds");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
