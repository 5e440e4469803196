namespace Herald.Core.Feedback;

/// <summary>
/// Turns notices into the outbox rows of the subscribed webhook endpoints (port). The rows are stored with the change
/// that caused them, in the same transaction, and sent later by the webhook worker.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>Whether any endpoint subscribes to notices of <paramref name="type"/>.</summary>
    bool Wants(string type);

    IReadOnlyList<OutboxMessage> Rows(IReadOnlyList<FeedbackNotice> notices);

    /// <summary>The rows of domain incidents opened or closed (<see cref="IncidentLifecycle"/>).</summary>
    IReadOnlyList<OutboxMessage> Rows(IReadOnlyList<IncidentNotice> notices);
}
