using System.Text.RegularExpressions;

namespace Herald.Core.Bounces.Readers;

/// <summary>Finds email addresses in free text (bounded pattern: linear time on hostile lines).</summary>
internal static partial class Addresses
{
    public static IEnumerable<string> In(string line)
    {
        if (!line.Contains('@', StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match m in AddressPattern().Matches(line))
        {
            var address = m.Value.Trim('.', '-', '\'', '"');
            if (address.Length is > 5 and < 255 && address.IndexOf('@', StringComparison.Ordinal) > 0 && address.Contains('.', StringComparison.Ordinal))
            {
                yield return address;
            }
        }
    }

    public static string First(string line)
    {
        foreach (var address in In(line))
        {
            return address;
        }

        return "";
    }

    public static bool IsDaemon(string address)
    {
        var lower = address.ToLowerInvariant();
        return lower.StartsWith("mailer-daemon@", StringComparison.Ordinal) || lower.StartsWith("postmaster@", StringComparison.Ordinal)
            || lower.StartsWith("double-bounce@", StringComparison.Ordinal) || lower.StartsWith("maildaemon@", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]{1,128}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,8}", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
