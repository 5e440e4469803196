namespace Herald.Core.Doctor;

/// <summary>
/// "Did you mean": the common mailbox domain closest to a typed one by optimal string alignment distance (a
/// transposition counts as one edit, as in "gmial"). Only a candidate: the caller suggests it only when the candidate
/// has MX records and the typed domain has none, so a real domain that merely looks like a common one is never "corrected".
/// </summary>
public static class TypoDomains
{
    /// <summary>The closest common domain within the allowed distance, or null when none or a tie.</summary>
    public static string? Candidate(string domain)
    {
        var typed = domain.TrimEnd('.').ToLowerInvariant();
        if (MailHosts.IsCommonMailboxDomain(typed))
        {
            return null;
        }

        // One edit for short names; two once the name is long enough that two edits still leave it recognisable.
        var allowed = typed.Length >= 9 ? 2 : 1;
        var best = MailHosts.CommonDomains.Select(c => (Domain: c, Distance: Distance(typed, c)))
            .Where(c => c.Distance <= allowed).OrderBy(c => c.Distance).ToList();
        return best.Count == 0 || (best.Count > 1 && best[1].Distance == best[0].Distance) ? null : best[0].Domain;
    }

    internal static int Distance(string a, string b)
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
