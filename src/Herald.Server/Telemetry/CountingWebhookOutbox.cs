using Herald.Core.Feedback;

namespace Herald.Server.Telemetry;

/// <summary>
/// Every notice the feedback policies decided (bounced, failed, complained, suppressed, unblocked, incident.opened, incident.closed) passes through the
/// outbox to be stored with its change, subscribed or not: counted here, where it is already decided. The store calls
/// this inside its transaction, so a transaction retried after a fault could count a notice twice (rare, and a rate
/// on a dashboard does not mind).
/// </summary>
internal sealed class CountingWebhookOutbox(IWebhookOutbox inner, HeraldMetrics metrics) : IWebhookOutbox
{
    public bool Wants(string type) => inner.Wants(type);

    public IReadOnlyList<OutboxMessage> Rows(IReadOnlyList<FeedbackNotice> notices)
    {
        foreach (var notice in notices)
        {
            metrics.Notice(notice.Type, notice.Reason);
        }

        return inner.Rows(notices);
    }

    public IReadOnlyList<OutboxMessage> Rows(IReadOnlyList<IncidentNotice> notices)
    {
        foreach (var notice in notices)
        {
            metrics.Notice(notice.Type, notice.Incident.CloseReason?.ToWire());
        }

        return inner.Rows(notices);
    }
}
