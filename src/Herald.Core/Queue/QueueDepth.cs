using Herald.Core.Messages;

namespace Herald.Core.Queue;

/// <summary>Messages waiting for delivery (queued or deferred, leased or not) of one priority.</summary>
/// <param name="OldestCreatedAt">When the oldest waiting message was accepted, or null when none waits.</param>
public sealed record QueueDepth(Priority Priority, long Count, DateTimeOffset? OldestCreatedAt);
