using Herald.Core.Access;
using Herald.Core.Catalogue;
using Herald.Server.Access;
using Herald.Server.Recipients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.DevTemplates;

/// <summary>
/// <c>/dev/templates</c>: every type previewed in the layout with its sample data. Mapped in the Development environment
/// only (404 elsewhere, as for any unknown path), like the development mailbox beside it.
/// </summary>
internal static class DevTemplatesApi
{
    public static IEndpointRouteBuilder MapDevTemplatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dev/templates").WithTags("Development templates").RequireScope(Scopes.Read);
        group.MapGet("/", (NotificationCatalogue catalogue, PublicUrls urls) =>
                TypedResults.Content(DevTemplatesPage.Render(Previews(catalogue, urls)), "text/html; charset=utf-8"))
            .WithSummary("Every notification type in the layout with sample data, HTML and text (Development only)");
        group.MapGet("/{type}/html", (string type, NotificationCatalogue catalogue, PublicUrls urls) =>
                One(type, catalogue, urls, p => p.Content.Html is { } html ? TypedResults.Content(html, "text/html; charset=utf-8") : null))
            .WithSummary("One type's HTML part with sample data (Development only)");
        group.MapGet("/{type}/text", (string type, NotificationCatalogue catalogue, PublicUrls urls) =>
                One(type, catalogue, urls, p => TypedResults.Content(p.Content.Text, "text/plain; charset=utf-8")))
            .WithSummary("One type's text part with sample data (Development only)");
        return app;
    }

    private static List<TemplatePreview> Previews(NotificationCatalogue catalogue, PublicUrls urls) =>
        catalogue.Types.Select(t => TemplatePreview.Of(catalogue, t, SampleSettingsUrl(urls))).ToList();

    private static Results<ContentHttpResult, NotFound> One(
        string key, NotificationCatalogue catalogue, PublicUrls urls, Func<TemplatePreview, ContentHttpResult?> part) =>
        catalogue.Find(key) is { } type && part(TemplatePreview.Of(catalogue, type, SampleSettingsUrl(urls))) is { } result
            ? result
            : TypedResults.NotFound();

    private static string SampleSettingsUrl(PublicUrls urls) => urls.Preferences(TemplatePreview.SampleSettingsToken);
}
