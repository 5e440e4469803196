using Dapper;
using Npgsql;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresMigratorTests
{
    [Fact]
    public void No_two_migration_scripts_share_a_version() =>
        Herald.Storage.Tests.Contract.MigrationScripts.SharedVersions(typeof(PostgresMigrator).Assembly).ShouldBeEmpty();

    [Fact]
    public async Task Four_nodes_migrating_one_empty_database_at_once_apply_each_version_once()
    {
        var connection = await PostgresServer.CreateDatabaseAsync(migrated: false);
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connection)).ToList();
        try
        {
            var applied = await Task.WhenAll(sources.Select(s => Task.Run(() => PostgresMigrator.MigrateAsync(s, CancellationToken.None))));

            // The lock is taken per script, so one node may apply the first scripts and another the next: what matters is
            // that no version is applied twice and none is missed.
            var all = applied.SelectMany(a => a).Order().ToList();
            all.ShouldBe(all.Distinct().ToList(), "each version applied by exactly one node");
            all[^1].ShouldBe(PostgresMigrator.LatestVersion);
            await using var c = await sources[0].OpenConnectionAsync();
            (await c.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version")).ShouldBe(all);
            (await PostgresMigrator.MigrateAsync(sources[0], CancellationToken.None)).ShouldBeEmpty("a second run finds nothing to do");
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }

            await PostgresServer.DropDatabaseAsync(connection);
        }
    }
}
