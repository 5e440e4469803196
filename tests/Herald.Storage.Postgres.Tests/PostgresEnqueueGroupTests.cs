using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Postgres.Tests;

/// <summary>
/// Concurrent plain enqueues share one commit (EnqueueGroup): each caller still gets its own answer after the commit
/// that holds its message, and a message the database refuses fails only its own caller.
/// </summary>
public sealed class PostgresEnqueueGroupTests : OnTestDatabase
{
    [Fact]
    public async Task Concurrent_enqueues_are_each_stored_and_answered_with_their_own_message()
    {
        var store = await Database.OpenStoreAsync("node-a");
        var messages = Enumerable.Range(0, 300).Select(i => New($"msg_{i:D3}", to: $"user{i}@example.test")).ToList();

        var results = await Task.WhenAll(messages.Select(m => Task.Run(() => store.EnqueueAsync(m, Accepted(m), T0.AddDays(-1), CancellationToken.None))));

        results.Select(r => r.ShouldBeOfType<EnqueueResult.Created>().Message.Id).ShouldBe(messages.Select(m => m.Id));
        foreach (var m in messages)
        {
            (await store.GetAsync(m.Id, CancellationToken.None)).ShouldNotBeNull().To.ShouldBe(m.To);
            (await store.GetTimelineAsync(m.Id, CancellationToken.None)).ShouldBe([Accepted(m)]);
        }
    }

    [Fact]
    public async Task A_message_the_database_refuses_fails_alone_and_the_rest_of_its_group_is_stored()
    {
        var store = await Database.OpenStoreAsync("node-a");
        var messages = Enumerable.Range(0, 60).Select(i => New($"msg_{i:D2}", to: $"user{i}@example.test")).ToList();
        // PostgreSQL refuses a NUL in text (a route's name is Herald's own, not made storable as remote text is): this
        // one's events cannot be stored, and its group is written again one by one.
        var refused = messages[30];

        var attempts = messages.Select(m => Task.Run(() => store.EnqueueAsync(m,
            m == refused ? new DeliveryEvent(m.Id, m.CreatedAt, EventType.Accepted, Route: "a\0b") : Accepted(m), T0.AddDays(-1), CancellationToken.None))).ToList();
        await Should.ThrowAsync<Exception>(() => attempts[30]);

        // Every caller's answer first (the others of a refused group are written one by one after it), then the rows.
        for (var i = 0; i < messages.Count; i++)
        {
            if (i != 30)
            {
                (await attempts[i]).ShouldBeOfType<EnqueueResult.Created>();
            }
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var stored = await store.GetAsync(messages[i].Id, CancellationToken.None);
            if (i == 30)
            {
                stored.ShouldBeNull();
            }
            else
            {
                stored.ShouldNotBeNull();
            }
        }
    }

    [Fact]
    public async Task A_critical_message_is_written_while_a_group_of_other_messages_waits()
    {
        var store = await Database.OpenStoreAsync("node-a");
        var bulk = New("msg_bulk", to: "ana@example.test", priority: Priority.Bulk);
        // Another transaction holds an uncommitted row with the bulk message's id: the group that writes it waits on the
        // unique index until that transaction ends.
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = store.WriteAsync<int>(async (c, tx) =>
        {
            await EnqueueWrites.RunAsync(c, tx, bulk, Accepted(bulk), T0.AddDays(-1));
            holding.SetResult();
            await release.Task;
            throw new InvalidOperationException("rolled back: the bulk message's own group may now write it");
        }, durable: true, CancellationToken.None);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var waiting = store.EnqueueAsync(bulk, Accepted(bulk), T0.AddDays(-1), CancellationToken.None);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        waiting.IsCompleted.ShouldBeFalse();

        var code = New("msg_code", to: "ben@example.test", priority: Priority.Critical);
        (await store.EnqueueAsync(code, Accepted(code), T0.AddDays(-1), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)))
            .ShouldBeOfType<EnqueueResult.Created>();
        waiting.IsCompleted.ShouldBeFalse();

        release.SetResult();
        await Should.ThrowAsync<InvalidOperationException>(() => holder);
        (await waiting.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeOfType<EnqueueResult.Created>();
    }

    [Fact]
    public async Task When_the_database_cannot_be_reached_every_caller_of_a_group_gets_the_transient_fault()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        // Nothing listens on the port any more: every connection is refused.
        await using var store = new PostgresStore(
            new PostgresStoreOptions { ConnectionString = $"Host=127.0.0.1;Port={port};Username=herald;Timeout=5", NodeId = "node-a" }, Database.Clock);
        var messages = Enumerable.Range(0, 40).Select(i => New($"msg_{i:D2}", to: $"user{i}@example.test")).ToList();

        var attempts = messages.Select(m => Task.Run(() => store.EnqueueAsync(m, Accepted(m), T0.AddDays(-1), CancellationToken.None))).ToList();

        foreach (var attempt in attempts)
        {
            (await Should.ThrowAsync<StorageFaultException>(() => attempt)).Transient.ShouldBeTrue();
        }
    }
}
