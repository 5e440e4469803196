using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>
/// Group commit for plain enqueues (no idempotency key, no rate limit: nothing is read first), as the SQLite store's
/// writer does for every write: while one group is being written, the enqueues that arrive wait, and the next group
/// takes them all, so concurrent POSTs share one round trip, one commit and one WAL flush instead of each waiting for
/// its own. The first caller that finds no group in flight writes groups until none is waiting; the others wait for
/// their answer. Nothing waits on purpose: an enqueue alone is written at once, by itself. Each caller's task still
/// completes only after the commit that holds its message (synchronous_commit=on), so a 202 stays durable.
/// </summary>
internal sealed class EnqueueGroup(PostgresStore store)
{
    /// <summary>At most this many messages per group (written by two statements, PlainEnqueues; one wake-up after).</summary>
    internal const int MaxGroup = 256;

    private readonly object _gate = new();
    private readonly List<Pending> _waiting = [];
    private bool _writing;

    public Task<EnqueueResult> EnqueueAsync(NewMessage message, DeliveryEvent accepted)
    {
        var pending = new Pending(message, accepted);
        bool lead;
        lock (_gate)
        {
            _waiting.Add(pending);
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            _ = WriteWhileWaitingAsync();
        }

        return pending.Done.Task;
    }

    private async Task WriteWhileWaitingAsync()
    {
        while (true)
        {
            List<Pending> group;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                var count = Math.Min(MaxGroup, _waiting.Count);
                group = _waiting.GetRange(0, count);
                _waiting.RemoveRange(0, count);
            }

            await WriteAsync(group);
        }
    }

    /// <summary>
    /// Writes a group as one batch, its own implicit transaction (all or nothing). If the database refuses it, each
    /// message is written alone, so one message the database refuses fails only its own caller; if the database cannot
    /// be reached, every caller gets that fault.
    /// </summary>
    private async Task WriteAsync(List<Pending> group)
    {
        try
        {
            var results = await store.WriteStatementAsync(async c =>
            {
                await using var batch = new NpgsqlBatch(c);
                var results = PlainEnqueues.AddWrites(batch, group.Select(p => (p.Message, p.Accepted)).ToList());
                await batch.ExecuteNonQueryAsync();
                return results;
            }, durable: true, CancellationToken.None);
            store.Wake.Ring();
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Done.SetResult(results[i]);
            }
        }
        catch (StorageFaultException fault) when (fault.Transient)
        {
            // The database cannot be reached: every message of the group gets the fault (the API answers 503) at once,
            // rather than each waiting for its own attempt to time out one after the other.
            foreach (var pending in group)
            {
                pending.Done.SetException(fault);
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var pending in group)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception e)
        {
            group[0].Done.SetException(e);
        }
    }

    private sealed record Pending(NewMessage Message, DeliveryEvent Accepted)
    {
        public TaskCompletionSource<EnqueueResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
