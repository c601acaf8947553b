using System.Diagnostics;
using System.Text;
using OkeGitOps.Manifests.Cli.Validate.Config;

namespace OkeGitOps.Manifests.Cli.Tests.Reliability;

/// <summary>
/// Every place besides validate's and fmt's main inputs where the CLI opens a path the user named, or walks a folder
/// the user named, meets a real named pipe: it must never block. Named on the command line (or as the config file)
/// it is an error naming it, exit 2; met in a folder it is a warning and skipped. Each run has a deadline, and every
/// pipe is opened for writing afterwards so that a reader stuck on it (a regression) is released rather than left behind.
/// </summary>
public sealed class SpecialFileEntryPointTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const string Pipe = "not a regular file but a named pipe (FIFO), so it is not read";

    private const string Namespace = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: guestbook\n";

    private const string AppSet = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: guestbook
          namespace: argocd
        spec:
          goTemplate: true
          generators:
          - list:
              elements:
              - name: one
          template:
            metadata:
              name: '{{ .name }}-guestbook'
            spec:
              project: default
              source:
                repoURL: https://github.com/argoproj/argocd-example-apps.git
                targetRevision: HEAD
                path: guestbook
              destination:
                server: https://kubernetes.default.svc
                namespace: guestbook
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-fifo-").FullName;
    private readonly List<string> _fifos = [];

    // A .git folder ends the search for a config file here, so no config above the temp folder is read.
    public SpecialFileEntryPointTests() => Directory.CreateDirectory(Path.Combine(_dir, ".git"));

    public void Dispose()
    {
        foreach (var fifo in _fifos) Release(fifo);
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private string MakeFifo(string name)
    {
        Skip.If(OperatingSystem.IsWindows() || !File.Exists("/usr/bin/mkfifo") && !File.Exists("/bin/mkfifo"), "named pipes need a Unix system with mkfifo");
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        Assert.True(mkfifo.WaitForExit(TimeSpan.FromSeconds(30)), "mkfifo did not finish");
        Assert.Equal(0, mkfifo.ExitCode);
        _fifos.Add(path);
        return path;
    }

    /// <summary>
    /// Opens the pipe for reading and writing, which does not wait for a partner, wakes a reader stuck opening it,
    /// and on closing gives that reader end of file. Bounded by a deadline in case the platform behaves otherwise.
    /// </summary>
    private static void Release(string fifo)
    {
        var release = Task.Run(() =>
        {
            try
            {
                using var stream = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing was waiting on it, or it is gone: nothing to release.
            }
        });
        release.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>Runs the tool on a worker thread and fails, rather than hanging the suite, if it does not finish in time.</summary>
    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var run = Task.Run(() => CliRunner.Run(args, new StringReader(""), stdout, stderr));
        try
        {
            Assert.True(run.Wait(Patience), $"okegitops {string.Join(' ', args)} did not finish within {Patience.TotalSeconds} s: it blocked on a named pipe");
        }
        finally
        {
            foreach (var fifo in _fifos) Release(fifo);
        }
        return (run.Result, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    [SkippableFact]
    public void Appset_preview_skips_a_pipe_in_an_appset_folder_with_a_warning()
    {
        var fifo = MakeFifo("appsets/pipe.yaml");
        Write("appsets/guestbook.yaml", AppSet);
        var (code, output, err) = Run("appset", "preview", Path.Combine(_dir, "appsets"));
        Assert.True(code == 0, err);
        Assert.Contains($"{fifo}:1:1: warning: {Pipe}", err);
        Assert.Contains("one-guestbook", output);
    }

    [SkippableFact]
    public void Appset_preview_reports_a_pipe_matched_by_a_git_files_generator_instead_of_reading_it()
    {
        MakeFifo("repo/config/pipe.json");
        Write("repo/config/ok.json", "{\"name\": \"ok\"}");
        var appSet = AppSet.Replace("  - list:\n      elements:\n      - name: one\n",
            "  - git:\n      repoURL: https://git.example.com/config.git\n      revision: HEAD\n      files:\n      - path: 'config/*.json'\n", StringComparison.Ordinal);
        Assert.Contains("git:", appSet, StringComparison.Ordinal);
        var (code, _, err) = Run("appset", "preview", Write("git-appset.yaml", appSet), "--repo", "https://git.example.com/config.git=" + Path.Combine(_dir, "repo"));
        Assert.Equal(1, code);
        Assert.Contains("unable to process file 'config/pipe.json': it is a pipe, socket or device, not a regular file, so it is not read", err);
    }

    [SkippableFact]
    public void Appset_preview_skips_a_pipe_in_a_clusters_folder_with_a_warning()
    {
        var fifo = MakeFifo("clusters/pipe.yaml");
        var (code, output, err) = Run("appset", "preview", Write("appset.yaml", AppSet), "--clusters", Path.Combine(_dir, "clusters"));
        Assert.True(code == 0, err);
        Assert.Contains($"{fifo}:1:1: warning: {Pipe}", err);
        Assert.Contains("one-guestbook", output);
    }

    [SkippableFact]
    public void Appset_preview_refuses_a_pipe_named_as_appset_or_clusters_file_with_exit_2()
    {
        var fifo = MakeFifo("pipe.yaml");
        var (code, _, err) = Run("appset", "preview", fifo);
        Assert.Equal(2, code);
        Assert.Contains($"error: {fifo}: {Pipe}", err);
        var (code2, _, err2) = Run("appset", "preview", Write("appset.yaml", AppSet), "--clusters", fifo);
        Assert.Equal(2, code2);
        Assert.Contains($"error: {fifo}: {Pipe}", err2);
    }

    [SkippableFact]
    public void Appset_preview_refuses_a_pipe_as_params_file_with_exit_2()
    {
        var fifo = MakeFifo("params.yaml");
        var (code, _, err) = Run("appset", "preview", Write("appset.yaml", AppSet), "--params", "pullRequest=" + fifo);
        Assert.Equal(2, code);
        Assert.Equal($"error: --params file '{fifo}': {Pipe}; only regular files are", err.Trim());
    }

    [SkippableFact]
    public void Validate_refuses_a_pipe_named_by_schemas_with_exit_2()
    {
        var fifo = MakeFifo("crd.yaml");
        var (code, _, err) = Run("validate", "--schemas", fifo, Write("ns.yaml", Namespace));
        Assert.Equal(2, code);
        Assert.Equal($"error: --schemas '{fifo}': {Pipe}; only regular files are", err.Trim());
    }

    [SkippableFact]
    public void Validate_skips_a_pipe_in_a_schemas_folder_with_a_warning_and_reads_the_rest()
    {
        var fifo = MakeFifo("schemas/pipe.yaml");
        var (code, output, err) = Run("validate", "--schemas", Path.Combine(_dir, "schemas"), Write("ns.yaml", Namespace));
        Assert.True(code == 0, output + err);
        Assert.Contains($"{fifo}:1:1: warning: {Pipe}", err);
    }

    [SkippableFact]
    public void Validate_refuses_a_pipe_in_a_config_file_schemas_entry_at_its_position()
    {
        MakeFifo("crd.yaml");
        Write(RepoConfig.FileName, "strict: true\nschemas: [crd.yaml]\n");
        var (code, _, err) = Run("validate", Write("ns.yaml", Namespace));
        Assert.Equal(2, code);
        Assert.Contains($"{RepoConfig.FileName}:2:11: error: schemas 'crd.yaml': {Pipe}", err);
    }

    [SkippableFact]
    public void Validate_refuses_a_pipe_given_as_config_with_exit_2()
    {
        var fifo = MakeFifo("config.yaml");
        var (code, _, err) = Run("validate", "--config", fifo, Write("ns.yaml", Namespace));
        Assert.Equal(2, code);
        Assert.Contains($"{fifo}:1:1: error: cannot read the config file: {Pipe}", err);
    }

    [SkippableFact]
    public void Validate_refuses_a_config_file_found_above_the_inputs_that_is_a_pipe()
    {
        var fifo = MakeFifo(RepoConfig.FileName);
        var (code, _, err) = Run("validate", Write("apps/ns.yaml", Namespace));
        Assert.Equal(2, code);
        Assert.Contains($"{RepoConfig.FileName}:1:1: error: cannot read the config file: {Pipe}", err);
        // --no-config reads no config file, so the pipe is not in the way.
        Assert.Equal(0, Run("validate", "--no-config", Path.Combine(_dir, "apps", "ns.yaml")).Code);
        Assert.True(File.Exists(fifo));
    }

    [SkippableFact]
    public void Import_crd_refuses_a_pipe_named_as_input_with_exit_2()
    {
        var fifo = MakeFifo("crd.yaml");
        var (code, _, err) = Run("import-crd", fifo, "--out", Path.Combine(_dir, "out"));
        Assert.Equal(2, code);
        Assert.Equal($"error: {fifo}: {Pipe}; only regular files are", err.Trim());
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")));
    }

    [SkippableFact]
    public void Import_crd_refuses_a_folder_holding_a_pipe_naming_it()
    {
        // The importer reads every file of the folder itself, so it cannot skip the pipe: the import stops before it starts.
        var fifo = MakeFifo("crds/pipe.yaml");
        var (code, _, err) = Run("import-crd", Path.Combine(_dir, "crds"), "--out", Path.Combine(_dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains($"error: {fifo}: {Pipe}", err);
    }
}
