using Herald.Core.Doctor;
using Herald.Dns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Doctor;

/// <summary>The doctor: its DNS (<c>Herald:Doctor:Dns</c>), the diagnosis, the sender check and its start-up run.</summary>
internal static class DoctorRegistration
{
    public static IServiceCollection AddHeraldDoctor(this IServiceCollection services, IConfiguration configuration)
    {
        var dns = new DnsOptions();
        configuration.GetSection("Herald:Doctor:Dns").Bind(dns);
        services.AddSingleton<IDnsQuery>(new DnsClientQuery(dns));
        services.AddSingleton<IPreferenceFacts, PreferenceFacts>();
        services.AddSingleton<DoctorService>();
        services.AddSingleton<SenderCheck>();
        services.AddSingleton<SenderSetupReader>();
        services.AddSingleton<KitReader>();
        services.AddHostedService<SenderCheckAtStartup>();
        return services;
    }
}
