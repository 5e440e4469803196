using Herald.Core.Delivery;
using Herald.Smtp.DevMailbox;
using Herald.Smtp.Outbound;
using Herald.Smtp.Outbound.Dkim;
using Herald.Smtp.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Smtp;

public static class HeraldSmtpServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISmtpTransport"/> (pooled MailKit) and <see cref="IMessageSigner"/> (DKIM) from a
    /// section shaped like <see cref="SmtpRoutesOptions"/> with a "Dkim" child shaped like <see cref="DkimOptions"/>.
    /// </summary>
    public static IServiceCollection AddHeraldSmtp(this IServiceCollection services, IConfiguration section)
    {
        services.Configure<SmtpRoutesOptions>(section);
        services.Configure<DkimOptions>(section.GetSection("Dkim"));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MailKitSmtpTransport>();
        services.TryAddSingleton<ISmtpTransport>(sp => sp.GetRequiredService<MailKitSmtpTransport>());
        services.TryAddSingleton<DkimMessageSigner>();
        services.TryAddSingleton<IMessageSigner>(sp => sp.GetRequiredService<DkimMessageSigner>());
        return services;
    }

    /// <summary>
    /// Registers the development mailbox as a hosted service and a Relay route named <paramref name="routeName"/>
    /// to it (unless the configuration already defines that route).
    /// </summary>
    public static IServiceCollection AddHeraldDevMailbox(
        this IServiceCollection services, string routeName = "default", Action<DevMailboxOptions>? configure = null)
    {
        var options = services.AddOptions<DevMailboxOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DevMailboxServer>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DevMailboxServer>());
        services.AddOptions<SmtpRoutesOptions>().PostConfigure<DevMailboxServer>((routes, mailbox) => routes.Routes.TryAdd(routeName, new SmtpRouteOptions
        {
            Kind = SmtpRouteKind.Relay,
            Host = "127.0.0.1",
            Port = mailbox.Port,
            StartTls = StartTlsPolicy.None,
            Timeout = TimeSpan.FromSeconds(10),
            IsDevelopmentMailbox = true,
        }));
        return services;
    }

    /// <summary>
    /// Registers the bounce simulator as a hosted service and a Relay route named <see cref="SimulatorServer.RouteName"/>
    /// to it (unless the configuration already defines that route). Its reports go to the endpoint
    /// <paramref name="feedbackEndpoint"/> names once the host runs (Herald's inbound listener).
    /// </summary>
    public static IServiceCollection AddHeraldSimulator(
        this IServiceCollection services, Func<IServiceProvider, System.Net.IPEndPoint?> feedbackEndpoint, Action<SimulatorOptions>? configure = null)
    {
        var options = services.AddOptions<SimulatorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SimulatorServer(
            sp.GetRequiredService<IOptions<SimulatorOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SimulatorServer>>(),
            () => feedbackEndpoint(sp)));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SimulatorServer>());
        services.AddOptions<SmtpRoutesOptions>().PostConfigure<SimulatorServer>((routes, simulator) => routes.Routes.TryAdd(SimulatorServer.RouteName, new SmtpRouteOptions
        {
            Kind = SmtpRouteKind.Relay,
            Host = "127.0.0.1",
            Port = simulator.Port,
            StartTls = StartTlsPolicy.None,
            Timeout = TimeSpan.FromSeconds(10),
        }));
        return services;
    }
}
