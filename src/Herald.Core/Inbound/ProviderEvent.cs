namespace Herald.Core.Inbound;

/// <summary>
/// A provider notification normalised across providers. <see cref="Id"/> is the idempotency key: the SNS MessageId
/// for SES, the event-data id for Mailgun. Providers deliver at least once, so the same Id can arrive many times;
/// it must be applied once (the webhook's replay guard drops repeats, a sink should also be idempotent on Id).
/// </summary>
/// <param name="Provider">"ses" or "mailgun".</param>
/// <param name="ProviderMessageId">The provider's id of the message we sent (SES mail.messageId, Mailgun storage key is not used).</param>
/// <param name="MessageIdHeader">The Message-ID header of the message we sent, without angle brackets, if the provider gave it.</param>
/// <param name="ReturnPath">The envelope sender the provider used (SES mail.source, Mailgun envelope.sender): our VERP address when configured.</param>
/// <param name="Timestamp">When the provider says the event happened.</param>
public sealed record ProviderEvent(
    string Provider,
    string Id,
    ProviderEventKind Kind,
    IReadOnlyList<ProviderRecipient> Recipients,
    string? ProviderMessageId,
    string? MessageIdHeader,
    string? ReturnPath,
    DateTimeOffset Timestamp);
