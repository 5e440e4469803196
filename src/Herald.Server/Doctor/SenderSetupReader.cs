using Herald.Core.Catalogue;
using Herald.Core.Doctor;
using Herald.Server.Configuration;
using Herald.Server.Pages;
using Herald.Smtp.Outbound;
using Herald.Smtp.Outbound.Dkim;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Herald.Server.Doctor;

/// <summary>
/// What Herald sends as, read from the configuration that sends the mail (catalogue senders, bounce domain, DKIM
/// keys, routes, sending hosts): the one source for the sender check, the allowlist kit and the IT page.
/// </summary>
internal sealed class SenderSetupReader(NotificationCatalogue catalogue, IOptions<HeraldOptions> herald, IConfiguration configuration, PagesOptions pages)
{
    private readonly Lazy<SenderSetup> _setup = new(() => Read(catalogue, herald.Value, configuration, pages));

    public SenderSetup Setup => _setup.Value;

    private static SenderSetup Read(NotificationCatalogue catalogue, HeraldOptions herald, IConfiguration configuration, PagesOptions pages)
    {
        var from = catalogue.Types.Select(t => t.Sender.Address[(t.Sender.Address.LastIndexOf('@') + 1)..].ToLowerInvariant())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var dkim = new DkimOptions();
        configuration.GetSection("Herald:Smtp:Dkim").Bind(dkim);
        var keys = dkim.Keys.Where(k => k.Domain.Length > 0)
            .Select(k => new DkimKeyFact(k.Domain.ToLowerInvariant(), k.Selector, k.Algorithm, DkimPublicKey.Of(k))).ToArray();
        var routes = configuration.GetSection("Herald:Smtp:Routes").GetChildren().Select(r =>
        {
            var options = new SmtpRouteOptions();
            r.Bind(options);
            return new RouteFact(r.Key, options.Kind == SmtpRouteKind.Direct, options.Kind == SmtpRouteKind.Direct ? null : options.Host);
        }).ToArray();
        return new SenderSetup(from, herald.BounceDomain.ToLowerInvariant(), keys, routes, pages.SendingHosts, configuration["Herald:Doctor:InboundHost"]);
    }
}
