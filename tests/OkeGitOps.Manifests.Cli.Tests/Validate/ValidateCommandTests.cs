namespace OkeGitOps.Manifests.Cli.Tests.Validate;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("okegitops-validate-").FullName;

    public void Dispose()
    {
        foreach (var d in Directory.EnumerateDirectories(_dir, "*", SearchOption.AllDirectories))
        {
            if (!OperatingSystem.IsWindows()) try { File.SetUnixFileMode(d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); } catch (IOException) { }
        }
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Out, string Err) RunWithStdin(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(args, new StringReader(stdin), stdout, stderr);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString());
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => RunWithStdin("", args);

    [Fact]
    public void Missing_path_argument_is_a_usage_error_with_exit_code_2()
    {
        // Our behaviour, not System.CommandLine's wording (which follows the culture): exit 2 and our own pointer to help.
        var (code, output, err) = Run("validate");
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
        Assert.EndsWith("Run 'okegitops --help' for usage.", err.TrimEnd(), StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Missing_path_argument_is_a_usage_error_in_any_culture(string culture)
    {
        var saved = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            var (code, _, err) = Run("validate");
            Assert.Equal(2, code);
            Assert.Contains("Run 'okegitops --help' for usage.", err);
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public void Unknown_output_format_is_a_usage_error()
    {
        var (code, _, err) = Run("validate", "-o", "xml", _dir);
        Assert.Equal(2, code);
        Assert.Contains("xml", err);
    }

    [Fact]
    public void Nonexistent_path_is_an_io_error_with_exit_code_2()
    {
        var (code, output, _) = Run("validate", Path.Combine(_dir, "nope.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("nope.yaml:1:1: error: no such file or directory", output);
    }

    [Fact]
    public void Empty_file_and_empty_stdin_are_reported_as_skipped_empty_input()
    {
        var file = Write("empty.yaml", "");
        var (code, output, _) = Run("validate", "-o", "json", file);
        Assert.Equal(0, code);
        Assert.Contains("\"reason\": \"empty input: no YAML documents\"", output);
        var (stdinCode, stdinOutput, _) = RunWithStdin("", "validate", "-o", "json", "-");
        Assert.Equal(0, stdinCode);
        Assert.Contains("\"file\": \"-\"", stdinOutput);
    }

    [Fact]
    public void Binary_file_gets_a_clear_error_and_exit_code_1()
    {
        var path = Path.Combine(_dir, "blob.yaml");
        File.WriteAllBytes(path, [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2]);
        var (code, output, _) = Run("validate", path);
        Assert.Equal(1, code);
        Assert.Contains("blob.yaml:1:1: error: the file is binary, not YAML text", output);
    }

    [Fact]
    public void Invalid_utf8_names_line_and_column()
    {
        var path = Path.Combine(_dir, "latin1.yaml");
        File.WriteAllBytes(path, [.. "a: 1\nb: caf"u8, 0xE9, .. "\n"u8]);
        var (code, output, _) = Run("validate", path);
        Assert.Equal(1, code);
        Assert.Contains("latin1.yaml:2:7: error: invalid UTF-8 byte 0xE9 (save the file as UTF-8)", output);
    }

    [Fact]
    public void Deep_nesting_and_alias_bombs_are_reported_not_crashed_on()
    {
        var deep = Write("deep.yaml", "a: " + new string('[', 200) + new string(']', 200) + "\n");
        var (code, output, _) = Run("validate", deep);
        Assert.Equal(1, code);
        Assert.Contains("error: nesting is deeper than the limit of 100 levels", output);

        var bomb = new System.Text.StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (var i = 1; i < 9; i++) bomb.Append($"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(",", Enumerable.Repeat("*" + (char)('a' + i - 1), 9))}]\n");
        var (bombCode, bombOutput, _) = Run("validate", Write("bomb.yaml", bomb.ToString()));
        Assert.Equal(1, bombCode);
        Assert.Contains("aliases expand to more than 100000 nodes", bombOutput);
    }

    [Fact]
    public void A_50_MB_single_document_is_refused_with_the_size_limit()
    {
        var path = Path.Combine(_dir, "huge.yaml");
        using (var w = new StreamWriter(path))
        {
            w.Write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n");
            var line = "  k{0}: " + new string('x', 1000) + "\n";
            for (var i = 0; i < 50_000; i++) w.Write(string.Format(System.Globalization.CultureInfo.InvariantCulture, line, i));
        }
        var (code, output, _) = Run("validate", path);
        Assert.Equal(1, code);
        Assert.Contains("the document is larger than the limit of 16777216 characters", output);
    }

    [Fact]
    public void Non_manifest_yaml_is_skipped_and_counted()
    {
        Write("repo/kustomization.yaml", "resources: [a.yaml]\n");
        Write("repo/values.yaml", "replicas: 2\n");
        Write("repo/notes.yaml", "just: data\n");
        var (code, output, _) = Run("validate", "--summary", Path.Combine(_dir, "repo"));
        Assert.Equal(0, code);
        Assert.Contains("3 skipped", output);
    }

    [Fact]
    public void Directories_are_walked_in_ordinal_order_and_ignore_patterns_apply()
    {
        Write("tree/b.yaml", "x: 1\n");
        Write("tree/a/c.yml", "x: 1\n");
        Write("tree/skipme.yaml", "x: 1\n");
        Write("tree/readme.txt", "not yaml");
        var (_, output, _) = Run("validate", "-o", "json", "--ignore-filename-pattern", "skipme", Path.Combine(_dir, "tree"));
        var files = System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("documents").EnumerateArray()
            .Select(d => Path.GetRelativePath(_dir, d.GetProperty("file").GetString()!)).ToList();
        Assert.Equal(["tree/a/c.yml", "tree/b.yaml"], files);
    }

    [Fact]
    public void Bad_ignore_pattern_is_a_usage_error()
    {
        var (code, _, err) = Run("validate", "--ignore-filename-pattern", "(", _dir);
        Assert.Equal(2, code);
        Assert.Contains("is not a valid regular expression", err);
    }

    [Fact]
    public void Symlink_loops_are_reported_as_a_warning_and_not_followed()
    {
        Write("loop/a.yaml", "x: 1\n");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "loop", "again"), Path.Combine(_dir, "loop"));
        var (code, output, _) = Run("validate", Path.Combine(_dir, "loop"));
        Assert.Equal(0, code);
        Assert.Contains("warning: symbolic link loop", output);
    }

    [SkippableFact]
    public void Unreadable_directory_is_an_io_error()
    {
        Skip.If(OperatingSystem.IsWindows() || Environment.UserName == "root", "root can read any directory, so permission errors cannot be produced");
        var locked = Path.Combine(_dir, "locked");
        Directory.CreateDirectory(locked);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(locked, UnixFileMode.None);
        var (code, output, _) = Run("validate", locked);
        Assert.Equal(2, code);
        Assert.Contains("permission denied", output);
    }

    [Fact]
    public void Plaintext_secrets_are_refused_unless_allowed()
    {
        var path = Write("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: app\nstringData:\n  password: hunter2\n");
        var (_, output, _) = Run("validate", "--ignore-missing-schemas", path);
        Assert.Contains("secret.yaml:6:1: error: stringData: Secret 'db' carries values in stringData; base64 is not encryption, so this is plaintext in Git", output);
        var (_, allowed, _) = Run("validate", "--ignore-missing-schemas", "--allow-secret", "app/db", path);
        Assert.DoesNotContain("plaintext", allowed);
        var (_, disabled, _) = Run("validate", "--ignore-missing-schemas", "--no-secret-check", path);
        Assert.DoesNotContain("plaintext", disabled);
    }

    [Fact]
    public void Argo_repository_secret_without_credentials_is_allowed_but_with_a_password_is_refused()
    {
        var ok = Write("repo-ok.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: repo\n  labels:\n    argocd.argoproj.io/secret-type: repository\nstringData:\n  url: oci://fra.ocir.io/ns/charts\n  enableOCI: \"true\"\n");
        Assert.DoesNotContain("plaintext", Run("validate", "--ignore-missing-schemas", ok).Out);
        var bad = Write("repo-bad.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: repo\n  labels:\n    argocd.argoproj.io/secret-type: repository\nstringData:\n  url: oci://fra.ocir.io/ns/charts\n  password: hunter2\n");
        Assert.Contains("error: stringData.password: Argo CD repository secret 'repo' carries the credential field 'password' in plaintext", Run("validate", "--ignore-missing-schemas", bad).Out);
    }

    [Fact]
    public void Duplicate_resources_are_reported_with_both_locations()
    {
        var path = Write("dup.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n");
        var (_, output, _) = Run("validate", "--ignore-missing-schemas", path);
        Assert.Contains($"dup.yaml:9:9: error: metadata.name: Namespace 'a' is defined twice for the same cluster; the first definition is at {path}:4:9", output);
        Assert.DoesNotContain("defined twice", Run("validate", "--ignore-missing-schemas", "--no-duplicate-check", path).Out);
    }

    [Fact]
    public void Dangling_project_and_store_references_are_reported()
    {
        var path = Write("refs.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: app
              namespace: argocd
            spec:
              project: payments
            ---
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: db
              namespace: prod
            spec:
              secretStoreRef:
                name: oci-vault
                kind: ClusterSecretStore
            """);
        // Neither kind is in the input: a partial repository, so warnings (see ReferenceCheckTests for the whole rule).
        var (_, output, _) = Run("validate", "--ignore-missing-schemas", path);
        Assert.Contains("refs.yaml:7:12: warning: spec.project: spec.project 'payments' names an AppProject that is not in the input (none of that kind is in the input)", output);
        Assert.Contains("refs.yaml:16:11: warning: spec.secretStoreRef.name: secretStoreRef names ClusterSecretStore 'oci-vault', which is not in the input (none of that kind is in the input)", output);
        Assert.DoesNotContain("not in the input", Run("validate", "--ignore-missing-schemas", "--no-reference-check", path).Out);
    }

    [Fact]
    public void Cluster_generator_selector_must_match_a_cluster_secret_when_any_exist()
    {
        var path = Write("appset.yaml", """
            apiVersion: v1
            kind: Secret
            metadata:
              name: fra
              namespace: argocd
              labels:
                argocd.argoproj.io/secret-type: cluster
                region: eu-frankfurt-1
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: baseline
              namespace: argocd
            spec:
              generators:
                - clusters:
                    selector:
                      matchLabels:
                        region: us-ashburn-1
            """);
        var (_, output, _) = Run("validate", "--ignore-missing-schemas", path);
        Assert.Contains("error: spec.generators[0].clusters.selector: the cluster generator's selector matches no Argo CD cluster secret in the input (cluster secrets: 'fra'", output);
    }

    [Fact]
    public void Skip_and_reject_filter_by_kind()
    {
        var path = Write("k.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n");
        var (skipCode, skipOut, _) = Run("validate", "--summary", "--skip", "Namespace", path);
        Assert.Equal(0, skipCode);
        Assert.Contains("1 skipped", skipOut);
        var (rejectCode, rejectOut, _) = Run("validate", "--reject", "v1/Namespace", path);
        Assert.Equal(1, rejectCode);
        Assert.Contains("error: kind: Namespace is rejected by --reject", rejectOut);
    }

    [Fact]
    public void List_documents_are_expanded_into_their_items()
    {
        var path = Write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata:\n      name: s\n    data:\n      k: dg==\n");
        var (_, output, _) = Run("validate", "--ignore-missing-schemas", path);
        Assert.Contains("list.yaml:8:5: error: data: Secret 's' carries values in data", output);
    }

    [Fact]
    public void Exit_on_error_stops_after_the_first_invalid_file()
    {
        Write("stop/a.yaml", "a: [\n");
        Write("stop/b.yaml", "b: [\n");
        var (code, output, _) = Run("validate", "--exit-on-error", Path.Combine(_dir, "stop"));
        Assert.Equal(1, code);
        Assert.Contains("a.yaml", output);
        Assert.DoesNotContain("b.yaml", output);
    }

    [Fact]
    public void Parallel_runs_give_the_same_output_as_sequential_runs()
    {
        for (var i = 0; i < 20; i++) Write($"par/f{i:00}.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: s{i}\ndata:\n  k: dg==\n");
        var sequential = Run("validate", "--ignore-missing-schemas", "-j", "1", Path.Combine(_dir, "par")).Out;
        var parallel = Run("validate", "--ignore-missing-schemas", "-j", "4", Path.Combine(_dir, "par")).Out;
        Assert.Equal(sequential, parallel);
    }
}
