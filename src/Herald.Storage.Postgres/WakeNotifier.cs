using Herald.Core.Messages;
using Herald.Core.Queue;
using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>
/// Wakes the delivery lanes of the other nodes (NOTIFY on <see cref="PostgresStoreOptions.WakeChannel"/>) once an enqueue
/// has committed, in a statement of its own and never inside the enqueue's transaction. PostgreSQL serialises every
/// committing transaction that has NOTIFYed on one cluster-wide lock (AccessExclusiveLock on object 0 of class 1262,
/// taken in PreCommit_Notify) and holds it until the transaction ends, that is through its WAL flush: with the NOTIFY in
/// the durable enqueue, concurrent enqueues flushed one after the other instead of together, and a commit waited up to
/// 90 ms for that lock (log_lock_waits in <c>PG_ONLY=1 bench/delivery-postgres.sh 20000</c>, 2026-12-01, at the moments
/// critical messages waited 100-150 ms). Sent on the bookkeeping connections (synchronous_commit=off), its commit holds
/// the lock for no flush. Rings while a NOTIFY is in flight are answered by one more NOTIFY after it, not one each: a
/// wake-up only says "look at the queue", and the lanes read the truth there. This node's own lanes are woken in
/// process (IQueueWaker), so the payload names the node and its own listener ignores it. The payload also says the most
/// urgent priority rung since the last NOTIFY (<see cref="WakePayload"/>): the other nodes wake only the lanes that take it.
/// </summary>
internal sealed class WakeNotifier(Func<Priority, Task> send)
{
    private readonly object _gate = new();
    private bool _sending;
    private Priority? _again;

    /// <summary>Asks for a NOTIFY after this moment for a message of <paramref name="priority"/> queued; returns at once.</summary>
    public void Ring(Priority priority)
    {
        lock (_gate)
        {
            if (_sending)
            {
                _again = _again is { } pending && pending < priority ? pending : priority;
                return;
            }

            _sending = true;
        }

        _ = SendWhileRungAsync(priority);
    }

    private async Task SendWhileRungAsync(Priority priority)
    {
        while (true)
        {
            try
            {
                await send(priority);
            }
            catch (Exception e) when (e is StorageFaultException or NpgsqlException or ObjectDisposedException or TimeoutException)
            {
                // The database cannot be reached or the store is closing: the other nodes' lanes poll the queue, and their
                // listener wakes them when it connects again (PostgresStore.ListenAsync).
            }

            lock (_gate)
            {
                if (_again is not { } next)
                {
                    _sending = false;
                    return;
                }

                priority = next;
                _again = null;
            }
        }
    }
}
