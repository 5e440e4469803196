using Herald.Core.Messages;
using Herald.Server.Configuration;
using Herald.Server.Inbound;
using Herald.Smtp.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Herald.Server.Simulator;

/// <summary>
/// Whether the bounce simulator runs, and the route its domain takes: the one home of both, used by the check, the
/// registration and the message factory alike.
/// </summary>
internal static class SimulatorConfiguration
{
    public const string Section = "Herald:Simulator";

    /// <summary>On when <c>Herald:Simulator:Enabled</c> says so; unset, on in Development while the inbound listener runs.</summary>
    /// <param name="environment">The host's environment; null reads it as the host would (<see cref="HeraldConfiguration.EnvironmentName"/>).</param>
    public static bool IsEnabled(IConfiguration configuration, string? environment = null) =>
        configuration.GetSection(Section).Get<SimulatorSwitch>()?.Enabled
        ?? (InboundRuns(configuration)
            && string.Equals(environment ?? HeraldConfiguration.EnvironmentName(configuration), Environments.Development, StringComparison.OrdinalIgnoreCase));

    /// <summary>The simulator's domain goes to the simulator's route whatever the type's sender route is.</summary>
    public static DomainRoutes Routes(IConfiguration configuration) => IsEnabled(configuration)
        ? new DomainRoutes(new Dictionary<string, string> { [SimulatorAddresses.Domain] = SimulatorServer.RouteName })
        : DomainRoutes.None;

    public static IEnumerable<string> Check(IConfiguration configuration, string environment)
    {
        if (!IsEnabled(configuration, environment))
        {
            yield break;
        }

        if (!InboundRuns(configuration))
        {
            yield return $"{Section}:Enabled: the simulator sends its DSNs, ARF reports and auto-replies to the inbound listener, " +
                "which Herald:Inbound:Enabled=false (or Herald:Roles without inbound) turns off; run the listener on this node or set Herald:Simulator:Enabled=false";
        }

        var options = configuration.GetSection(Section).Get<SimulatorOptions>() ?? new SimulatorOptions();
        if (options.Port is < 0 or > 65535)
        {
            yield return $"{Section}:Port: {options.Port} is not a TCP port (0 for any free port, up to 65535)";
        }

        if (options.ReplyDelay < TimeSpan.Zero || options.ReplyDelay > TimeSpan.FromHours(1))
        {
            yield return $"{Section}:ReplyDelay: must be between 00:00:00 and 01:00:00";
        }

        if (configuration.GetSection($"Herald:Smtp:Routes:{SimulatorServer.RouteName}").Exists())
        {
            yield return $"Herald:Smtp:Routes:{SimulatorServer.RouteName}: the name is the bounce simulator's own route; " +
                "rename this route or set Herald:Simulator:Enabled=false";
        }
    }

    private static bool InboundRuns(IConfiguration configuration) => InboundConfiguration.Runs(configuration);
}
