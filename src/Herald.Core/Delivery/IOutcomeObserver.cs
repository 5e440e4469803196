using Herald.Core.Messages;

namespace Herald.Core.Delivery;

/// <summary>
/// Told of every outcome after it was stored (port): suppression learns from failures, a delivery clears the
/// address's current problem, webhooks fan out. An observer that throws is logged and does not affect the message.
/// </summary>
public interface IOutcomeObserver
{
    ValueTask OnOutcomeAsync(StoredMessage message, DeliveryOutcome outcome, CancellationToken cancellationToken);
}
