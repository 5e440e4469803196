using Dapper;
using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Storage.Postgres.Copy;
using Herald.Storage.Tests;
using Herald.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;
using Npgsql;
using static Herald.Storage.Tests.Contract.TestFeedback;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Postgres.Tests;

/// <summary><c>herald db copy</c>'s engine: a single-node SQLite store moved to PostgreSQL, compared row by row.</summary>
public sealed class StoreCopyTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _sqlite = new();
    private readonly PostgresTestDatabase _postgres = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task A_store_with_queued_in_flight_deferred_suspended_and_final_data_arrives_row_for_row()
    {
        var ports = await _sqlite.OpenAsync("node-a");
        await ports.Queue.EnqueueAsync(New("msg_queued", createdAt: T0));
        await ports.Queue.EnqueueAsync(New("msg_flight", createdAt: T0.AddSeconds(1), to: "bob@example.test"));
        await ports.Queue.EnqueueAsync(New("msg_deferred", createdAt: T0.AddSeconds(2)));
        await ports.Queue.EnqueueAsync(New("msg_final", createdAt: T0.AddSeconds(3), secretFields: ["name"]));
        var claimed = await ports.Queue.ClaimAsync(T0.AddSeconds(10), max: 10);
        var byId = claimed.ToDictionary(j => j.Message.Id);
        await ports.Queue.CompleteAsync(byId["msg_deferred"], Deferred(byId["msg_deferred"], T0.AddSeconds(11), T0.AddHours(1)), CancellationToken.None);
        await ports.Queue.CompleteAsync(byId["msg_final"], Delivered(byId["msg_final"], T0.AddSeconds(11)), CancellationToken.None);
        await ports.Queue.CompleteAsync(byId["msg_queued"], new JobTransition(MessageStatus.Queued, T0, [], false), CancellationToken.None);
        await ports.Feedback.UpdateAsync(Change("gone@example.test", T0, l => l with { Suspension = HardBounce(T0) }), CancellationToken.None);
        await ports.Feedback.UpdateAsync(Notify("gone@example.test", T0, "evt_1"), CancellationToken.None);
        await ports.Recipients.CreateAsync("user_1", ["ana@example.test"], T0, CancellationToken.None);
        await _sqlite.CloseAsync();

        await using var source = new SqliteConnection($"Data Source={_sqlite.Path};Mode=ReadOnly;Pooling=False");
        await source.OpenAsync();
        await using var target = NpgsqlDataSource.Create(await PostgresServer.CreateDatabaseAsync(migrated: false));
        var copied = await StoreCopy.CopyAsync(source, target, CancellationToken.None);

        copied["messages"].ShouldBe(4);
        copied["events"].ShouldBeGreaterThan(4);
        copied["queue"].ShouldBe(3, "the queued, the deferred and the in-flight message wait, with their leases");
        (await StoreCopy.CompareAsync(source, target, 10, CancellationToken.None)).ShouldBeEmpty();

        // The copy is a working store: the job in flight comes back once its lease expires, new events follow the old.
        var store = new PostgresStore(new PostgresStoreOptions { ConnectionString = target.ConnectionString, NodeId = "node-b" }, _postgres.Clock);
        await using (store)
        {
            (await store.GetAsync("msg_flight", CancellationToken.None)).ShouldNotBeNull().Attempts.ShouldBe(1);
            (await store.ClaimAsync(T0.AddSeconds(20), max: 10)).ShouldHaveSingleItem().Message.Id.ShouldBe("msg_queued", "the lease taken on SQLite still holds");
            (await store.ClaimAsync(T0.AddMinutes(5).AddSeconds(15), max: 10)).ShouldHaveSingleItem().Message.Id.ShouldBe("msg_flight");
            (await store.GetTimelineAsync("msg_final", CancellationToken.None)).Count.ShouldBe(3);
            (await new Feedback.PostgresFeedbackStore(store).GetAsync("gone@example.test", CancellationToken.None)).Suspension.ShouldNotBeNull();
            await store.EnqueueAsync(New("msg_new", createdAt: T0.AddMinutes(7)), Accepted(New("msg_new", createdAt: T0.AddMinutes(7))), T0, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_reply_SQLite_kept_with_a_NUL_arrives_with_U_FFFD_in_its_place_and_compares_equal()
    {
        var ports = await _sqlite.OpenAsync("node-a");
        await ports.Queue.EnqueueAsync(New("msg_1"));
        var job = (await ports.Queue.ClaimAsync(T0.AddSeconds(10), max: 1)).ShouldHaveSingleItem();
        var delivered = new DeliveryEvent("msg_1", T0.AddSeconds(11), EventType.Delivered, SmtpCode: 250, Reply: "250 2.0.0 queued as \0A1B2");
        await ports.Queue.CompleteAsync(job, new JobTransition(MessageStatus.Delivered, null, [delivered], true), CancellationToken.None);
        await _sqlite.CloseAsync();
        await using var source = new SqliteConnection($"Data Source={_sqlite.Path};Mode=ReadOnly;Pooling=False");
        await source.OpenAsync();
        await using var target = NpgsqlDataSource.Create(await PostgresServer.CreateDatabaseAsync(migrated: false));

        (await StoreCopy.CopyAsync(source, target, CancellationToken.None))["events"].ShouldBe(2);

        (await StoreCopy.CompareAsync(source, target, 10, CancellationToken.None)).ShouldBeEmpty();
        await using var c = await target.OpenConnectionAsync();
        (await c.QuerySingleAsync<string>("SELECT reply FROM events WHERE type = 'delivered'")).ShouldBe("250 2.0.0 queued as \uFFFDA1B2");
    }

    [Fact]
    public async Task The_comparison_finds_a_row_that_differs_and_a_copy_into_a_store_with_data_is_refused()
    {
        var ports = await _sqlite.OpenAsync("node-a");
        await ports.Queue.EnqueueAsync(New("msg_1"));
        await _sqlite.CloseAsync();
        await using var source = new SqliteConnection($"Data Source={_sqlite.Path};Mode=ReadOnly;Pooling=False");
        await source.OpenAsync();
        await using var target = NpgsqlDataSource.Create(await PostgresServer.CreateDatabaseAsync(migrated: false));
        await StoreCopy.CopyAsync(source, target, CancellationToken.None);

        await using (var c = await target.OpenConnectionAsync())
        {
            await c.ExecuteAsync("UPDATE messages SET attempts = 7 WHERE id = 'msg_1'");
        }

        (await StoreCopy.CompareAsync(source, target, 10, CancellationToken.None)).ShouldHaveSingleItem().ShouldContain("column attempts: '0' in the source, '7' in the target");
        var refused = await Should.ThrowAsync<InvalidOperationException>(StoreCopy.CopyAsync(source, target, CancellationToken.None));
        refused.Message.ShouldContain("already holds rows");
    }
}
