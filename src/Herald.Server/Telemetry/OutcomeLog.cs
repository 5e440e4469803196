using Herald.Core.Delivery;
using Herald.Core.Messages;
using Microsoft.Extensions.Logging;

namespace Herald.Server.Telemetry;

/// <summary>
/// One structured log line per stored outcome, with the same fields whatever the outcome (message id, type, route,
/// remote host, reply code, attempt duration in ms) so a log pipeline can index them; a line per outcome like
/// Postfix's "status=sent" line. Deferrals are retries and go at Debug: the final outcome says what happened.
/// </summary>
internal static partial class OutcomeLog
{
    public static void Write(ILogger logger, StoredMessage m, DeliveryOutcome outcome, TimeSpan duration)
    {
        var ms = (long)duration.TotalMilliseconds;
        switch (outcome)
        {
            case DeliveryOutcome.Delivered d:
                Delivered(logger, m.Id, m.Type, m.Route, d.RemoteHost, d.Reply.Code, ms);
                break;
            case DeliveryOutcome.Caught c:
                Caught(logger, m.Id, m.Type, m.Route, c.RemoteHost, c.Reply.Code, ms);
                break;
            case DeliveryOutcome.Deferred d:
                Deferred(logger, m.Id, m.Type, m.Route, d.RemoteHost, d.Reply?.Code, ms, d.RetryAt, d.Reason);
                break;
            case DeliveryOutcome.Failed f:
                Failed(logger, m.Id, m.Type, m.Route, f.RemoteHost, f.Reply?.Code, ms, f.Reason);
                break;
            case DeliveryOutcome.Expired e:
                Expired(logger, m.Id, m.Type, m.Route, e.Reason);
                break;
            case DeliveryOutcome.Suppressed s:
                Suppressed(logger, m.Id, m.Type, m.Route, s.Reason);
                break;
            case DeliveryOutcome.Skipped s:
                Skipped(logger, m.Id, m.Type, m.Route, s.Reason);
                break;
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
        Message = "Delivered {MessageId} ({Type}, route {Route}) to {RemoteHost}: {ReplyCode} in {DurationMs} ms")]
    private static partial void Delivered(ILogger logger, string messageId, string type, string route, string remoteHost, int replyCode, long durationMs);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information,
        Message = "Caught {MessageId} ({Type}, route {Route}) in the development mailbox {RemoteHost}: {ReplyCode} in {DurationMs} ms; sent to nobody")]
    private static partial void Caught(ILogger logger, string messageId, string type, string route, string remoteHost, int replyCode, long durationMs);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug,
        Message = "Deferred {MessageId} ({Type}, route {Route}) by {RemoteHost}: {ReplyCode} in {DurationMs} ms, retry at {RetryAt:u}: {Reason}")]
    private static partial void Deferred(ILogger logger, string messageId, string type, string route, string? remoteHost, int? replyCode, long durationMs, DateTimeOffset retryAt, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information,
        Message = "Failed {MessageId} ({Type}, route {Route}) at {RemoteHost}: {ReplyCode} in {DurationMs} ms: {Reason}")]
    private static partial void Failed(ILogger logger, string messageId, string type, string route, string? remoteHost, int? replyCode, long durationMs, string reason);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Expired {MessageId} ({Type}, route {Route}): {Reason}")]
    private static partial void Expired(ILogger logger, string messageId, string type, string route, string reason);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Suppressed {MessageId} ({Type}, route {Route}): {Reason}")]
    private static partial void Suppressed(ILogger logger, string messageId, string type, string route, string reason);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Information, Message = "Skipped {MessageId} ({Type}, route {Route}): {Reason}")]
    private static partial void Skipped(ILogger logger, string messageId, string type, string route, string reason);
}
