using Herald.Core.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Storage.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers one singleton <see cref="SqliteStore"/> as <see cref="IDeliveryQueue"/> and <see cref="IMessageStore"/>.
    /// The store opens lazily on first use (or call <see cref="SqliteStore.OpenAsync"/> at start-up to fail fast);
    /// it uses the registered <see cref="TimeProvider"/>, or the system clock when none is registered.
    /// </summary>
    public static IServiceCollection AddHeraldSqlite(this IServiceCollection services, SqliteStoreOptions options)
    {
        services.AddSingleton(sp => new SqliteStore(options, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IDeliveryQueue>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IMessageStore>(sp => sp.GetRequiredService<SqliteStore>());
        return services;
    }
}
