using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace OkeGitOps.Manifests.Cli.Tests.Reliability;

/// <summary>
/// Regression tests for issue 14, "Found" 1-3, and issue 9 section 5, through the command line as a user meets them:
/// parser failures name the file, special files never block and are only read when regular, fmt never loses content,
/// and a symbolic link loop is one warning that does not change the exit code.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string Namespace = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: guestbook\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content) => WriteBytes(name, Encoding.UTF8.GetBytes(content));

    private string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Runs the tool on a worker thread and fails (rather than hanging the suite) if it does not finish.</summary>
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var run = Task.Run(() => CliRunner.Run(args, new StringReader(""), stdout, stderr));
        Assert.True(run.Wait(Patience), $"okegitops {string.Join(' ', args)} did not finish within {Patience.TotalSeconds} s");
        return (run.Result, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    private static void SkipUnlessUnixWithMkfifo()
        => Skip.If(OperatingSystem.IsWindows() || !File.Exists("/usr/bin/mkfifo") && !File.Exists("/bin/mkfifo"), "named pipes need a Unix system with mkfifo");

    public static TheoryData<string> ParserEscapes => new() { "...\na: 1\n", "a: [\nb\n", "kind: [\nb\n", "name: [{\nb\n", "name: {[\nb\n" };

    [Theory]
    [MemberData(nameof(ParserEscapes))]
    public void Validate_reports_parser_failures_as_a_located_error_with_exit_1(string yaml)
    {
        var path = Write("broken.yaml", yaml);
        var (code, output, err) = Run("validate", path);
        Assert.Equal(1, code);
        Assert.Contains($"{path}:", output);
        Assert.Contains("error:", output);
        Assert.DoesNotContain("unexpectedly", output + err);
    }

    [Theory]
    [MemberData(nameof(ParserEscapes))]
    public void Fmt_refuses_parser_failures_with_a_located_error_and_leaves_the_file_alone(string yaml)
    {
        var path = Write("broken.yaml", yaml);
        var (code, _, err) = Run("fmt", "--write", path);
        Assert.Equal(1, code);
        Assert.Contains($"{path}:", err);
        Assert.DoesNotContain("unexpectedly", err);
        Assert.Equal(yaml, File.ReadAllText(path));
    }

    [SkippableTheory]
    [InlineData("validate")]
    [InlineData("fmt")]
    public void A_named_pipe_given_by_name_is_an_io_error_with_exit_2_and_never_blocks(string command)
    {
        SkipUnlessUnixWithMkfifo();
        var fifo = MakeFifo("pipe.yaml");
        var (code, output, err) = Run(command, fifo);
        Assert.Equal(2, code);
        Assert.Contains($"{fifo}:1:1: error: not a regular file but a named pipe (FIFO), so it is not read", output + err);
    }

    [SkippableTheory]
    [InlineData("validate")]
    [InlineData("fmt")]
    public void A_named_pipe_met_in_a_folder_is_a_warning_and_skipped_without_changing_the_exit_code(string command)
    {
        SkipUnlessUnixWithMkfifo();
        Write("tree/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: guestbook\n");
        var fifo = MakeFifo("tree/pipe.yaml");
        var (code, output, err) = Run(command, Path.Combine(_dir, "tree"));
        Assert.Equal(0, code);
        Assert.Contains($"{fifo}:1:1: warning: not a regular file but a named pipe (FIFO)", output + err);
    }

    [SkippableFact]
    public void A_character_device_given_by_name_is_an_io_error_with_exit_2()
    {
        Skip.IfNot(File.Exists("/dev/zero") && !OperatingSystem.IsWindows(), "needs /dev/zero");
        var (code, output, _) = Run("validate", "/dev/zero");
        Assert.Equal(2, code);
        Assert.Contains("/dev/zero:1:1: error: not a regular file but a character device", output);
        var (fmtCode, _, fmtErr) = Run("fmt", "/dev/zero");
        Assert.Equal(2, fmtCode);
        Assert.Contains("a character device", fmtErr);
    }

    [SkippableFact]
    public void A_socket_given_by_name_is_an_io_error_with_exit_2()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix domain sockets as files need Unix");
        var path = Path.Combine(_dir, "sock.yaml");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var (code, output, _) = Run("validate", path);
        Assert.Equal(2, code);
        Assert.Contains("not a regular file but a socket", output);
    }

    [Fact]
    public void A_symbolic_link_loop_in_a_folder_is_one_warning_and_does_not_change_the_exit_code()
    {
        Write("loop/ns.yaml", Namespace);
        var link = Path.Combine(_dir, "loop", "again");
        Directory.CreateSymbolicLink(link, Path.Combine(_dir, "loop"));
        var (code, output, _) = Run("validate", "--ignore-missing-schemas", Path.Combine(_dir, "loop"));
        Assert.Equal(0, code);
        var warning = $"{link}:1:1: warning: symbolic link loop: it leads back to a folder already scanned, so it is skipped";
        Assert.Single(output.Split('\n'), line => line == warning);
    }

    [SkippableFact]
    public void A_link_whose_targets_lead_back_to_itself_is_one_warning_in_a_folder_walk()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic link chains need Unix");
        Write("chain/ns.yaml", Namespace);
        var a = Path.Combine(_dir, "chain", "a.yaml");
        var b = Path.Combine(_dir, "chain", "b.yaml");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);
        var (code, output, _) = Run("validate", "--ignore-missing-schemas", Path.Combine(_dir, "chain"));
        Assert.Equal(0, code);
        Assert.Single(output.Split('\n'), line => line == $"{a}:1:1: warning: symbolic link loop: the link's targets lead back to itself, so it is skipped");
        Assert.Single(output.Split('\n'), line => line == $"{b}:1:1: warning: symbolic link loop: the link's targets lead back to itself, so it is skipped");
    }

    [Fact]
    public void Fmt_write_refuses_a_file_of_nul_bytes_with_validates_binary_message_and_keeps_it()
    {
        var path = WriteBytes("zeros.yaml", new byte[64]);
        var (code, _, err) = Run("fmt", "--write", path);
        Assert.Equal(1, code);
        Assert.Contains($"{path}:1:1: error: the file is binary, not YAML text", err);
        Assert.Equal(new byte[64], File.ReadAllBytes(path));
        Assert.Contains($"{path}:1:1: error: the file is binary, not YAML text", Run("validate", path).Out);
    }

    [Fact]
    public void A_nul_at_the_very_end_of_a_file_is_an_error_in_fmt_and_validate_never_dropped()
    {
        var content = Encoding.UTF8.GetBytes(Namespace + "\0");
        var path = WriteBytes("tail.yaml", content);
        var (code, _, err) = Run("fmt", "--write", path);
        Assert.Equal(1, code);
        // The NUL lies within the first 8000 bytes, so both commands call the file binary, with the same words.
        Assert.Contains($"{path}:1:1: error: the file is binary, not YAML text", err);
        Assert.Equal(content, File.ReadAllBytes(path));
        var (validateCode, output, _) = Run("validate", "--ignore-missing-schemas", path);
        Assert.Equal(1, validateCode);
        Assert.Contains($"{path}:1:1: error: the file is binary, not YAML text", output);
    }

    [Fact]
    public void A_nul_after_the_binary_probe_is_still_an_error()
    {
        var padding = new string('#', 9000);
        var content = Encoding.UTF8.GetBytes(padding + "\n" + Namespace + "  labels: {a: \"b\0\"}\n");
        var path = WriteBytes("late.yaml", content);
        var (code, _, err) = Run("fmt", "--write", "--allow-comment-loss", path);
        Assert.Equal(1, code);
        Assert.Contains($"{path}:6:17: error: the text contains a NUL character (byte 0x00), which YAML does not allow", err);
        Assert.Equal(content, File.ReadAllBytes(path));
    }

    [Fact]
    public void Validate_calls_a_file_binary_alike_whether_it_is_read_whole_or_streamed()
    {
        // Files up to 1 MiB are read once for the binary probe and the YAML; larger ones are probed, then streamed.
        foreach (var size in new[] { 100, 2 * 1024 * 1024 })
        {
            var binary = WriteBytes($"binary-{size}.yaml", [.. "kind: x\n\0"u8, .. new byte[size]]);
            var (code, output, _) = Run("validate", binary);
            Assert.Equal(1, code);
            Assert.Contains($"{binary}:1:1: error: the file is binary, not YAML text", output);
            var text = Write($"text-{size}.yaml", Namespace + "  labels:\n" + string.Concat(Enumerable.Range(0, size / 16).Select(i => $"    k{i:D7}: v\n")));
            Assert.Equal(0, Run("validate", "--ignore-missing-schemas", text).Code);
        }
    }

    [Fact]
    public void Fmt_write_refuses_to_empty_a_non_empty_file()
    {
        var path = Write("only-separators.yaml", "---\n---\n");
        var (code, _, err) = Run("fmt", "--write", path);
        Assert.Equal(1, code);
        Assert.Contains($"{path}:1:1: error: formatting would leave the file empty although it is not; the file is left as it is", err);
        Assert.Equal("---\n---\n", File.ReadAllText(path));
    }
}
