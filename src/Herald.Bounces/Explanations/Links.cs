using System.Text.RegularExpressions;

namespace Herald.Bounces.Explanations;

/// <summary>URLs a reply text points to (providers' help pages, blocklist lookups).</summary>
internal static partial class Links
{
    public static IReadOnlyList<string> In(string text)
    {
        if (!text.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var found = new List<string>();
        foreach (Match m in UrlPattern().Matches(text))
        {
            var url = m.Value.TrimEnd('.', ',', ')', ']', ';', '>', '\'', '"');
            if (!found.Contains(url) && found.Count < 10)
            {
                found.Add(url);
            }
        }

        return found;
    }

    [GeneratedRegex(@"https?://[^\s<>""')\]]{3,500}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
