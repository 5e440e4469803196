using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Hosting;

/// <summary>The roles on PostgreSQL: both nodes on one database of a throwaway cluster, as nodes on several machines.</summary>
public sealed class RolesOnPostgresTests(PostgresFixture postgres) : RolesOnStoreTests, IClassFixture<PostgresFixture>
{
    protected override Task<Dictionary<string, string?>> StoreSettingsAsync() => postgres.NewDatabaseSettingsAsync();
}
