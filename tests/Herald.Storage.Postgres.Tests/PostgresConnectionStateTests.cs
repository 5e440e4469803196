using Dapper;
using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Storage.Postgres;
using Npgsql;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Postgres.Tests;

/// <summary>
/// Pooled connections are not reset (PostgresConnectionStrings.WithDefaults), so no session state may reach the pool: the queue's
/// bookkeeping commits without waiting for the WAL flush by its own connections' settings, durable writes wait for it, and
/// the LISTEN for wake-ups stays on a connection of its own; reads and bookkeeping are multiplexed, durable writes not. A write of one round trip, without BEGIN and COMMIT, is
/// still all or nothing.
/// </summary>
public sealed class PostgresConnectionStateTests : OnTestDatabase
{
    [Fact]
    public async Task Bookkeeping_commits_without_waiting_for_the_flush_and_every_other_write_waits()
    {
        var store = await Database.OpenStoreAsync("node-a");
        // The test cluster itself runs with synchronous_commit=off (PostgresCluster), so the setting's source tells the
        // connections apart: "client" is the connection's own start-up option, anything else the server's setting.
        const string Setting = "SELECT setting || ' from ' || source FROM pg_settings WHERE name = 'synchronous_commit'";
        for (var i = 0; i < 3; i++)
        {
            (await store.WriteAsync((c, tx) => c.ExecuteScalarAsync<string>(Setting, transaction: tx), durable: false, CancellationToken.None))
                .ShouldBe("off from client");
            (await store.WriteAsync((c, tx) => c.ExecuteScalarAsync<string>(Setting, transaction: tx), durable: true, CancellationToken.None))
                .ShouldNotEndWith("from client");
            (await store.ReadAsync(c => c.ExecuteScalarAsync<string>(Setting), CancellationToken.None)).ShouldNotEndWith("from client");
        }
    }

    [Fact]
    public async Task A_claim_leaves_its_connection_planning_as_before_whether_it_succeeds_or_is_refused()
    {
        // The claim sets plan_cache_mode for itself only (QueueWrites.ClaimWithGenericPlanSql): pooled connections are not
        // reset, so a setting left behind would reach every later statement on the connection.
        var store = await Database.OpenStoreAsync("node-a");
        await store.EnqueueAsync(New("msg_claimed"));
        await using var c = new NpgsqlConnection(await Database.ConnectionStringAsync());
        await c.OpenAsync();
        const string Mode = "SELECT current_setting('plan_cache_mode')";

        var claimed = await QueueWrites.ClaimAsync(c, new ClaimRequest("worker-1", 5, Priority.Bulk, T0.AddMinutes(1), TimeSpan.FromMinutes(5)), "node-a");
        claimed.Select(j => j.Message.Id).ShouldBe(["msg_claimed"]);
        (await c.ExecuteScalarAsync<string>(Mode)).ShouldBe("auto");

        // PostgreSQL refuses a NUL in text at Bind, after the SET has run: the batch's transaction is rolled back, SET with it.
        await Should.ThrowAsync<PostgresException>(() =>
            QueueWrites.ClaimAsync(c, new ClaimRequest("worker\0", 5, Priority.Bulk, T0.AddMinutes(1), TimeSpan.FromMinutes(5)), "node-a"));
        (await c.ExecuteScalarAsync<string>(Mode)).ShouldBe("auto");
    }

    [Fact]
    public async Task Reads_and_bookkeeping_are_multiplexed_and_durable_writes_have_connections_of_their_own()
    {
        var store = await Database.OpenStoreAsync("node-a");
        static Task<bool> Multiplexing(NpgsqlConnection c) => Task.FromResult(new NpgsqlConnectionStringBuilder(c.ConnectionString).Multiplexing);

        (await store.ReadAsync(Multiplexing, CancellationToken.None)).ShouldBeTrue();
        (await store.WriteStatementAsync(Multiplexing, durable: false, CancellationToken.None)).ShouldBeTrue();
        (await store.WriteStatementAsync(Multiplexing, durable: true, CancellationToken.None)).ShouldBeFalse();
        (await store.WriteAsync((c, _) => Multiplexing(c), durable: true, CancellationToken.None)).ShouldBeFalse();
        // Each still answers: a multiplexed read sees what a durable write committed.
        await store.EnqueueAsync(New("msg_seen"));
        (await store.GetAsync("msg_seen", CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public void Multiplexing_is_the_operators_to_turn_off_and_needs_pooling()
    {
        new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Multiplexed("Host=db.example")).Multiplexing.ShouldBeTrue();
        new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Multiplexed("Host=db.example;Multiplexing=false")).Multiplexing.ShouldBeFalse();
        new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Multiplexed("Host=db.example;Pooling=false")).Multiplexing.ShouldBeFalse();
    }

    [Fact]
    public void A_multiplexed_pool_opens_few_connections_unless_the_connection_string_says()
    {
        new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Multiplexed("Host=db.example")).MaxPoolSize
            .ShouldBe(PostgresConnectionStrings.MultiplexedConnections);
        new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Multiplexed("Host=db.example;Maximum Pool Size=30")).MaxPoolSize.ShouldBe(30);
        new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Multiplexed("Host=db.example;maxpoolsize=20")).MaxPoolSize.ShouldBe(20);
        // Not multiplexed: Npgsql's own default stays.
        new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Multiplexed("Host=db.example;Multiplexing=false")).MaxPoolSize.ShouldBe(100);
    }

    [Fact]
    public async Task Many_reads_at_once_share_the_multiplexed_pools_few_connections()
    {
        var store = await Database.OpenStoreAsync("node-a");
        var backends = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => store.ReadAsync(
            c => c.QuerySingleAsync<int>("SELECT pg_backend_pid() FROM pg_sleep(0.05)"), CancellationToken.None)));
        backends.Distinct().Count().ShouldBeLessThanOrEqualTo(PostgresConnectionStrings.MultiplexedConnections);
    }

    [Fact]
    public async Task The_wake_up_listener_leaves_no_LISTEN_on_the_pooled_connections()
    {
        var store = await Database.OpenStoreAsync("node-a");
        using var stop = new CancellationTokenSource();
        var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = store.ListenAsync(_ => woken.TrySetResult(), stop.Token);
        await woken.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await listening.WaitAsync(TimeSpan.FromSeconds(30));

        for (var i = 0; i < 5; i++)
        {
            (await store.ReadAsync(c => c.QueryAsync<string>("SELECT pg_listening_channels()"), CancellationToken.None)).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task An_enqueue_sent_as_one_batch_stores_nothing_when_its_last_statement_fails()
    {
        var store = await Database.OpenStoreAsync("node-a");
        var message = New("msg_nul");
        // PostgreSQL refuses a NUL in text (a route's name is Herald's own, not made storable as remote text is): the
        // events, the batch's second statement, fail after the row was inserted.
        var refused = new DeliveryEvent(message.Id, message.CreatedAt, EventType.Accepted, Route: "a\0b");
        await Should.ThrowAsync<Exception>(() => store.EnqueueAsync(message, refused, T0.AddDays(-1), CancellationToken.None));

        (await store.GetAsync("msg_nul", CancellationToken.None)).ShouldBeNull();
        await store.EnqueueAsync(New("msg_after"));
        (await store.GetAsync("msg_after", CancellationToken.None)).ShouldNotBeNull();
    }
}
