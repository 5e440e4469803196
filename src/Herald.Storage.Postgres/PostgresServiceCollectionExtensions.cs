using Herald.Core.Access;
using Herald.Core.Feedback;
using Herald.Core.Inbound;
using Herald.Core.Lifecycle;
using Herald.Core.Portal;
using Herald.Core.Queue;
using Herald.Core.Recipients;
using Herald.Storage.Postgres.Access;
using Herald.Storage.Postgres.Feedback;
using Herald.Storage.Postgres.Lifecycle;
using Herald.Storage.Postgres.Portal;
using Herald.Storage.Postgres.Recipients;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Storage.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers every storage port on one singleton <see cref="PostgresStore"/> (one connection pool per node), as
    /// <c>AddHeraldSqlite</c> does for SQLite. It uses the registered <see cref="TimeProvider"/>, or the system clock.
    /// </summary>
    public static IServiceCollection AddHeraldPostgres(this IServiceCollection services, PostgresStoreOptions options)
    {
        services.AddSingleton(sp => new PostgresStore(options, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IDeliveryQueue>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IMessageStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IRecipientStore>(sp => new PostgresRecipientStore(sp.GetRequiredService<PostgresStore>()));
        services.AddSingleton<IFeedbackStore>(sp => new PostgresFeedbackStore(sp.GetRequiredService<PostgresStore>()));
        services.AddSingleton<IReplayGuard>(sp => new PostgresReplayGuard(sp.GetRequiredService<PostgresStore>()));
        services.AddSingleton<IApiKeyStore>(sp => new PostgresApiKeyStore(sp.GetRequiredService<PostgresStore>()));
        services.AddSingleton<IStoreMaintenance>(sp => new PostgresStoreMaintenance(sp.GetRequiredService<PostgresStore>()));
        services.AddSingleton<IErasureStore>(sp => new PostgresErasureStore(sp.GetRequiredService<PostgresStore>()));
        services.AddSingleton<IOperatorStore>(sp => new PostgresOperatorStore(sp.GetRequiredService<PostgresStore>()));
        services.AddSingleton<IPortalLinkStore>(sp => new PostgresPortalLinkStore(sp.GetRequiredService<PostgresStore>()));
        return services;
    }
}
