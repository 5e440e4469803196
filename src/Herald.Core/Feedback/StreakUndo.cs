namespace Herald.Core.Feedback;

/// <summary>
/// The soft-failure streak a delivery reset, kept in case that delivery was only a relay's acceptance: when the
/// message's own DSN comes back later, the streak is restored instead of starting again from one (a smarthost such as
/// Postfix answers 250 first and bounces afterwards, so "delivered" then "bounced" is one failure, not a success).
/// </summary>
public sealed record StreakUndo(string MessageId, int Count, DateTimeOffset? Since);
