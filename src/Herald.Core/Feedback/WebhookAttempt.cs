namespace Herald.Core.Feedback;

/// <summary>One POST of an outbox row, as recorded by the worker that made it.</summary>
/// <param name="StatusCode">The endpoint's HTTP status; null when no answer came (refused, timed out, TLS failure).</param>
/// <param name="Error">Why it failed ("HTTP 500", the transport error); null when delivered.</param>
public sealed record WebhookAttempt(DateTimeOffset At, bool Delivered, int? StatusCode, string? Error);
