namespace Herald.Core.Events;

/// <summary>
/// The closed list of things that can happen to a message (after KumoMTA's log record types).
/// Later features add producers, never new ad-hoc strings.
/// </summary>
public enum EventType
{
    Accepted,
    Attempt,
    Deferred,
    Delivered,
    Failed,
    Bounced,
    Complained,
    AutoReplied,
    Suppressed,
    Skipped,
    Expired,
    Unblocked,

    /// <summary>The development mailbox took the message: it was not sent to anyone (never <see cref="Delivered"/>).</summary>
    Caught,
    Throttled,
}
