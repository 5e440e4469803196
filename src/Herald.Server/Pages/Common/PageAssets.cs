using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Pages.Common;

/// <summary>The one stylesheet, embedded in the assembly so the single deployable carries it (no wwwroot to ship).</summary>
internal static class PageAssets
{
    public const string StylesheetPath = "/pages/site.css";

    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream("Herald.Server.Pages.site.css")
            ?? throw new InvalidOperationException("the stylesheet is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointRouteBuilder MapPageAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(StylesheetPath, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
