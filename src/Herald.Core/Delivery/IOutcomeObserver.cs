using Herald.Core.Feedback;
using Herald.Core.Messages;

namespace Herald.Core.Delivery;

/// <summary>
/// Told of every outcome after it was stored (port): suppression learns from failures, a delivery clears the
/// address's current problem, webhooks fan out. An observer that throws is logged and does not affect the message.
/// </summary>
public interface IOutcomeObserver
{
    /// <param name="address">The address's ledger and its domain's incident state as the store read them with a delivered
    /// outcome (<see cref="Queue.Completion.Address"/>); null when it read none.</param>
    ValueTask OnOutcomeAsync(StoredMessage message, DeliveryOutcome outcome, LedgerWithDomain? address, CancellationToken cancellationToken);
}
