namespace Herald.Core.Feedback;

/// <summary>Where one outbox row stands (wire words: pending, delivered, dead).</summary>
public enum WebhookDeliveryState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>
    /// A dead letter: the last attempt of the schedule failed and nothing will send it again until an operator replays it
    /// (Svix and Stripe keep failed events listed with their attempts and let them be re-sent, rather than dropping them).
    /// </summary>
    Dead,
}
