namespace Herald.Server.Api.Messages;

/// <param name="Reason">Set when the message was suppressed at once: why, and since when (so the application can show its banner).</param>
public sealed record SendMessageResponse(string Id, string Status, MessageLinks Links, string? Reason = null, DateTimeOffset? Since = null);
