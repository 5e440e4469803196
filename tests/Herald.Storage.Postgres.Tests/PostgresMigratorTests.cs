using Dapper;
using Npgsql;

namespace Herald.Storage.Postgres.Tests;

public sealed class PostgresMigratorTests
{
    [Fact]
    public async Task Four_nodes_migrating_one_empty_database_at_once_apply_each_version_once()
    {
        var connection = await PostgresServer.CreateDatabaseAsync(migrated: false);
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connection)).ToList();
        try
        {
            var applied = await Task.WhenAll(sources.Select(s => Task.Run(() => PostgresMigrator.MigrateAsync(s, CancellationToken.None))));

            applied.SelectMany(a => a).Count().ShouldBe(applied.Max(a => a.Count), "each version applied by exactly one node");
            applied.Count(a => a.Count > 0).ShouldBe(1);
            await using var c = await sources[0].OpenConnectionAsync();
            (await c.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version")).ShouldBe(applied.Single(a => a.Count > 0));
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
