using Herald.Core.Events;

namespace Herald.Core.Messages;

/// <summary>One message of a batch enqueue (<see cref="Queue.IDeliveryQueue.EnqueueBatchAsync"/>).</summary>
/// <param name="Suppressed">Set when the address is suspended: the message is stored final and suppressed at once, as
/// <see cref="Feedback.IFeedbackStore.EnqueueSuppressedAsync"/> stores it.</param>
public sealed record EnqueueItem(NewMessage Message, DeliveryEvent Accepted, SuppressedAtIntake? Suppressed = null);
