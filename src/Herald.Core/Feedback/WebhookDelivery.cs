namespace Herald.Core.Feedback;

/// <summary>One outbox row as operators see it: the event, where it stands and every attempt, oldest first.</summary>
public sealed record WebhookDelivery(
    long Seq,
    string Id,
    string Endpoint,
    string Type,
    DateTimeOffset CreatedAt,
    WebhookDeliveryState State,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<WebhookAttempt> Attempts);
