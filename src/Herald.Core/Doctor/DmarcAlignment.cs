namespace Herald.Core.Doctor;

/// <summary>
/// RFC 7489 section 3.1 identifier alignment. The organisational domain is approximated without the Public Suffix
/// List: the last two labels, or three under a two-letter country code's generic second level (co.uk, com.au);
/// wrong only for private suffixes, where strict alignment is what the report asks for anyway.
/// </summary>
public static class DmarcAlignment
{
    private static readonly string[] SecondLevels = ["co", "com", "net", "org", "ac", "gov", "edu", "ne", "or"];

    public static bool Aligned(string from, string other, bool strict)
    {
        from = from.TrimEnd('.').ToLowerInvariant();
        other = other.TrimEnd('.').ToLowerInvariant();
        return from == other || (!strict && Organisational(from) == Organisational(other));
    }

    public static string Organisational(string domain)
    {
        var labels = domain.TrimEnd('.').ToLowerInvariant().Split('.');
        var take = labels.Length >= 3 && labels[^1].Length == 2 && SecondLevels.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels.TakeLast(Math.Min(take, labels.Length)));
    }

    /// <summary>A tag's value from a DMARC or DKIM record ("v=DMARC1; p=none; aspf=s"), or null.</summary>
    public static string? Tag(string record, string name) =>
        record.Split(';').Select(t => t.Trim()).Where(t => t.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))
            .Select(t => t[(name.Length + 1)..].Trim()).FirstOrDefault();
}
