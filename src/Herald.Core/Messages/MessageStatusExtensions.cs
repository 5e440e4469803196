namespace Herald.Core.Messages;

public static class MessageStatusExtensions
{
    public static bool IsFinal(this MessageStatus status) =>
        status is not (MessageStatus.Queued or MessageStatus.Deferred);

    /// <summary>The lower-case word used in the API, the CLI and storage.</summary>
    public static string ToWire(this MessageStatus status) => status switch
    {
        MessageStatus.Queued => "queued",
        MessageStatus.Deferred => "deferred",
        MessageStatus.Delivered => "delivered",
        MessageStatus.Failed => "failed",
        MessageStatus.Expired => "expired",
        MessageStatus.Skipped => "skipped",
        MessageStatus.Suppressed => "suppressed",
        MessageStatus.Bounced => "bounced",
        MessageStatus.Complained => "complained",
        MessageStatus.Caught => "caught",
        MessageStatus.Throttled => "throttled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static MessageStatus ParseWire(string value) => value switch
    {
        "queued" => MessageStatus.Queued,
        "deferred" => MessageStatus.Deferred,
        "delivered" => MessageStatus.Delivered,
        "failed" => MessageStatus.Failed,
        "expired" => MessageStatus.Expired,
        "skipped" => MessageStatus.Skipped,
        "suppressed" => MessageStatus.Suppressed,
        "bounced" => MessageStatus.Bounced,
        "complained" => MessageStatus.Complained,
        "caught" => MessageStatus.Caught,
        "throttled" => MessageStatus.Throttled,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "unknown message status"),
    };
}
