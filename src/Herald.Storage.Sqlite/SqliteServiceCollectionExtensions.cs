using Herald.Core.Access;
using Herald.Core.Feedback;
using Herald.Core.Inbound;
using Herald.Core.Portal;
using Herald.Core.Queue;
using Herald.Core.Recipients;
using Herald.Storage.Sqlite.Access;
using Herald.Storage.Sqlite.Feedback;
using Herald.Storage.Sqlite.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Storage.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers every storage port on one singleton <see cref="SqliteStore"/> (one file, one writer): the store itself as
    /// <see cref="IDeliveryQueue"/>, <see cref="IMessageStore"/> and <see cref="IStoreHealth"/>, and <see cref="IRecipientStore"/>,
    /// <see cref="IFeedbackStore"/>, <see cref="IReplayGuard"/>, <see cref="IApiKeyStore"/>, <see cref="IOperatorStore"/> and
    /// <see cref="IPortalLinkStore"/> on top of it. The store opens lazily on first use (or
    /// call <see cref="SqliteStore.OpenAsync"/> at start-up to fail fast); it uses the registered
    /// <see cref="TimeProvider"/>, or the system clock when none is registered.
    /// </summary>
    public static IServiceCollection AddHeraldSqlite(this IServiceCollection services, SqliteStoreOptions options)
    {
        services.AddSingleton(sp => new SqliteStore(options, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IDeliveryQueue>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IMessageStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IRecipientStore>(sp => new SqliteRecipientStore(sp.GetRequiredService<SqliteStore>()));
        services.AddSingleton<IFeedbackStore>(sp => new SqliteFeedbackStore(sp.GetRequiredService<SqliteStore>()));
        services.AddSingleton<IReplayGuard>(sp => new SqliteReplayGuard(sp.GetRequiredService<SqliteStore>()));
        services.AddSingleton<IApiKeyStore>(sp => new SqliteApiKeyStore(sp.GetRequiredService<SqliteStore>()));
        services.AddSingleton<IOperatorStore>(sp => new SqliteOperatorStore(sp.GetRequiredService<SqliteStore>()));
        services.AddSingleton<IPortalLinkStore>(sp => new SqlitePortalLinkStore(sp.GetRequiredService<SqliteStore>()));
        return services;
    }
}
