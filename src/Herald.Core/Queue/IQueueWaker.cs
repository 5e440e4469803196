namespace Herald.Core.Queue;

/// <summary>
/// Wakes idle delivery lanes after a message was enqueued (port), so the first attempt starts within milliseconds
/// instead of at the next poll. Losing a wake-up only costs one poll interval: the queue is the truth.
/// </summary>
public interface IQueueWaker
{
    void Wake();
}
