using System.Net;
using System.Text;

namespace Herald.Bounces.Readers;

/// <summary>Crude HTML to text for bounce bodies that come only as HTML (Office 365, some gateways).</summary>
internal static class HtmlText
{
    public static string Strip(string html)
    {
        var sb = new StringBuilder(html.Length);
        var inTag = false;
        var tag = new StringBuilder();
        foreach (var c in html)
        {
            if (inTag)
            {
                if (c == '>')
                {
                    inTag = false;
                    var name = tag.ToString().TrimStart('/').Split(' ', 2)[0].ToLowerInvariant();
                    if (name is "br" or "p" or "div" or "tr" or "li" or "h1" or "h2" or "h3" or "table")
                    {
                        sb.Append('\n');
                    }
                    else if (name is "td")
                    {
                        sb.Append(' ');
                    }

                    tag.Clear();
                }
                else if (tag.Length < 64)
                {
                    tag.Append(c);
                }

                continue;
            }

            if (c == '<')
            {
                inTag = true;
                continue;
            }

            sb.Append(c);
        }

        return WebUtility.HtmlDecode(sb.ToString());
    }
}
