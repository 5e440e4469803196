using System.Threading.Channels;
using Herald.Core.Messages;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Postgres.Tests;

/// <summary>
/// An enqueue wakes the delivery lanes of the other nodes on the database (LISTEN/NOTIFY), whichever way it was written:
/// the group commit of plain enqueues, a keyed enqueue in a transaction of its own, a batch. The node's own listener
/// ignores it: its lanes were woken in process. The NOTIFY says the most urgent priority queued, so the other node wakes
/// only the lanes that take it.
/// </summary>
public sealed class PostgresWakeTests : OnTestDatabase
{
    [Fact]
    public async Task Every_kind_of_enqueue_wakes_the_other_node_and_not_its_own_listener()
    {
        var a = await Database.OpenStoreAsync("node-a");
        var b = await Database.OpenStoreAsync("node-b");
        using var stop = new CancellationTokenSource();
        var own = new Listener();
        var other = new Listener();
        var listening = new[] { a.ListenAsync(own.Wake, stop.Token), b.ListenAsync(other.Wake, stop.Token) };
        // Each listener wakes every lane once its LISTEN is in place (what was enqueued before it, it did not hear).
        (await own.NextAsync()).ShouldBe(Priority.Critical);
        (await other.NextAsync()).ShouldBe(Priority.Critical);

        await a.EnqueueAsync(New("msg_plain", to: "ana@example.test", priority: Priority.Bulk));
        (await other.NextAsync()).ShouldBe(Priority.Bulk);

        var keyed = New("msg_keyed", to: "ben@example.test", idempotencyKey: "key-1");
        (await a.EnqueueAsync(keyed, Accepted(keyed), T0.AddDays(-1), CancellationToken.None)).ShouldBeOfType<EnqueueResult.Created>();
        (await other.NextAsync()).ShouldBe(Priority.Normal);

        // A batch's NOTIFY names its most urgent message.
        var batch = new[] { New("msg_batch_1", to: "cy@example.test", priority: Priority.Bulk), New("msg_batch_2", to: "di@example.test", priority: Priority.Critical) };
        (await a.EnqueueBatchAsync(batch.Select(m => new EnqueueItem(m, Accepted(m))).ToList(), T0.AddDays(-1), CancellationToken.None))
            .ShouldAllBe(r => r is EnqueueResult.Created);
        (await other.NextAsync()).ShouldBe(Priority.Critical);

        // b's enqueue reached a's listener, so a heard every NOTIFY before it, its own among them, and ignored those.
        await b.EnqueueAsync(New("msg_from_b", to: "ed@example.test"));
        (await own.NextAsync()).ShouldBe(Priority.Normal);
        own.Count.ShouldBe(2);
        other.Count.ShouldBe(4);

        await stop.CancelAsync();
        await Task.WhenAll(listening).WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Counts wake-ups; <see cref="NextAsync"/> waits for the next one not yet waited for and says its priority.</summary>
    private sealed class Listener
    {
        private readonly Channel<Priority> _woken = Channel.CreateUnbounded<Priority>();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Wake(Priority priority)
        {
            Interlocked.Increment(ref _count);
            _woken.Writer.TryWrite(priority);
        }

        public async Task<Priority> NextAsync() => await _woken.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
