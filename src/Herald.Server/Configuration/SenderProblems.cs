using Herald.Core.Catalogue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Herald.Server.Configuration;

/// <summary>
/// What the catalogue's senders need from the rest of the configuration: a route that exists, and, in Production with
/// mail leaving the machine, domains that exist outside it.
/// </summary>
internal static class SenderProblems
{
    /// <summary>The route the development mailbox takes when no route is configured (TransportRegistration).</summary>
    private const string MailboxRoute = "default";

    public static IEnumerable<string> Check(IConfiguration smtp, HeraldOptions options, NotificationCatalogue catalogue, string environment)
    {
        var routes = smtp.GetSection("Routes").GetChildren().Select(r => r.Key).ToList();
        var known = routes.Count > 0 ? routes : [MailboxRoute];
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in catalogue.Types)
        {
            if (!known.Contains(type.Sender.Route, StringComparer.OrdinalIgnoreCase))
            {
                var setting = options.Catalogue.GetValueOrDefault(type.Key)?.Sender?.Route is null
                    ? "Herald:DefaultSender:Route"
                    : $"Herald:Catalogue:{type.Key}:Sender:Route";
                if (reported.Add(setting))
                {
                    yield return $"{setting}: '{type.Sender.Route}' is not a route in Herald:Smtp:Routes (routes: {string.Join(", ", known)})";
                }
            }
        }

        // Mail that never leaves the machine (the development mailbox) carries these names nowhere; mail that does
        // needs names the world can resolve.
        if (!string.Equals(environment, Environments.Production, StringComparison.OrdinalIgnoreCase) || routes.Count == 0)
        {
            yield break;
        }

        const string Why = "is a .localhost name, which never resolves outside this machine (RFC 6761 6.3); in Production";
        const string Fix = "set a domain of yours (or run with --environment Development)";
        if (IsLocalhost(options.BounceDomain))
        {
            yield return $"Herald:BounceDomain: '{options.BounceDomain}' {Why} no bounce could ever come back: {Fix}";
        }

        if (IsLocalhost(options.MessageIdDomain))
        {
            yield return $"Herald:MessageIdDomain: '{options.MessageIdDomain}' {Why} Message-IDs must name a domain of the sender (RFC 5322 3.6.4): {Fix}";
        }

        foreach (var type in catalogue.Types.Where(t => IsLocalhost(Domain(t.Sender.Address))))
        {
            var setting = options.Catalogue.GetValueOrDefault(type.Key)?.Sender?.Address is null
                ? "Herald:DefaultSender:Address"
                : $"Herald:Catalogue:{type.Key}:Sender:Address";
            if (reported.Add(setting))
            {
                yield return $"{setting}: '{type.Sender.Address}' {Why} receivers cannot check the sender (SPF, DKIM, DMARC) nor reply: {Fix}";
            }
        }
    }

    private static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..];

    private static bool IsLocalhost(string domain)
    {
        var name = domain.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}
