using Herald.Core.Catalogue;
using Herald.Core.Delivery;
using Herald.Server.Configuration;
using Herald.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Server.Recipients;

internal static class RecipientsServiceCollectionExtensions
{
    /// <summary>Recipients, preferences (a send gate), one-click unsubscribe (an enricher) and address verification.</summary>
    public static IServiceCollection AddHeraldRecipients(this IServiceCollection services, IConfiguration configuration, string dataDirectory, StartupNotes notes)
    {
        var options = RecipientsConfiguration.Read(configuration);

        services.AddSingleton(options);
        // Loaded now, not on first use: a bad key stops start-up instead of failing a delivery later.
        services.AddSingleton(new TokenSigner(TokenKeys.Load(options.TokenKey, dataDirectory, notes.TokenKeyMode, notes.Warn)));
        services.AddSingleton(sp => new CategoryRules(
            sp.GetRequiredService<NotificationCatalogue>(), sp.GetRequiredService<IOptions<HeraldOptions>>().Value.Catalogue));
        services.AddSingleton<Preferences>();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<AttemptRecipients>();
        services.AddSingleton<SettingsLinks>();
        services.AddSingleton<Verifications>();
        services.AddHostedService<VerificationSender>();
        services.AddSingleton<ISendGate, PreferenceGate>();
        services.AddSingleton<IMessageEnricher, UnsubscribeEnricher>();
        return services;
    }
}
