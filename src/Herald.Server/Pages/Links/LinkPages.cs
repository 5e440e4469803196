using Herald.Core.Recipients;
using Herald.Server.Pages.Common;
using Herald.Server.Recipients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Pages.Links;

/// <summary>
/// The pages email links open. A GET only shows a page with one button and never changes anything, because mail
/// providers' link scanners fetch every link (RFC 8058 section 1); the change is the POST, which is what the
/// button, and a mail client's one-click unsubscribe (List-Unsubscribe-Post), send. Those two POSTs need no
/// antiforgery token: the signed token in the URL is itself what proves the right to act (a forged request would need
/// it), and a mail client's one-click POST could never carry one.
/// </summary>
internal static class LinkPages
{
    public static IEndpointRouteBuilder MapLinkPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithTags("Pages");
        pages.MapGet(PublicUrls.UnsubscribePath + "{token}", ShowUnsubscribe).WithSummary("Unsubscribe page (changes nothing)");
        pages.MapPost(PublicUrls.UnsubscribePath + "{token}", UnsubscribeAsync).DisableAntiforgery()
            .WithSummary("One-click unsubscribe (RFC 8058): turns the link's category off for the link's recipient, persisted before the answer");
        pages.MapGet(PublicUrls.VerifyPath + "{token}", ShowVerify).WithSummary("Address verification page (changes nothing)");
        pages.MapPost(PublicUrls.VerifyPath + "{token}", VerifyAsync).DisableAntiforgery()
            .WithSummary("Verify the address the link was sent to (once, before it expires)");
        return app;
    }

    internal static RazorComponentResult ShowUnsubscribe(string token, HttpContext http, TokenSigner signer, CategoryRules rules)
    {
        if (!signer.TryReadUnsubscribe(token, out _, out var category) || rules.Find(category) is not { } rule)
        {
            return PageResults.Message(http, StatusCodes.Status400BadRequest, PageText.LinkInvalidTitle, PageText.LinkNotValid);
        }

        return rule.OptOut
            ? PageResults.Message(http, StatusCodes.Status200OK, PageText.UnsubscribeTitle, PageText.StopReceiving(rule.Shown.DisplayName), PageText.UnsubscribeButton)
            : PageResults.Message(http, StatusCodes.Status409Conflict, PageText.CannotUnsubscribeTitle, rule.Shown.LockedReason ?? PageText.CannotTurnOff(rule.Shown.DisplayName));
    }

    internal static async Task<RazorComponentResult> UnsubscribeAsync(
        string token, HttpContext http, TokenSigner signer, Preferences preferences, CategoryRules rules, CancellationToken cancellationToken)
    {
        if (!signer.TryReadUnsubscribe(token, out var recipientId, out var category) || rules.Find(category) is not { } rule)
        {
            return PageResults.Message(http, StatusCodes.Status400BadRequest, PageText.LinkInvalidTitle, PageText.LinkNotValid);
        }

        var settings = new PageLink(PublicUrls.PreferencesPath + signer.Settings(recipientId), PageText.ManageSettings);
        return await preferences.SetAsync(recipientId, category, false, PreferenceSources.OneClick, cancellationToken) switch
        {
            PreferenceChange.Done => PageResults.Message(http, StatusCodes.Status200OK, PageText.UnsubscribedTitle,
                PageText.Unsubscribed(rule.Shown.DisplayName), link: settings),
            PreferenceChange.Mandatory => PageResults.Message(http, StatusCodes.Status409Conflict, PageText.CannotUnsubscribeTitle,
                rule.Shown.LockedReason ?? PageText.CannotTurnOff(rule.Shown.DisplayName)),
            _ => PageResults.Message(http, StatusCodes.Status400BadRequest, PageText.LinkInvalidTitle, PageText.LinkNotValid),
        };
    }

    internal static RazorComponentResult ShowVerify(string token, HttpContext http) =>
        PageResults.Message(http, StatusCodes.Status200OK, PageText.VerifyTitle, PageText.VerifyText, PageText.VerifyButton);

    internal static async Task<RazorComponentResult> VerifyAsync(string token, HttpContext http, Verifications verifications, CancellationToken cancellationToken) =>
        await verifications.RedeemTokenAsync(token, cancellationToken) is VerificationRedemption.Verified verified
            ? PageResults.Message(http, StatusCodes.Status200OK, PageText.VerifiedTitle, PageText.AddressConfirmed(verified.Address))
            : PageResults.Message(http, StatusCodes.Status400BadRequest, PageText.LinkInvalidTitle, PageText.VerifyLinkInvalid);
}
