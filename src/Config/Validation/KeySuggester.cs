namespace Cortex.Queue.Config.Validation;

/// <summary>Finds the valid word a misspelt one was most likely meant to be.</summary>
internal static class KeySuggester
{
    /// <summary>The closest candidate by edit distance, or null when none is close enough to be a plausible typo.</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(typed.ToLowerInvariant(), candidate);
            if (distance < bestDistance && IsPlausible(typed, candidate, distance))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static bool IsPlausible(string typed, string candidate, int distance)
    {
        // A third of the word may be wrong; a word that contains the other (mem / memory, timeout / batch_timeout) also counts.
        if (distance <= Math.Max(2, candidate.Length / 3))
        {
            return true;
        }

        var lower = typed.ToLowerInvariant();
        return Math.Min(lower.Length, candidate.Length) >= 3 && (lower.Contains(candidate) || candidate.Contains(lower));
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
