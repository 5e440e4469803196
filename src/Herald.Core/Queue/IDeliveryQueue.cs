using Herald.Core.Events;
using Herald.Core.Messages;

namespace Herald.Core.Queue;

/// <summary>The durable queue (port). Implementations: SQLite (embedded), later PostgreSQL.</summary>
public interface IDeliveryQueue
{
    /// <summary>
    /// Persist the message and its <c>accepted</c> event durably before returning. Idempotency keys are
    /// compared against messages created at or after <paramref name="idempotencySince"/>.
    /// </summary>
    Task<EnqueueResult> EnqueueAsync(NewMessage message, DeliveryEvent accepted, DateTimeOffset idempotencySince, CancellationToken cancellationToken);

    /// <summary>
    /// Persist every item as <see cref="EnqueueAsync"/> would (or, for an item with <see cref="EnqueueItem.Suppressed"/>, as
    /// <see cref="Feedback.IFeedbackStore.EnqueueSuppressedAsync"/> would) in ONE transaction with one durable commit: all
    /// of them or, when the store fails part-way, none. Results come in the items' order. An item sees the items before
    /// it, as if they had been sent one after the other: a repeated idempotency key is a duplicate (or a conflict) of the
    /// earlier item, and earlier items count towards a rate limit.
    /// </summary>
    Task<IReadOnlyList<EnqueueResult>> EnqueueBatchAsync(IReadOnlyList<EnqueueItem> items, DateTimeOffset idempotencySince, CancellationToken cancellationToken);

    /// <summary>
    /// Claim due jobs under a lease. Jobs whose lease expired (a crashed worker) are due again.
    /// Delivery is therefore at least once: a job may be claimed again after its first worker sent it.
    /// </summary>
    Task<IReadOnlyList<DeliveryJob>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Apply a transition; <see cref="Completion.Applied"/> false when the lease was lost (another claim or completion
    /// won). A delivered transition also reads the address's ledger and its domain's open incident after it, in the same
    /// round trip (<see cref="Completion.Address"/>): every delivery is checked against them, and a read of its own was one
    /// more round trip per message.
    /// </summary>
    Task<Completion> CompleteAsync(DeliveryJob job, JobTransition transition, CancellationToken cancellationToken);

    /// <summary>The earliest time a job of at least <paramref name="lowestPriority"/> becomes due, or null when none.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(Priority lowestPriority, CancellationToken cancellationToken);

    /// <summary>
    /// How many messages wait (queued or deferred) per priority and when the oldest of each was accepted: one entry for
    /// every priority, in priority order, a count of 0 when none waits. Read by metrics and readiness, never by delivery.
    /// </summary>
    Task<IReadOnlyList<QueueDepth>> DepthAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called once at start-up, before this node claims anything: releases the leases this node (the store's node id)
    /// left in a previous run (a kill -9), so nothing waits for them to expire, and every expired lease. Another node's
    /// live lease is kept. Returns how many were released; attempts already counted stay counted.
    /// </summary>
    Task<int> RecoverAsync(CancellationToken cancellationToken);
}
