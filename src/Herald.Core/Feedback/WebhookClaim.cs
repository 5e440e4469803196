namespace Herald.Core.Feedback;

/// <summary>Ask for up to <paramref name="Max"/> due outbox rows, oldest due first, held for <paramref name="LeaseDuration"/>.</summary>
/// <param name="Owner">Who claims: unique per worker, so an attempt is recorded only by the claimer that still holds the row.</param>
public sealed record WebhookClaim(string Owner, int Max, DateTimeOffset Now, TimeSpan LeaseDuration);
