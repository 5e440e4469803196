using Herald.Bounces;
using Herald.Core.Messages;

namespace Herald.Core.Delivery;

/// <summary>The decision about one attempt (Postal's SendResult, KumoMTA's dispositions).</summary>
public abstract record DeliveryOutcome
{
    private DeliveryOutcome() { }

    public sealed record Delivered(SmtpReply Reply, string RemoteHost, TimeSpan Duration) : DeliveryOutcome;

    /// <summary>Taken by the development mailbox: not sent to anyone.</summary>
    public sealed record Caught(SmtpReply Reply, string RemoteHost, TimeSpan Duration) : DeliveryOutcome;

    /// <param name="Reply">The reply that caused the deferral, or null for a transport failure.</param>
    /// <param name="Classification">What the reply means (scenario, who must act), classified once by <see cref="OutcomePolicy"/>; null without a reply.</param>
    public sealed record Deferred(DateTimeOffset RetryAt, SmtpReply? Reply, string Reason, string? RemoteHost, BounceRecord? Classification = null) : DeliveryOutcome;

    /// <param name="Reply">The permanent reply, full text and enhanced status code as received.</param>
    /// <param name="Classification">What the failure means, classified once by <see cref="OutcomePolicy"/>; null when nothing was attempted.</param>
    public sealed record Failed(SmtpReply? Reply, string Reason, string? RemoteHost, BounceRecord? Classification = null) : DeliveryOutcome;

    /// <summary>Not sent: the recipient turned off this category of mail.</summary>
    public sealed record Skipped(string Reason) : DeliveryOutcome;

    /// <summary>Not sent: the address is suspended (hard bounce, complaint, long-running auto-responder).</summary>
    public sealed record Suppressed(string Reason) : DeliveryOutcome;

    /// <summary>The time to live passed: sending now would be worse than not sending (an old sign-in code).</summary>
    public sealed record Expired(DateTimeOffset ExpiredAt, string Reason) : DeliveryOutcome;

    public MessageStatus Status => this switch
    {
        Delivered => MessageStatus.Delivered,
        Caught => MessageStatus.Caught,
        Deferred => MessageStatus.Deferred,
        Failed => MessageStatus.Failed,
        Skipped => MessageStatus.Skipped,
        Suppressed => MessageStatus.Suppressed,
        Expired => MessageStatus.Expired,
        _ => throw new InvalidOperationException("unknown outcome"),
    };
}
