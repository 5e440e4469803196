using Herald.Core.Messages;

namespace Herald.Core.Queue;

/// <summary>
/// A message claimed by one worker under a lease. <paramref name="Attempt"/> is 1-based and already counted
/// in storage, so a worker that crashes mid-attempt still uses up that attempt.
/// </summary>
/// <param name="LeaseToken">Unique per claim; a completion with an outdated token is refused.</param>
public sealed record DeliveryJob(StoredMessage Message, int Attempt, string LeaseToken, DateTimeOffset LeaseExpiresAt);
