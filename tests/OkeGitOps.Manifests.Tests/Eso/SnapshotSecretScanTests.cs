using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Validation;
using OkeGitOps.Manifests.Yaml;

namespace OkeGitOps.Manifests.Tests.Eso;

/// <summary>No snapshot anywhere in the repository holds a Secret with plaintext credentials.</summary>
public class SnapshotSecretScanTests
{
    [Fact]
    public void No_snapshot_file_holds_a_Secret_with_data_or_stringData()
    {
        var files = Directory.EnumerateFiles(TestPaths.RepoRoot, "*.verified.*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Snapshots")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        Assert.Contains(files, f => f.EndsWith("ocir-repository-helm.verified.yaml", StringComparison.Ordinal));

        var findings = new List<string>();
        var scanned = 0;
        foreach (var file in files)
        {
            IReadOnlyList<Tree.ManifestDocument> docs;
            try
            {
                docs = YamlReader.ReadAll(File.ReadAllText(file), file);
            }
            catch (YamlReadException)
            {
                // Not YAML (policy text, diffs, error listings): a Secret manifest in it would have to be YAML to be applied.
                Assert.False(file.EndsWith(".yaml", StringComparison.Ordinal) && !IsDeliberatelyBroken(file), $"{file} is not readable YAML");
                continue;
            }
            foreach (var doc in docs)
            {
                scanned++;
                if (PlaintextSecretCheck.Check(doc) is { } d) findings.Add($"{file}: {d}");
            }
        }
        Assert.True(scanned > 0);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    private static bool IsDeliberatelyBroken(string file) => File.ReadAllText(file).Contains('\t');

    [Fact]
    public void The_scan_would_catch_a_plaintext_Secret()
    {
        var doc = YamlReader.ReadAll("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n").Single();
        Assert.NotNull(PlaintextSecretCheck.Check(doc));
    }
}
