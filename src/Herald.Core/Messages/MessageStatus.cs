namespace Herald.Core.Messages;

/// <summary>
/// What the API reports about a message. Queued and Deferred are not final; the rest are. Bounced and Complained
/// follow Delivered when a bounce or complaint comes back after the receiving server accepted the message. Caught is
/// final too: the development mailbox took the message and nobody received it, so it is never a delivery.
/// </summary>
public enum MessageStatus
{
    Queued,
    Deferred,
    Delivered,
    Failed,
    Expired,
    Skipped,
    Suppressed,
    Bounced,
    Complained,
    Caught,

    /// <summary>Refused at acceptance: over its type's rate limit for the address (429); never sent.</summary>
    Throttled,
}
