using Herald.Core.Messages;

namespace Herald.Core.Delivery;

/// <summary>The decision about one attempt (Postal's SendResult, KumoMTA's dispositions).</summary>
public abstract record DeliveryOutcome
{
    private DeliveryOutcome() { }

    public sealed record Delivered(SmtpReply Reply, string RemoteHost, TimeSpan Duration) : DeliveryOutcome;

    /// <param name="Reply">The reply that caused the deferral, or null for a transport failure.</param>
    public sealed record Deferred(DateTimeOffset RetryAt, SmtpReply? Reply, string Reason, string? RemoteHost) : DeliveryOutcome;

    /// <param name="Reply">The permanent reply, full text and enhanced status code kept for the classifier.</param>
    public sealed record Failed(SmtpReply? Reply, string Reason, string? RemoteHost) : DeliveryOutcome;

    /// <summary>Not sent on purpose (suppressed address, preference off): later issues produce it.</summary>
    public sealed record Held(string Reason) : DeliveryOutcome;

    /// <summary>The time to live passed: sending now would be worse than not sending (an old sign-in code).</summary>
    public sealed record Expired(DateTimeOffset ExpiredAt, string Reason) : DeliveryOutcome;

    public MessageStatus Status => this switch
    {
        Delivered => MessageStatus.Delivered,
        Deferred => MessageStatus.Deferred,
        Failed => MessageStatus.Failed,
        Held => MessageStatus.Failed,
        Expired => MessageStatus.Expired,
        _ => throw new InvalidOperationException("unknown outcome"),
    };
}
