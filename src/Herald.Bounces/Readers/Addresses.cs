namespace Herald.Bounces.Readers;

/// <summary>
/// Finds email addresses in free text by scanning outwards from each '@' (no regex: linear time on hostile
/// lines, and several times faster on ordinary ones).
/// </summary>
internal static class Addresses
{
    private const int MaxLocal = 128;
    private const int MaxDomain = 255;

    public static IEnumerable<string> In(string text)
    {
        var found = new List<string>();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var resume = 0;
        while (at >= 0)
        {
            var start = at;
            while (start > resume && at - start < MaxLocal && IsLocal(text[start - 1]))
            {
                start--;
            }

            var end = at + 1;
            while (end < text.Length && end - at <= MaxDomain && IsDomain(text[end]))
            {
                end++;
            }

            var address = text[start..end].Trim('.', '-', '\'');
            var sign = address.IndexOf('@', StringComparison.Ordinal);
            if (sign > 0 && address.Length is > 5 and < 255 && address.IndexOf('.', sign) > sign + 1)
            {
                found.Add(address);
            }

            resume = end;
            at = end < text.Length ? text.IndexOf('@', end) : -1;
        }

        return found;
    }

    public static string First(string line)
    {
        foreach (var address in In(line))
        {
            return address;
        }

        return "";
    }

    /// <summary>
    /// A recipient field's address without its wrapping: "rfc822; &lt;a@b&gt;", Exchange's "rfc822; SMTP:a@b" or "SMTP=a@b",
    /// and X.400 forms that carry the address as "/RFC-822=a(a)b/" (RFC 2156 section 4.2 writes '@' as "(a)").
    /// Anything that holds no address is returned as the field gave it.
    /// </summary>
    public static string Clean(string value)
    {
        var text = FieldBlocks.AfterType(value);
        var rfc822 = text.IndexOf("RFC-822=", StringComparison.OrdinalIgnoreCase);
        if (rfc822 >= 0)
        {
            var rest = text[(rfc822 + 8)..];
            var end = rest.IndexOf('/', StringComparison.Ordinal);
            text = (end >= 0 ? rest[..end] : rest).Replace("(a)", "@", StringComparison.OrdinalIgnoreCase);
        }

        foreach (var prefix in (ReadOnlySpan<string>)["SMTP:", "SMTP="])
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..];
            }
        }

        text = text.Trim().Trim('<', '>', '"', ' ');
        // Only a field with more than the address in it ("|/bin/prog a@b", "@relay:a@b") needs the address picked out;
        // a lone address stays as written (a quoted local part included).
        var plain = text.AsSpan().IndexOfAny(' ', ':', '|') < 0;
        return !plain && text.Contains('@', StringComparison.Ordinal) && First(text) is { Length: > 0 } address ? address : text;
    }

    /// <summary>
    /// Addresses in a notice that are not failed recipients: help desks and mailing-list machinery ("list-request@",
    /// "owner-list@", "listserv@"), which a report names for the reader to write to, never as who failed.
    /// </summary>
    public static bool IsRole(string address)
    {
        var local = address.AsSpan(0, Math.Max(0, address.IndexOf('@', StringComparison.Ordinal)));
        return local.EndsWith("-request", StringComparison.OrdinalIgnoreCase) || local.StartsWith("owner-", StringComparison.OrdinalIgnoreCase)
            || local.EndsWith("-owner", StringComparison.OrdinalIgnoreCase) || local.Equals("help", StringComparison.OrdinalIgnoreCase)
            || local.Equals("listserv", StringComparison.OrdinalIgnoreCase) || local.Equals("majordomo", StringComparison.OrdinalIgnoreCase)
            || local.Equals("helpdesk", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsDaemon(string address) =>
        address.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase) || address.StartsWith("postmaster@", StringComparison.OrdinalIgnoreCase)
        || address.StartsWith("double-bounce@", StringComparison.OrdinalIgnoreCase) || address.StartsWith("maildaemon@", StringComparison.OrdinalIgnoreCase);

    // RFC 5322 atext plus '.', without the quoting forms bounces never use.
    private static bool IsLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+' or '=' or '!' or '#' or '$' or '%' or '&'
        or '*' or '/' or '?' or '^' or '`' or '{' or '|' or '}' or '~' or '\'';

    private static bool IsDomain(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';
}
