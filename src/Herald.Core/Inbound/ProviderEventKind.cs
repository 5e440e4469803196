namespace Herald.Core.Inbound;

/// <summary>What a provider reported about a message we sent through it.</summary>
public enum ProviderEventKind
{
    /// <summary>Final failure (SES Bounce; Mailgun failed/permanent).</summary>
    Bounce,

    /// <summary>The recipient or their mailbox provider reported abuse (SES Complaint; Mailgun complained).</summary>
    Complaint,

    /// <summary>The receiving server accepted the message (SES Delivery; Mailgun delivered).</summary>
    Delivery,

    /// <summary>Temporary failure, the provider keeps retrying (SES DeliveryDelay; Mailgun failed/temporary).</summary>
    DeliveryDelay,
}
