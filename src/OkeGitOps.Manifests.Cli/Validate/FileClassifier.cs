namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>
/// Recognizes files that are YAML but not Kubernetes manifests, so they are counted and skipped rather than
/// reported: kustomization files, Helm values and chart files, and the okegitops config file.
/// </summary>
internal static class FileClassifier
{
    /// <summary>Why a file is skipped by its name, or null when it should be read.</summary>
    public static string? SkipReason(string path)
    {
        var name = Path.GetFileName(path);
        if (name is "kustomization.yaml" or "kustomization.yml" or "Kustomization") return "kustomization file";
        if (name is "Chart.yaml" or "Chart.lock") return "Helm chart file";
        if (name == Config.RepoConfig.FileName) return "okegitops config file";
        if (name is "values.yaml" or "values.yml" || name.StartsWith("values-", StringComparison.Ordinal) || name.EndsWith(".values.yaml", StringComparison.Ordinal))
            return "Helm values file";
        return null;
    }

    /// <summary>True when the first bytes look binary (a NUL byte), so the file is not text at all.</summary>
    public static bool LooksBinary(string path)
    {
        Span<byte> head = stackalloc byte[8000];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read].Contains((byte)0);
    }
}
