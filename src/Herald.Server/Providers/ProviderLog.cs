using Microsoft.Extensions.Logging;

namespace Herald.Server.Providers;

internal static partial class ProviderLog
{
    [LoggerMessage(101, LogLevel.Warning, "{Provider} webhook refused: {Reason}")]
    public static partial void Refused(ILogger logger, string provider, string reason);

    [LoggerMessage(102, LogLevel.Information, "{Provider} event {EventId} was already applied; ignored")]
    public static partial void Duplicate(ILogger logger, string provider, string eventId);

    [LoggerMessage(103, LogLevel.Error, "{Provider} event {EventId} could not be handed to the sink; answered 503")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string provider, string eventId);

    [LoggerMessage(104, LogLevel.Information, "SNS subscription to {TopicArn} confirmed")]
    public static partial void Subscribed(ILogger logger, string topicArn);

    [LoggerMessage(105, LogLevel.Error, "SNS subscription to {TopicArn} could not be confirmed; answered 503")]
    public static partial void SubscribeFailed(ILogger logger, Exception exception, string topicArn);
}
