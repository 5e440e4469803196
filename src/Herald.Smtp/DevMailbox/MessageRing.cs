namespace Herald.Smtp;

/// <summary>The last N captured messages, newest first, findable by id. One lock: writes are a few per message.</summary>
internal sealed class MessageRing(int capacity)
{
    private readonly LinkedList<CapturedMessage> order = new();
    private readonly Dictionary<string, LinkedListNode<CapturedMessage>> byId = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public void Add(CapturedMessage message)
    {
        lock (gate)
        {
            byId[message.Id] = order.AddFirst(message);
            while (order.Count > Math.Max(1, capacity))
            {
                byId.Remove(order.Last!.Value.Id);
                order.RemoveLast();
            }
        }
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
}
