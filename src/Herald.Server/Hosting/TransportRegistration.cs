using Herald.Server.Configuration;
using Herald.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Hosting;

internal static class TransportRegistration
{
    /// <summary>
    /// SMTP routes from <c>Herald:Smtp</c>. With no route configured, in the Development environment only, Herald runs
    /// its development mailbox on 127.0.0.1 and delivers everything there, so a first run sends nothing to the outside
    /// world (what it catches is <c>caught</c>, never <c>delivered</c>). In any other environment a missing route stops
    /// start-up (<see cref="TransportConfiguration.Check"/>).
    /// </summary>
    public static IServiceCollection AddHeraldTransport(this IServiceCollection services, IConfiguration configuration)
    {
        var smtp = configuration.GetSection("Herald:Smtp");
        services.AddHeraldSmtp(smtp);
        if (TransportConfiguration.UsesDevMailbox(configuration))
        {
            services.AddHeraldDevMailbox("default", o => smtp.GetSection("DevMailbox").Bind(o));
        }

        return services;
    }
}
