using System.Globalization;
using System.Net;
using System.Text;

namespace Herald.Server.Api.DevTemplates;

/// <summary>Every type of the catalogue in its layout, HTML (in a frame) and text side by side; everything shown is encoded.</summary>
internal static class DevTemplatesPage
{
    public static string Render(IReadOnlyList<TemplatePreview> previews)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Herald templates</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<style>body{font:15px system-ui,sans-serif;margin:2rem;color:#222}section{margin-bottom:3rem}")
            .Append(".pair{display:flex;flex-wrap:wrap;gap:1rem}iframe{width:640px;max-width:100%;height:520px;border:1px solid #ccc}")
            .Append("pre{width:560px;max-width:100%;white-space:pre-wrap;border:1px solid #ccc;padding:1rem;margin:0;background:#fafafa}</style></head><body>")
            .Append("<h1>Templates</h1><p>Every notification type in the layout, with the sample data kept in the catalogue ")
            .Append("(<code>Sample</code> of each type), never a real message's. Shown in the Development environment only.</p>");
        foreach (var preview in previews)
        {
            var type = preview.Type;
            html.Append("<section id=\"").Append(E(type.Key)).Append("\"><h2>").Append(E(type.Name)).Append(" <code>").Append(E(type.Key)).Append("</code></h2>")
                .Append("<p>Subject: <strong>").Append(E(preview.Content.Subject)).Append("</strong> · ")
                .Append("<a href=\"/dev/templates/").Append(E(type.Key)).Append("/html\">HTML</a> (")
                .Append(E((preview.HtmlBytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture))).Append(" KB) · ")
                .Append("<a href=\"/dev/templates/").Append(E(type.Key)).Append("/text\">text</a></p><div class=\"pair\">");
            if (preview.Content.Html is { } body)
            {
                html.Append("<iframe sandbox title=\"").Append(E(type.Name)).Append(", HTML part\" srcdoc=\"").Append(E(body)).Append("\"></iframe>");
            }

            html.Append("<pre aria-label=\"").Append(E(type.Name)).Append(", text part\">").Append(E(preview.Content.Text)).Append("</pre></div></section>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
