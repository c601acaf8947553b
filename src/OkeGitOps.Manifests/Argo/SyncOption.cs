using OkeGitOps.Manifests.Models;

namespace OkeGitOps.Manifests.Intent.Argo;

/// <summary>Common Argo CD sync options; each is written as the exact string Argo CD reads.</summary>
public enum SyncOption
{
    /// <summary><c>CreateNamespace=true</c>: create the destination namespace when it is missing.</summary>
    [ApiValue("CreateNamespace=true")] CreateNamespace,
    /// <summary><c>ServerSideApply=true</c>: apply with server-side apply.</summary>
    [ApiValue("ServerSideApply=true")] ServerSideApply,
    /// <summary><c>PruneLast=true</c>: prune after every other resource is synced and healthy.</summary>
    [ApiValue("PruneLast=true")] PruneLast,
    /// <summary><c>ApplyOutOfSyncOnly=true</c>: apply only the resources that are out of sync.</summary>
    [ApiValue("ApplyOutOfSyncOnly=true")] ApplyOutOfSyncOnly,
    /// <summary><c>RespectIgnoreDifferences=true</c>: keep ignored fields as they are in the cluster when syncing.</summary>
    [ApiValue("RespectIgnoreDifferences=true")] RespectIgnoreDifferences,
    /// <summary><c>Validate=false</c>: skip kubectl's schema validation.</summary>
    [ApiValue("Validate=false")] SkipSchemaValidation,
    /// <summary><c>Replace=true</c>: replace resources instead of applying them.</summary>
    [ApiValue("Replace=true")] Replace,
    /// <summary><c>FailOnSharedResource=true</c>: fail when a resource is already managed by another Application.</summary>
    [ApiValue("FailOnSharedResource=true")] FailOnSharedResource,
    /// <summary><c>PrunePropagationPolicy=foreground</c>.</summary>
    [ApiValue("PrunePropagationPolicy=foreground")] PrunePropagationForeground,
    /// <summary><c>PrunePropagationPolicy=background</c>.</summary>
    [ApiValue("PrunePropagationPolicy=background")] PrunePropagationBackground,
    /// <summary><c>PrunePropagationPolicy=orphan</c>.</summary>
    [ApiValue("PrunePropagationPolicy=orphan")] PrunePropagationOrphan,
}

/// <summary>Converts <see cref="SyncOption"/> to the strings Argo CD reads.</summary>
public static class SyncOptionValues
{
    /// <summary>The exact string of <paramref name="option"/>, e.g. <c>CreateNamespace=true</c>.</summary>
    public static string ToApiString(this SyncOption option) => option switch
    {
        SyncOption.CreateNamespace => "CreateNamespace=true",
        SyncOption.ServerSideApply => "ServerSideApply=true",
        SyncOption.PruneLast => "PruneLast=true",
        SyncOption.ApplyOutOfSyncOnly => "ApplyOutOfSyncOnly=true",
        SyncOption.RespectIgnoreDifferences => "RespectIgnoreDifferences=true",
        SyncOption.SkipSchemaValidation => "Validate=false",
        SyncOption.Replace => "Replace=true",
        SyncOption.FailOnSharedResource => "FailOnSharedResource=true",
        SyncOption.PrunePropagationForeground => "PrunePropagationPolicy=foreground",
        SyncOption.PrunePropagationBackground => "PrunePropagationPolicy=background",
        SyncOption.PrunePropagationOrphan => "PrunePropagationPolicy=orphan",
        _ => throw new ArgumentOutOfRangeException(nameof(option), option, null),
    };
}
