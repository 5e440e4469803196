using System.Security.Claims;
using Herald.Core.Recipients;
using Herald.Server.Doctor;
using Microsoft.AspNetCore.Http;

namespace Herald.Server.Pages.Portal;

/// <summary>
/// "For your IT department": the allowlist kit (<see cref="KitReader"/>), the same one <c>herald doctor ADDRESS --kit</c>
/// prints, so the page and the CLI can never claim different senders (or a DKIM signature the configuration lacks).
/// </summary>
internal static class ItPages
{
    internal static async Task<IResult> ShowAsync(
        string id, string? address, HttpContext http, ClaimsPrincipal user, IRecipientStore store, KitReader kits, CancellationToken cancellationToken)
    {
        if (!PageSchemes.Owns(user, id) || address is null || (await store.GetAsync(id, cancellationToken))?.Find(address) is not { } contact)
        {
            return PortalPages.NotFound(http);
        }

        var facts = new ItFacts(await kits.ForAsync(contact.Address, cancellationToken), PortalPages.SettingsPath(id));
        return Common.PageResults.Show<ItPage>(http, facts);
    }
}
