using Herald.Core.Access;
using Herald.Core.Portal;
using Herald.Core.Recipients;
using Herald.Server.Access;
using Herald.Server.Api;
using Herald.Server.Api.Recipients;
using Herald.Server.Pages.Common;
using Herald.Server.Recipients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Pages.Portal;

/// <summary>What the application calls for its signed-in user: a link into their email settings, and the banner to show.</summary>
internal static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/recipients/{id}").WithTags("Recipients").RequireScope(Scopes.Recipients);
        group.MapPost("/portal-links", MintAsync)
            .WithSummary("A single-use link into the recipient's email settings, for the application's signed-in user (15 minutes unless ?minutes=)");
        group.MapGet("/banner", BannerAsync)
            .WithSummary("Whether to show \"We're having trouble emailing you\", its severity and text, and a portal link when it shows");
        return app;
    }

    internal static async Task<Results<Created<PortalLinkView>, ValidationProblem, NotFoundProblem>> MintAsync(
        string id, int? minutes, IRecipientStore store, PortalLinks links, PublicUrls urls, CancellationToken cancellationToken)
    {
        if (minutes is { } m && (m < 1 || TimeSpan.FromMinutes(m) > PortalLinks.MaxLifetime))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["minutes"] = [$"must be between 1 and {PortalLinks.MaxLifetime.TotalMinutes:0}; leave it out for {PortalLinks.DefaultLifetime.TotalMinutes:0}"],
            });
        }

        if (!RecipientIds.IsValid(id) || await store.GetAsync(id, cancellationToken) is null)
        {
            return new NotFoundProblem(RecipientProblems.NoRecipient(id));
        }

        var view = await MintViewAsync(id, minutes is { } given ? TimeSpan.FromMinutes(given) : null, links, urls, cancellationToken);
        return TypedResults.Created(view.Url, view);
    }

    internal static async Task<Results<Ok<BannerView>, NotFoundProblem>> BannerAsync(
        string id, SettingsReader reader, PortalLinks links, PublicUrls urls, CancellationToken cancellationToken)
    {
        if (!RecipientIds.IsValid(id) || await reader.BannerAsync(id, cancellationToken) is not { } banner)
        {
            return new NotFoundProblem(RecipientProblems.NoRecipient(id));
        }

        // A link is minted only when the banner shows: the application calls this on every page view.
        var link = banner.Show ? await MintViewAsync(id, null, links, urls, cancellationToken) : null;
        return TypedResults.Ok(new BannerView(banner.Show, banner.Severity, banner.Show ? PageText.Banner : null, banner.Show ? banner.Text : null,
            link?.Url, link?.ExpiresAt));
    }

    private static async Task<PortalLinkView> MintViewAsync(string id, TimeSpan? lifetime, PortalLinks links, PublicUrls urls, CancellationToken cancellationToken)
    {
        var (token, expires) = await links.MintAsync(id, lifetime, cancellationToken);
        return new PortalLinkView(urls.Portal(token), expires);
    }
}
