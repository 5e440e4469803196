using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Smtp.Inbound;

public static class InboundServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BounceListener"/> as a singleton. The caller registers <c>IReturnPathDirectory</c> and
    /// <c>IInboundMailSink</c> (and logging), and the host calls StartAsync/StopAsync (e.g. from an IHostedService).
    /// </summary>
    public static IServiceCollection AddHeraldBounceListener(this IServiceCollection services, BounceListenerOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.TryAddSingleton<BounceListener>();
        return services;
    }
}
