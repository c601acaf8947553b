namespace OkeGitOps.Manifests.Validation;

/// <summary>
/// Finds the candidate a misspelt word was most likely meant to be: first an exact case-insensitive match
/// (<c>repoUrl</c> → <c>repoURL</c>), then the closest by edit distance (insert, delete, substitute, and swap of
/// neighbours), within a budget that grows with the word's length. Runs only when something is already wrong.
/// </summary>
internal static class NearMatch
{
    /// <summary>The best candidate, or <c>null</c> when none is close enough.</summary>
    public static string? Find(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, word, StringComparison.Ordinal)) continue;
            if (string.Equals(candidate, word, StringComparison.OrdinalIgnoreCase)) return candidate;
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best is null) return null;
        var budget = Math.Max(1, Math.Min(word.Length, best.Length) / 3);
        return bestDistance <= budget ? best : null;
    }

    /// <summary>Edit distance (insert, delete, substitute, swap of neighbours), shared with the schema lookups.</summary>
    public static int Distance(string a, string b) => Schemas.EditDistance.Distance(a, b);
}
