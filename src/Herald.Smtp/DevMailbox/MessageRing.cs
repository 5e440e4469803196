namespace Herald.Smtp.DevMailbox;

/// <summary>The last N captured messages, newest first, findable by id. One lock: writes are a few per message.</summary>
internal sealed class MessageRing(int capacity)
{
    private readonly LinkedList<CapturedMessage> order = new();
    private readonly Dictionary<string, LinkedListNode<CapturedMessage>> byId = new(StringComparer.Ordinal);
    private readonly List<Waiter> waiters = [];
    private readonly Lock gate = new();

    public void Add(CapturedMessage message)
    {
        List<Waiter> matched;
        lock (gate)
        {
            byId[message.Id] = order.AddFirst(message);
            while (order.Count > Math.Max(1, capacity))
            {
                byId.Remove(order.Last!.Value.Id);
                order.RemoveLast();
            }

            matched = waiters.FindAll(w => w.Match(message));
            waiters.RemoveAll(matched.Contains);
        }

        matched.ForEach(w => w.Completion.TrySetResult(message));
    }

    public IReadOnlyList<CapturedMessage> List()
    {
        lock (gate)
        {
            return [.. order];
        }
    }

    public CapturedMessage? Get(string id)
    {
        lock (gate)
        {
            return byId.TryGetValue(id, out var node) ? node.Value : null;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            order.Clear();
            byId.Clear();
        }
    }

    /// <summary>The newest kept message that matches, or the next one to arrive.</summary>
    public async Task<CapturedMessage> WaitForAsync(Func<CapturedMessage, bool> match, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(match, new TaskCompletionSource<CapturedMessage>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (gate)
        {
            if (order.FirstOrDefault(match) is { } kept)
            {
                return kept;
            }

            waiters.Add(waiter);
        }

        await using var registration = cancellationToken.Register(() =>
        {
            lock (gate)
            {
                waiters.Remove(waiter);
            }

            waiter.Completion.TrySetCanceled(cancellationToken);
        });
        return await waiter.Completion.Task;
    }

    private sealed record Waiter(Func<CapturedMessage, bool> Match, TaskCompletionSource<CapturedMessage> Completion);
}
