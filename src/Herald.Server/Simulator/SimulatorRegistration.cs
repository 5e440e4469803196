using Herald.Smtp;
using Herald.Smtp.Inbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Simulator;

internal static class SimulatorRegistration
{
    /// <summary>
    /// The bounce simulator when <see cref="SimulatorConfiguration.IsEnabled"/>: its reports go where the bounce
    /// domain's mail goes, Herald's own inbound listener, so they take the same path as a real DSN.
    /// </summary>
    public static IServiceCollection AddHeraldSimulatorWhenEnabled(this IServiceCollection services, IConfiguration configuration)
    {
        if (SimulatorConfiguration.IsEnabled(configuration))
        {
            services.AddHeraldSimulator(
                sp => sp.GetRequiredService<BounceListener>().LocalEndPoint,
                o => configuration.GetSection(SimulatorConfiguration.Section).Bind(o));
        }

        return services;
    }
}
