using Herald.Core.Queue;

namespace Herald.Server.Health;

/// <summary>The queue's depth per priority, read from the store at most once a second whoever asks.</summary>
internal sealed class QueueBacklog(IDeliveryQueue queue, TimeProvider time)
{
    private readonly SharedRead<IReadOnlyList<QueueDepth>> _read = new(queue.DepthAsync, time);

    public DateTimeOffset Now => time.GetUtcNow();

    public Task<IReadOnlyList<QueueDepth>> ReadAsync(CancellationToken cancellationToken) => _read.ReadAsync(cancellationToken);
}
