using System.Globalization;
using System.Net;
using System.Text;

namespace Herald.Server.Api.DevMailbox;

/// <summary>A plain page listing the captured messages; everything shown is HTML-encoded.</summary>
internal static class MailboxPage
{
    public static string Render(IReadOnlyList<MailboxItem> items)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Herald development mailbox</title>")
            .Append("<style>body{font:15px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%}")
            .Append("td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}th{background:#f5f5f5}</style></head><body>")
            .Append("<h1>Development mailbox</h1><p>Mail Herald delivered while no relay is configured. Nothing here left this machine.</p>");
        if (items.Count == 0)
        {
            html.Append("<p><em>No messages yet.</em></p>");
        }
        else
        {
            html.Append("<table><thead><tr><th>Received</th><th>To</th><th>Type</th><th>Subject</th><th></th></tr></thead><tbody>");
            foreach (var item in items)
            {
                html.Append("<tr><td>").Append(E(item.ReceivedAt.ToString("u", CultureInfo.InvariantCulture)))
                    .Append("</td><td>").Append(E(string.Join(", ", item.RcptTo)))
                    .Append("</td><td>").Append(E(item.Type ?? ""))
                    .Append("</td><td>").Append(E(item.Subject ?? ""))
                    .Append("</td><td><a href=\"").Append(E(item.Raw)).Append("\">open</a>");
                if (item.MessageId is not null)
                {
                    html.Append(" · <a href=\"/v1/messages/").Append(E(item.MessageId)).Append("\">timeline</a>");
                }

                html.Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
