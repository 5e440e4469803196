namespace Herald.Core.Events;

/// <summary>One entry of a message's timeline. Optional fields are null where they do not apply.</summary>
/// <param name="Detail">Plain-language note, e.g. why a message expired. Never contains secret fields.</param>
public sealed record DeliveryEvent(
    string MessageId,
    DateTimeOffset Time,
    EventType Type,
    int? Attempt = null,
    string? Route = null,
    string? RemoteHost = null,
    int? SmtpCode = null,
    string? EnhancedStatus = null,
    string? Reply = null,
    DateTimeOffset? NextAttemptAt = null,
    long? DurationMs = null,
    string? Detail = null);
