namespace OkeGitOps.Manifests.Schemas;

/// <summary>Near-miss suggestions: names within a few edits (insert, delete, replace, swap neighbours) of a typo.</summary>
internal static class EditDistance
{
    /// <summary>
    /// The candidates closest to <paramref name="name"/>, best first, at most <paramref name="limit"/> of them.
    /// Case is ignored when measuring, so <c>configmap</c> finds <c>ConfigMap</c>; an exact match is not a suggestion.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string name, IEnumerable<string> candidates, int limit = 3)
    {
        var allowed = Math.Clamp(name.Length / 3, 1, 3);
        return candidates
            .Where(c => !string.Equals(c, name, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Candidate: c, Distance: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.Distance <= allowed)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary>Optimal-string-alignment distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
