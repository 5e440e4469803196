using Herald.Core.Recipients;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Storage.Sqlite;

public static class SqliteRecipientServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SqliteRecipientStore"/> on the already registered <see cref="SqliteStore"/> (its writer is shared).</summary>
    public static IServiceCollection AddHeraldSqliteRecipients(this IServiceCollection services)
    {
        services.AddSingleton<IRecipientStore>(sp => new SqliteRecipientStore(sp.GetRequiredService<SqliteStore>()));
        return services;
    }
}
