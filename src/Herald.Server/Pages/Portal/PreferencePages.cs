using Herald.Server.Pages.Common;
using Herald.Server.Recipients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Herald.Server.Pages.Portal;

/// <summary>
/// The page behind an email's "Manage your email settings" link: that recipient's preferences and nothing else (no
/// addresses, no messages), because the link sits in an email that may be forwarded. The GET changes nothing (link
/// scanners fetch it); the form posts with an antiforgery token.
/// </summary>
internal static class PreferencePages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(PublicUrls.PreferencesPath + "{token}", ShowAsync).ExcludeFromDescription();
        app.MapPost(PublicUrls.PreferencesPath + "{token}", SaveFromLinkAsync).ExcludeFromDescription();
    }

    internal static async Task<RazorComponentResult> ShowAsync(string token, HttpContext http, TokenSigner signer, SettingsReader reader, CancellationToken cancellationToken) =>
        signer.TryReadSettings(token, out var recipientId)
            ? PageResults.Show<PreferencesPage>(http, await reader.PreferencesAsync(recipientId, PublicUrls.PreferencesPath + token, cancellationToken))
            : PageResults.Message(http, StatusCodes.Status400BadRequest, PageText.LinkInvalidTitle, PageText.LinkNotValid);

    internal static async Task<RazorComponentResult> SaveFromLinkAsync(
        string token, IFormCollection form, HttpContext http, TokenSigner signer, SettingsReader reader, Preferences preferences,
        CategoryRules rules, CancellationToken cancellationToken)
    {
        if (!signer.TryReadSettings(token, out var recipientId))
        {
            return PageResults.Message(http, StatusCodes.Status400BadRequest, PageText.LinkInvalidTitle, PageText.LinkNotValid);
        }

        await SaveAsync(recipientId, form["on"], preferences, rules, PreferenceSources.EmailLink, cancellationToken);
        var model = await reader.PreferencesAsync(recipientId, PublicUrls.PreferencesPath + token, cancellationToken);
        return PageResults.Show<PreferencesPage>(http, model with { Notice = new PageNotice(true, PageText.Saved) });
    }

    /// <summary>
    /// The form lists the categories that are on; every other category that may be turned off is off. Only changes
    /// are stored, so a category the user never touched keeps following the catalogue's default.
    /// </summary>
    public static async Task SaveAsync(string recipientId, IEnumerable<string?> on, Preferences preferences, CategoryRules rules, string source, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(on.OfType<string>(), StringComparer.Ordinal);
        foreach (var current in await preferences.ForAsync(recipientId, cancellationToken))
        {
            if (rules.Find(current.Category) is { OptOut: true } && current.Enabled != wanted.Contains(current.Category))
            {
                await preferences.SetAsync(recipientId, current.Category, wanted.Contains(current.Category), source, cancellationToken);
            }
        }
    }
}
