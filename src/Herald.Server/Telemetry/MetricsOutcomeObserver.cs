using Herald.Core.Delivery;
using Herald.Core.Feedback;
using Herald.Core.Messages;

namespace Herald.Server.Telemetry;

/// <summary>Counts every stored outcome as the pipeline decided it (its status word, its classification); decides nothing.</summary>
internal sealed class MetricsOutcomeObserver(HeraldMetrics metrics, TimeProvider time) : IOutcomeObserver
{
    public ValueTask OnOutcomeAsync(StoredMessage message, DeliveryOutcome outcome, LedgerWithDomain? address, CancellationToken cancellationToken)
    {
        metrics.Message(outcome.Status.ToWire(), message);
        switch (outcome)
        {
            case DeliveryOutcome.Delivered:
                metrics.Delivered(message.Priority, time.GetUtcNow() - message.CreatedAt);
                break;
            case DeliveryOutcome.Failed { Classification: { } record }:
                metrics.Bounce(record.Reason.ToString(), record.Scenario.ToWire(), "smtp", temporary: false);
                break;
            case DeliveryOutcome.Deferred { Classification: { } record }:
                metrics.Bounce(record.Reason.ToString(), record.Scenario.ToWire(), "smtp", temporary: true);
                break;
        }

        return ValueTask.CompletedTask;
    }
}
