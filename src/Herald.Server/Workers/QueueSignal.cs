using Herald.Core.Queue;

namespace Herald.Server.Workers;

/// <summary>
/// Wakes idle delivery lanes when a message is enqueued, so the first attempt starts within milliseconds
/// instead of at the next poll. Losing a signal only costs one poll interval: the queue is the truth.
/// </summary>
internal sealed class QueueSignal : IQueueWaker
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitAsync() => Volatile.Read(ref _next).Task;

    public void Wake()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _next, fresh).TrySetResult();
    }
}
