using Herald.Core.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Server.Providers;

/// <summary>
/// DI for provider webhooks. The caller registers <see cref="IProviderEventSink"/>; a storage-backed
/// <see cref="IReplayGuard"/> registered before these calls wins over the in-memory default (TryAdd).
/// </summary>
public static class ProviderServiceCollectionExtensions
{
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddHeraldSesWebhook(this IServiceCollection services, SesWebhookOptions options)
    {
        AddShared(services);
        services.AddSingleton(options);
        foreach (var name in new[] { CachingSigningCertificateSource.HttpClientName, HttpSubscriptionConfirmer.HttpClientName })
        {
            // No redirects: only the validated sns.<region>.amazonaws.com URL may be fetched.
            services.AddHttpClient(name, client => client.Timeout = FetchTimeout)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        }

        services.TryAddSingleton<ISigningCertificateSource, CachingSigningCertificateSource>();
        services.TryAddSingleton<ISubscriptionConfirmer, HttpSubscriptionConfirmer>();
        services.TryAddSingleton<SnsMessageVerifier>();
        services.TryAddSingleton<SesWebhookHandler>();
        return services;
    }

    public static IServiceCollection AddHeraldMailgunWebhook(this IServiceCollection services, MailgunWebhookOptions options)
    {
        AddShared(services);
        services.AddSingleton(options);
        services.TryAddSingleton<MailgunSignatureVerifier>();
        services.TryAddSingleton<MailgunWebhookHandler>();
        return services;
    }

    private static void AddShared(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReplayGuard, InMemoryReplayGuard>();
        services.TryAddSingleton<EventApplier>();
    }
}
