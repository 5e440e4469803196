namespace Herald.Core.Messages;

/// <summary>What the API reports about a message. Queued and Deferred are not final; the rest are.</summary>
public enum MessageStatus
{
    Queued,
    Deferred,
    Delivered,
    Failed,
    Expired,
    Skipped,
    Suppressed,
}
