using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Server.Pages.Common;

/// <summary>
/// Renders a page component on the server (static rendering: no circuit, no script) with the headers every page
/// sends: not cached and not indexed (pages show one person's data, some behind a token in the URL), no Referer to
/// anywhere else, and a policy that allows our own stylesheet and forms only.
/// </summary>
internal static class PageResults
{
    public static RazorComponentResult Show<TPage>(HttpContext http, object model, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex";
        headers["X-Content-Type-Options"] = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return new RazorComponentResult<TPage>(new Dictionary<string, object?> { ["Model"] = model }) { StatusCode = status };
    }

    public static RazorComponentResult Message(HttpContext http, int status, string title, string text, string? button = null, PageLink? link = null) =>
        Show<MessagePage>(http, new MessageModel(title, text, button, link), status);
}
