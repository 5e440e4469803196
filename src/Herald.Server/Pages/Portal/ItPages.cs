using System.Security.Claims;
using Herald.Core.Catalogue;
using Herald.Core.Feedback;
using Herald.Core.Recipients;
using Herald.Server.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Herald.Server.Pages.Portal;

/// <summary>
/// "For your IT department": the senders to allow, read from the configuration that sends the mail (the catalogue's
/// From addresses, the bounce domain, the DKIM keys, the configured sending hosts), never typed twice.
/// </summary>
internal static class ItPages
{
    internal static async Task<IResult> ShowAsync(
        string id, string? address, HttpContext http, ClaimsPrincipal user, IRecipientStore store, FeedbackService feedback,
        NotificationCatalogue catalogue, IOptions<HeraldOptions> herald, IConfiguration configuration, PagesOptions options, CancellationToken cancellationToken)
    {
        if (!PageSchemes.Owns(user, id) || address is null || (await store.GetAsync(id, cancellationToken))?.Find(address) is not { } contact)
        {
            return PortalPages.NotFound(http);
        }

        var status = await feedback.DeliverabilityAsync(contact.Address, cancellationToken);
        var from = catalogue.Types.Select(t => Domain(t.Sender.Address)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
        var dkim = configuration.GetSection("Herald:Smtp:Dkim:Keys").GetChildren().Select(k => k["Domain"]).OfType<string>()
            .Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
        var facts = new ItFacts(contact.Address, status.Ledger.Problem, from, herald.Value.BounceDomain, dkim, options.SendingHosts,
            PortalPages.SettingsPath(id));
        return Common.PageResults.Show<ItPage>(http, facts);
    }

    private static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..];
}
