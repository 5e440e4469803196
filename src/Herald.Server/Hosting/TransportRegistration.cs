using Herald.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Hosting;

internal static class TransportRegistration
{
    /// <summary>
    /// SMTP routes from <c>Herald:Smtp</c>. With no route configured, Herald runs its development mailbox on
    /// 127.0.0.1 and delivers everything there, so a first run sends nothing to the outside world.
    /// </summary>
    public static IServiceCollection AddHeraldTransport(this IServiceCollection services, IConfigurationSection smtp)
    {
        services.AddHeraldSmtp(smtp);
        if (!smtp.GetSection("Routes").GetChildren().Any())
        {
            services.AddHeraldDevMailbox("default", o => smtp.GetSection("DevMailbox").Bind(o));
        }

        return services;
    }
}
