using Herald.Core.Messages;

namespace Herald.Core.Queue;

/// <summary>
/// Wakes idle delivery lanes after a message was enqueued (port), so the first attempt starts within milliseconds
/// instead of at the next poll. Losing a wake-up only costs one poll interval: the queue is the truth.
/// </summary>
public interface IQueueWaker
{
    /// <summary>
    /// A message of <paramref name="priority"/> (the most urgent of several) is queued: wakes the lanes that take it, and
    /// only those. A lane kept for critical messages that woke at every bulk message claimed nothing most of the time, and
    /// a sign-in code that came during such a claim waited for it and for the next-due read after it.
    /// </summary>
    void Wake(Priority priority);
}
