using Dapper;
using Herald.Storage.Postgres;

namespace Herald.Storage.Postgres.Tests;

/// <summary>
/// Pooled connections are not reset (PostgresStore.WithDefaults), so no session state may reach the pool: the queue's
/// bookkeeping commits without waiting for the WAL flush by its own connections' settings, durable writes wait for it, and
/// the LISTEN for wake-ups stays on a connection of its own.
/// </summary>
public sealed class PostgresConnectionStateTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Bookkeeping_commits_without_waiting_for_the_flush_and_every_other_write_waits()
    {
        var store = await _database.OpenStoreAsync("node-a");
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
    public async Task The_wake_up_listener_leaves_no_LISTEN_on_the_pooled_connections()
    {
        var store = await _database.OpenStoreAsync("node-a");
        using var stop = new CancellationTokenSource();
        var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = store.ListenAsync(() => woken.TrySetResult(), stop.Token);
        await woken.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await listening.WaitAsync(TimeSpan.FromSeconds(30));

        for (var i = 0; i < 5; i++)
        {
            (await store.ReadAsync(c => c.QueryAsync<string>("SELECT pg_listening_channels()"), CancellationToken.None)).ShouldBeEmpty();
        }
    }
}
