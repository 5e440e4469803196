using System.Security.Claims;
using Herald.Core.Feedback;
using Herald.Core.Portal;
using Herald.Core.Recipients;
using Herald.Server.Pages.Common;
using Herald.Server.Recipients;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Pages.Portal;

/// <summary>
/// The end user's email settings: opened with a portal link, then a session cookie that names one recipient. Every
/// page and form checks that the recipient in the URL is the session's own, and answers 404 otherwise, so changing
/// the id in the URL shows nothing (not even whether that recipient exists).
/// </summary>
internal static class PortalPages
{
    public const string SignedOutPath = "/settings/signed-out";

    /// <summary>What the owner's actions are audited as: "owner via settings page".</summary>
    private const string Caller = "settings page";

    public static string SettingsPath(string recipientId) => "/settings/" + Uri.EscapeDataString(recipientId);

    public static IEndpointRouteBuilder MapPortalPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicUrls.PortalPath + "{token}", OpenAsync).ExcludeFromDescription();
        app.MapGet(SignedOutPath, (HttpContext http) =>
            PageResults.Message(http, StatusCodes.Status401Unauthorized, PageText.SignedOutTitle, PageText.SignedOut)).ExcludeFromDescription();
        var own = app.MapGroup("/settings/{id}").RequireAuthorization(PageSchemes.PortalPolicy).ExcludeFromDescription();
        own.MapGet("/", ShowAsync);
        own.MapPost("/unblock", UnblockAsync);
        own.MapPost("/verification", VerifyAsync);
        own.MapPost("/preferences", SavePreferencesAsync);
        own.MapGet("/it", ItPages.ShowAsync);
        PreferencePages.Map(app);
        return app;
    }

    /// <summary>Uses the link once and starts the session. A GET, because the application opens it in its user's browser.</summary>
    internal static async Task<IResult> OpenAsync(string token, HttpContext http, PortalLinks links, CancellationToken cancellationToken)
    {
        if (await links.RedeemAsync(token, cancellationToken) is not { } recipientId)
        {
            return PageResults.Message(http, StatusCodes.Status400BadRequest, PageText.LinkInvalidTitle, PageText.PortalLinkInvalid);
        }

        await http.SignInAsync(PageSchemes.Portal, PageSchemes.PortalUser(recipientId));
        return TypedResults.Redirect(SettingsPath(recipientId));
    }

    internal static async Task<IResult> ShowAsync(string id, HttpContext http, ClaimsPrincipal user, SettingsReader reader, CancellationToken cancellationToken) =>
        await PageAsync(id, http, user, reader, null, cancellationToken);

    internal static async Task<IResult> UnblockAsync(
        string id, [FromForm] string address, HttpContext http, ClaimsPrincipal user, SettingsReader reader, IRecipientStore store,
        UnblockService unblocks, PagesOptions options, CancellationToken cancellationToken)
    {
        if (!await OwnsAddressAsync(id, address, user, store, cancellationToken))
        {
            return NotFound(http);
        }

        var (verdict, _) = await unblocks.UnblockAsync(address, Caller, cancellationToken);
        var notice = verdict.Allowed
            ? new PageNotice(true, PageText.ProbeSent(address))
            : new PageNotice(false, PageText.UnblockRefused(verdict.Refusal ?? "", verdict.NotBefore, PageText.SupportContact(options.SupportContact)));
        return await PageAsync(id, http, user, reader, notice, cancellationToken, verdict.Allowed ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }

    internal static async Task<IResult> VerifyAsync(
        string id, [FromForm] string address, HttpContext http, ClaimsPrincipal user, SettingsReader reader, IRecipientStore store,
        Verifications verifications, CancellationToken cancellationToken)
    {
        if (!await OwnsAddressAsync(id, address, user, store, cancellationToken))
        {
            return NotFound(http);
        }

        var notice = await verifications.RequestAsync(id, address, cancellationToken) switch
        {
            VerificationRequest.RateLimited limited => new PageNotice(false, PageText.VerificationRateLimited(limited.RetryAfter)),
            _ => new PageNotice(true, PageText.VerificationRequested(address)),
        };
        return await PageAsync(id, http, user, reader, notice, cancellationToken, notice.Ok ? StatusCodes.Status200OK : StatusCodes.Status429TooManyRequests);
    }

    internal static async Task<IResult> SavePreferencesAsync(
        string id, IFormCollection form, HttpContext http, ClaimsPrincipal user, SettingsReader reader,
        Preferences preferences, CategoryRules rules, CancellationToken cancellationToken)
    {
        if (!PageSchemes.Owns(user, id))
        {
            return NotFound(http);
        }

        await PreferencePages.SaveAsync(id, form["on"], preferences, rules, PreferenceSources.Settings, cancellationToken);
        return await PageAsync(id, http, user, reader, new PageNotice(true, PageText.Saved), cancellationToken);
    }

    internal static RazorComponentResult NotFound(HttpContext http) =>
        PageResults.Message(http, StatusCodes.Status404NotFound, PageText.NotFoundTitle, PageText.NotFound);

    private static async Task<IResult> PageAsync(
        string id, HttpContext http, ClaimsPrincipal user, SettingsReader reader, PageNotice? notice, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        if (!PageSchemes.Owns(user, id) || await reader.ReadAsync(id, cancellationToken) is not { } model)
        {
            return NotFound(http);
        }

        return PageResults.Show<SettingsPage>(http, model with { Notice = notice }, status);
    }

    private static async Task<bool> OwnsAddressAsync(string id, string? address, ClaimsPrincipal user, IRecipientStore store, CancellationToken cancellationToken) =>
        PageSchemes.Owns(user, id) && address is not null && (await store.GetAsync(id, cancellationToken))?.Find(address) is not null;
}
