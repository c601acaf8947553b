namespace OkeGitOps.Manifests.Repo;

/// <summary>One file of rendered output: a path relative to the output folder and its full text.</summary>
/// <param name="RelativePath">Forward-slash path inside the output folder, e.g. <c>clusters/eu-frankfurt-1/argocd.yaml</c>.</param>
/// <param name="Content">The complete file text.</param>
public sealed record GeneratedFile(string RelativePath, string Content);
