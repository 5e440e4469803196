using Herald.Core.Events;

namespace Herald.Core.Messages;

/// <summary>One message of a batch enqueue (<see cref="Queue.IDeliveryQueue.EnqueueBatchAsync"/>).</summary>
/// <param name="Suppressed">Set when the address is suspended: the message is stored final and suppressed at once, as
/// <see cref="Feedback.IFeedbackStore.EnqueueSuppressedAsync"/> stores it.</param>
public sealed record EnqueueItem(NewMessage Message, DeliveryEvent Accepted, SuppressedAtIntake? Suppressed = null)
{
    /// <summary>
    /// The most urgent priority among the items a batch enqueue queued (created, not suppressed), what the delivery lanes
    /// are woken for (<see cref="Queue.IQueueWaker.Wake"/>); null when it queued none.
    /// </summary>
    public static Priority? MostUrgentQueued(IReadOnlyList<EnqueueItem> items, IReadOnlyList<EnqueueResult> results) =>
        items.Zip(results).Where(x => x.First.Suppressed is null && x.Second is EnqueueResult.Created)
            .Select(x => (Priority?)x.First.Message.Priority).Min();
}
