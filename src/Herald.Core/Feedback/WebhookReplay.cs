namespace Herald.Core.Feedback;

/// <summary>
/// Dead letters of <paramref name="Endpoint"/> made due again at <paramref name="Now"/>: one (<paramref name="Seq"/>) or all.
/// Each gets one more attempt (Svix's "resend"); failing again, it is a dead letter again with that attempt listed.
/// </summary>
/// <param name="To">Another configured endpoint to send them to instead (its URL and secret); null keeps the endpoint.</param>
public sealed record WebhookReplay(string Endpoint, long? Seq, DateTimeOffset Now, string? To);
