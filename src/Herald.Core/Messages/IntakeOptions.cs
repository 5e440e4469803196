namespace Herald.Core.Messages;

/// <summary>How long an idempotency key names its first request (Stripe and Postmark keep theirs 24 hours).</summary>
public sealed record IntakeOptions(TimeSpan IdempotencyWindow);
