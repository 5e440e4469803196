using Herald.Core.Events;
using Herald.Core.Messages;

namespace Herald.Core.Queue;

/// <summary>
/// What a finished attempt changes, applied atomically by the store and only if the lease token still matches.
/// </summary>
/// <param name="NextAttemptAt">When a non-final status becomes claimable again.</param>
/// <param name="PurgeSecrets">Remove secret template fields from storage (done when the message is final).</param>
public sealed record JobTransition(
    MessageStatus Status,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<DeliveryEvent> Events,
    bool PurgeSecrets);
