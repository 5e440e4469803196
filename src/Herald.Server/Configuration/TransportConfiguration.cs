using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Herald.Server.Configuration;

/// <summary>
/// Where mail goes: the routes of <c>Herald:Smtp:Routes</c>, or, with none, the development mailbox, which catches
/// every message on this machine. The mailbox runs only in the Development environment: in any other, a missing route
/// is a configuration problem, so a production Herald never reports mail that reached nobody.
/// </summary>
internal static class TransportConfiguration
{
    public static bool HasRoutes(IConfiguration configuration) => configuration.GetSection("Herald:Smtp:Routes").GetChildren().Any();

    /// <param name="environment">The host's environment; null reads it as the host would (<see cref="HeraldConfiguration.EnvironmentName"/>).</param>
    public static bool UsesDevMailbox(IConfiguration configuration, string? environment = null) =>
        !HasRoutes(configuration)
        && string.Equals(environment ?? HeraldConfiguration.EnvironmentName(configuration), Environments.Development, StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<string> Check(IConfiguration configuration, string environment)
    {
        if (!HasRoutes(configuration) && !UsesDevMailbox(configuration, environment))
        {
            yield return "Herald:Smtp:Routes: no route is configured, and the development mailbox (which catches mail instead of sending it) " +
                $"runs only in the Development environment, not in {environment}. Configure a route, e.g. " +
                "--Herald:Smtp:Routes:default:Kind=Relay --Herald:Smtp:Routes:default:Host=smtp.example.com (see docs/configuration.md), " +
                "or start with --environment Development to try Herald with the development mailbox";
        }
    }
}
