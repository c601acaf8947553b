using OkeGitOps.Manifests.Repo;

namespace OkeGitOps.Manifests.Fleet;

/// <summary>The result of rendering a fleet: the repository's files (ready for <see cref="RepoRenderer"/>), the plan and the changes.</summary>
/// <param name="Files">Every file of the repository, the report included.</param>
/// <param name="Plan">The resolved fleet.</param>
/// <param name="Changes">What changed since the previous render.</param>
public sealed record FleetRender(IReadOnlyList<RepoFile> Files, FleetPlan Plan, FleetChanges Changes);
