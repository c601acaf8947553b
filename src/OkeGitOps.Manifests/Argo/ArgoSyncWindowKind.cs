namespace OkeGitOps.Manifests.Intent.Argo;

/// <summary>What an AppProject sync window does while it is open.</summary>
public enum ArgoSyncWindowKind
{
    /// <summary>Syncs may run only while an allow window is open (<c>kind: allow</c>).</summary>
    Allow,
    /// <summary>No sync runs while the window is open (<c>kind: deny</c>).</summary>
    Deny,
}
