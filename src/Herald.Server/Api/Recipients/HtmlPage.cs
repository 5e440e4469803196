using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Server.Api.Recipients;

/// <summary>
/// The small pages behind email links: plain server-rendered HTML, every value HTML-encoded, no script. The token is
/// in the URL, so pages are not cached, not indexed, and send no Referer to anywhere else.
/// </summary>
internal static class HtmlPage
{
    public static ContentHttpResult Render(HttpContext http, int status, string title, string message, string? button = null)
    {
        var e = HtmlEncoder.Default;
        var form = button is null
            ? ""
            : $"<form method=\"post\"><button type=\"submit\">{e.Encode(button)}</button></form>";
        var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{e.Encode(title)}</title></head><body><main><h1>{e.Encode(title)}</h1><p>{e.Encode(message)}</p>{form}</main></body></html>";
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex";
        headers.ContentSecurityPolicy = "default-src 'none'; form-action 'self'; frame-ancestors 'none'";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
