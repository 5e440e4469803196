using Herald.Core.Recipients;
using Herald.Server.Recipients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Api.Recipients;

/// <summary>
/// The pages email links open. A GET only shows a page with one button and never changes anything, because mail
/// providers' link scanners fetch every link (RFC 8058 section 1); the change is the POST, which is what the
/// button, and a mail client's one-click unsubscribe (List-Unsubscribe-Post), send.
/// </summary>
internal static class RecipientPages
{
    private const string NotValid = "This link is not valid: it may have been altered, or it is not one Herald made.";

    public static IEndpointRouteBuilder MapRecipientPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithTags("Pages");
        pages.MapGet(PublicUrls.UnsubscribePath + "{token}", ShowUnsubscribe).WithSummary("Unsubscribe page (changes nothing)");
        pages.MapPost(PublicUrls.UnsubscribePath + "{token}", UnsubscribeAsync)
            .WithSummary("One-click unsubscribe (RFC 8058): turns the link's category off for the link's recipient, persisted before the answer");
        pages.MapGet(PublicUrls.VerifyPath + "{token}", ShowVerify).WithSummary("Address verification page (changes nothing)");
        pages.MapPost(PublicUrls.VerifyPath + "{token}", VerifyAsync).WithSummary("Verify the address the link was sent to (once, before it expires)");
        return app;
    }

    internal static ContentHttpResult ShowUnsubscribe(string token, HttpContext http, TokenSigner signer, CategoryRules rules)
    {
        if (!signer.TryReadUnsubscribe(token, out _, out var category) || rules.Find(category) is not { } rule)
        {
            return HtmlPage.Render(http, StatusCodes.Status400BadRequest, "Link not valid", NotValid);
        }

        return rule.OptOut
            ? HtmlPage.Render(http, StatusCodes.Status200OK, "Unsubscribe", $"Stop receiving '{category}' emails?", "Unsubscribe")
            : HtmlPage.Render(http, StatusCodes.Status409Conflict, "Cannot unsubscribe", $"'{category}' emails cannot be turned off.");
    }

    internal static async Task<ContentHttpResult> UnsubscribeAsync(string token, HttpContext http, TokenSigner signer, Preferences preferences, CancellationToken cancellationToken)
    {
        if (!signer.TryReadUnsubscribe(token, out var recipientId, out var category))
        {
            return HtmlPage.Render(http, StatusCodes.Status400BadRequest, "Link not valid", NotValid);
        }

        return await preferences.SetAsync(recipientId, category, false, PreferenceSources.OneClick, cancellationToken) switch
        {
            PreferenceChange.Done => HtmlPage.Render(http, StatusCodes.Status200OK, "Unsubscribed",
                $"You will no longer receive '{category}' emails. You can turn them on again in the application's settings."),
            PreferenceChange.Mandatory m => HtmlPage.Render(http, StatusCodes.Status409Conflict, "Cannot unsubscribe", m.Reason),
            _ => HtmlPage.Render(http, StatusCodes.Status400BadRequest, "Link not valid", NotValid),
        };
    }

    internal static ContentHttpResult ShowVerify(string token, HttpContext http) =>
        HtmlPage.Render(http, StatusCodes.Status200OK, "Confirm your email address", "Press the button to confirm this email address.", "Verify");

    internal static async Task<ContentHttpResult> VerifyAsync(string token, HttpContext http, Verifications verifications, CancellationToken cancellationToken) =>
        await verifications.RedeemTokenAsync(token, cancellationToken) is VerificationRedemption.Verified verified
            ? HtmlPage.Render(http, StatusCodes.Status200OK, "Address confirmed", $"{verified.Address} is confirmed. You can close this page.")
            : HtmlPage.Render(http, StatusCodes.Status400BadRequest, "Link not valid",
                "This link is not valid: it has expired, was already used, was replaced by a newer one, or was altered. Ask for a new verification email.");
}
