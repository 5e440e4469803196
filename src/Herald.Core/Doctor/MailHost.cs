namespace Herald.Core.Doctor;

/// <summary>A provider or gateway recognised from MX host names (the rows of <c>mail-hosts.tsv</c>).</summary>
/// <param name="AllowAt">Where that product's administrator allows a sender, in its own menu words.</param>
public sealed record MailHost(MailHostKind Kind, string Name, string Family, IReadOnlyList<string> Suffixes, string AllowAt)
{
    /// <summary>True when <paramref name="host"/> is one of the suffixes or below one (label boundary, never a substring).</summary>
    public bool Matches(string host)
    {
        var h = host.TrimEnd('.').ToLowerInvariant();
        return Suffixes.Any(s => h == s || h.EndsWith("." + s, StringComparison.Ordinal));
    }
}
