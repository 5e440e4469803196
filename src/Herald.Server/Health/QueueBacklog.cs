using Herald.Core.Queue;

namespace Herald.Server.Health;

/// <summary>
/// The queue's depth per priority, read from the store at most once a second whoever asks (readiness probes, metric
/// scrapes): callers within that second share one indexed read. A failed read is not kept.
/// </summary>
internal sealed class QueueBacklog(IDeliveryQueue queue, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private Task<IReadOnlyList<QueueDepth>>? _read;
    private long _readAt;

    public DateTimeOffset Now => time.GetUtcNow();

    public Task<IReadOnlyList<QueueDepth>> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_read is null || _read.IsFaulted || _read.IsCanceled || time.GetElapsedTime(_readAt) >= MaxAge)
            {
                // Not the caller's token: the read is shared, and one caller giving up must not fail the others.
                _read = queue.DepthAsync(CancellationToken.None);
                _readAt = time.GetTimestamp();
            }

            return _read.WaitAsync(cancellationToken);
        }
    }
}
