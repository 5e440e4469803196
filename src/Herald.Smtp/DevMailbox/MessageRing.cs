namespace Herald.Smtp.DevMailbox;

/// <summary>The last N captured messages, newest first, findable by id. One lock: writes are a few per message.</summary>
internal sealed class MessageRing(int capacity)
{
    private readonly LinkedList<CapturedMessage> _order = new();
    private readonly Dictionary<string, LinkedListNode<CapturedMessage>> _byId = new(StringComparer.Ordinal);
    private readonly List<Waiter> _waiters = [];
    private readonly Lock _gate = new();

    public void Add(CapturedMessage message)
    {
        List<Waiter> matched;
        lock (_gate)
        {
            _byId[message.Id] = _order.AddFirst(message);
            while (_order.Count > Math.Max(1, capacity))
            {
                _byId.Remove(_order.Last!.Value.Id);
                _order.RemoveLast();
            }

            matched = _waiters.FindAll(w => w.Match(message));
            _waiters.RemoveAll(matched.Contains);
        }

        matched.ForEach(w => w.Completion.TrySetResult(message));
    }

    public IReadOnlyList<CapturedMessage> List()
    {
        lock (_gate)
        {
            return [.. _order];
        }
    }

    public CapturedMessage? Get(string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var node) ? node.Value : null;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _order.Clear();
            _byId.Clear();
        }
    }

    /// <summary>The newest kept message that matches, or the next one to arrive.</summary>
    public async Task<CapturedMessage> WaitForAsync(Func<CapturedMessage, bool> match, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(match, new TaskCompletionSource<CapturedMessage>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            if (_order.FirstOrDefault(match) is { } kept)
            {
                return kept;
            }

            _waiters.Add(waiter);
        }

        await using var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            waiter.Completion.TrySetCanceled(cancellationToken);
        });
        return await waiter.Completion.Task;
    }

    private sealed record Waiter(Func<CapturedMessage, bool> Match, TaskCompletionSource<CapturedMessage> Completion);
}
