using Herald.Core.Queue;

namespace Herald.Storage.Postgres;

/// <summary>
/// Group commit, as the SQLite store's writer does for every write: while one group is being written, the items that
/// arrive wait, and the next group takes them all, so concurrent callers share one round trip, one implicit transaction
/// and one commit instead of each paying for its own. The first caller that finds no group in flight writes groups
/// until none is waiting; the others wait for their answer. Nothing waits on purpose: an item alone is written at once,
/// by itself. Each caller's task completes only after the commit that holds its item. Used for plain enqueues (a
/// durable commit: one WAL flush per group) and for attempts' outcomes (one round trip per group where each outcome
/// took one: half of PostgreSQL's CPU is spent per statement answered, docs/scaling-measurements.md).
/// </summary>
/// <param name="maxGroup">At most this many items per group.</param>
/// <param name="write">Writes a group as one batch, all or nothing; returns each item's answer, in order.</param>
internal sealed class CommitGroup<TItem, TResult>(int maxGroup, Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write)
{
    private readonly object _gate = new();
    private readonly List<Pending> _waiting = [];
    private bool _writing;
    private int _groups;

    /// <summary>Groups written so far, one-by-one rewrites of a refused group included: what the tests check grouping by.</summary>
    internal int Groups => Volatile.Read(ref _groups);

    /// <summary>Items waiting for the group in flight to be written: what the tests wait for before they let it finish.</summary>
    internal int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    public Task<TResult> AddAsync(TItem item)
    {
        var pending = new Pending(item);
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

                var count = Math.Min(maxGroup, _waiting.Count);
                group = _waiting.GetRange(0, count);
                _waiting.RemoveRange(0, count);
            }

            await WriteAsync(group);
        }
    }

    /// <summary>
    /// Writes a group, its own implicit transaction. If the database refuses it, each item is written alone, so one
    /// item the database refuses fails only its own caller; if the database cannot be reached, every caller gets that
    /// fault.
    /// </summary>
    private async Task WriteAsync(List<Pending> group)
    {
        Interlocked.Increment(ref _groups);
        try
        {
            var results = await write(group.ConvertAll(p => p.Item));
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Done.SetResult(results[i]);
            }
        }
        catch (StorageFaultException fault) when (fault.Transient)
        {
            // The database cannot be reached: every item of the group gets the fault (the API answers 503) at once,
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

    private sealed record Pending(TItem Item)
    {
        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
