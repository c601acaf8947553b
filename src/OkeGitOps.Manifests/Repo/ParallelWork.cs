using System.Runtime.ExceptionServices;

namespace OkeGitOps.Manifests.Repo;

/// <summary>
/// Runs independent pieces of work on all cores, and fails the way a plain loop would: with the first exception
/// itself, not an <see cref="AggregateException"/>, so callers document and catch the same types either way.
/// </summary>
internal static class ParallelWork
{
    /// <summary>Runs <paramref name="body"/> for every index from <paramref name="from"/> up to, not including, <paramref name="to"/>.</summary>
    public static void For(int from, int to, Action<int> body, int? maxDegreeOfParallelism = null)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        try
        {
            Parallel.For(from, to, options, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
