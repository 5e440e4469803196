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

    public static bool IsDaemon(string address) =>
        address.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase) || address.StartsWith("postmaster@", StringComparison.OrdinalIgnoreCase)
        || address.StartsWith("double-bounce@", StringComparison.OrdinalIgnoreCase) || address.StartsWith("maildaemon@", StringComparison.OrdinalIgnoreCase);

    // RFC 5322 atext plus '.', without the quoting forms bounces never use.
    private static bool IsLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+' or '=' or '!' or '#' or '$' or '%' or '&'
        or '*' or '/' or '?' or '^' or '`' or '{' or '|' or '}' or '~' or '\'';

    private static bool IsDomain(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';
}
