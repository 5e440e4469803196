namespace Herald.Core.Feedback;

/// <summary>What the claimer of outbox row <paramref name="Seq"/> reports after one attempt.</summary>
/// <param name="NextAttemptAt">When to try again after a failure; null after the schedule's last attempt (a dead letter).</param>
public sealed record WebhookAttemptRecord(long Seq, string Owner, WebhookAttempt Attempt, DateTimeOffset? NextAttemptAt);
