using Herald.Storage.Postgres;
using Herald.Storage.Tests.Contract;
using Npgsql;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Postgres.Tests;

/// <summary>
/// The store has Npgsql prepare its statements (auto-prepare) and not reset pooled connections, unless the operator's
/// connection string says otherwise; a statement prepared before another node's migration still runs after it.
/// </summary>
public sealed class PostgresAutoPrepareTests : OnTestDatabase
{
    [Fact]
    public void Statements_are_prepared_and_connections_kept_unless_the_connection_string_decides()
    {
        var defaults = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.WithDefaults("Host=db.example;Database=herald"));
        defaults.MaxAutoPrepare.ShouldBe(PostgresConnectionStrings.AutoPrepared);
        defaults.NoResetOnClose.ShouldBeTrue();
        // Behind PgBouncer in transaction mode, prepared statements must be off: the operator's 0 stays 0.
        new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.WithDefaults("Host=db.example;Max Auto Prepare=0")).MaxAutoPrepare.ShouldBe(0);
        new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.WithDefaults("Host=db.example;MaxAutoPrepare=5")).MaxAutoPrepare.ShouldBe(5);
        new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.WithDefaults("Host=db.example;No Reset On Close=false")).NoResetOnClose.ShouldBeFalse();
    }

    [Fact]
    public async Task A_statement_prepared_before_a_migration_adds_a_column_still_runs_after_it()
    {
        var store = await Database.OpenStoreAsync("node-a");
        for (var i = 0; i < 5; i++)
        {
            await store.EnqueueAsync(New($"msg_{i}"));
            (await store.GetAsync($"msg_{i}", CancellationToken.None)).ShouldNotBeNull();
        }

        // What a later version's migration, run by another node, does to a table this node's statements read and write.
        await using (var other = new NpgsqlConnection(await Database.ConnectionStringAsync()))
        {
            await other.OpenAsync();
            await using var alter = new NpgsqlCommand("ALTER TABLE messages ADD COLUMN added_by_a_later_version text", other);
            await alter.ExecuteNonQueryAsync();
        }

        await store.EnqueueAsync(New("msg_after"));
        (await store.GetAsync("msg_after", CancellationToken.None)).ShouldNotBeNull().Id.ShouldBe("msg_after");
        (await store.GetAsync("msg_0", CancellationToken.None)).ShouldNotBeNull();
        (await store.ClaimAsync(T0.AddMinutes(1), max: 10, owner: "node-a")).Count.ShouldBe(6);
    }
}
