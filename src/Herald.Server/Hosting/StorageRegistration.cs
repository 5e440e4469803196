using Herald.Server.Configuration;
using Herald.Server.Workers;
using Herald.Storage.Postgres;
using Herald.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Server.Hosting;

internal static class StorageRegistration
{
    /// <summary>
    /// The one place that chooses the store (<c>Herald:Storage:Kind</c>): it registers every storage port (delivery queue,
    /// message store, recipients, feedback, replay guard) from that store, so no other registration names an adapter.
    /// </summary>
    /// <exception cref="OptionsValidationException">The kind is not one Herald has; the message names the setting and the allowed kinds.</exception>
    public static IServiceCollection AddHeraldStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (StorageConfiguration.IsKind(configuration, StorageConfiguration.Sqlite))
        {
            var path = StorageConfiguration.SqlitePath(configuration);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            return services.AddHeraldSqlite(new SqliteStoreOptions
            {
                Path = path,
                NodeId = NodeIdentity.Resolve(configuration, StorageConfiguration.DataDirectory(configuration)),
            });
        }

        if (StorageConfiguration.IsKind(configuration, StorageConfiguration.Postgres))
        {
            if (NodeRoles.From(configuration).Delivery)
            {
                // Wake-ups from other nodes matter only to a node whose lanes claim.
                services.AddHostedService(sp => new PostgresWakeListener(sp.GetRequiredService<PostgresStore>(), sp.GetRequiredService<QueueSignal>()));
            }

            return services.AddHeraldPostgres(new PostgresStoreOptions
            {
                ConnectionString = StorageConfiguration.PostgresConnectionString(configuration)
                    ?? throw new OptionsValidationException("Herald:Storage", typeof(HeraldOptions), [.. StorageConfiguration.Check(configuration)]),
                NodeId = NodeIdentity.Resolve(configuration, StorageConfiguration.DataDirectory(configuration)),
                Migrate = StorageConfiguration.PostgresMigrate(configuration),
            });
        }

        throw new OptionsValidationException("Herald:Storage", typeof(HeraldOptions), [StorageConfiguration.UnknownKind(StorageConfiguration.Kind(configuration))]);
    }
}
