using Microsoft.Extensions.Logging;

namespace Herald.Smtp.Inbound;

internal static partial class InboundLog
{
    [LoggerMessage(1, LogLevel.Information, "Inbound listener on {EndPoint}")]
    public static partial void Listening(ILogger logger, string endPoint);

    [LoggerMessage(2, LogLevel.Error, "Inbound sink failed for a message from {Remote}; answered 451")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string remote);

    [LoggerMessage(3, LogLevel.Error, "Return-path directory failed for RCPT from {Remote}; answered 451")]
    public static partial void DirectoryFailed(ILogger logger, Exception exception, string remote);

    [LoggerMessage(4, LogLevel.Information, "Refused message from {Remote}: {Violation}")]
    public static partial void DataRefused(ILogger logger, string remote, DataViolation violation);

    [LoggerMessage(5, LogLevel.Warning, "Connection limit reached; refused {Remote} with 421")]
    public static partial void ConnectionRefused(ILogger logger, string remote);

    [LoggerMessage(7, LogLevel.Warning, "Per-client connection limit ({Limit}) reached; refused {Remote} with 421")]
    public static partial void ClientConnectionRefused(ILogger logger, string remote, int limit);

    [LoggerMessage(6, LogLevel.Warning, "Inbound listener stopped with an error")]
    public static partial void ServerFaulted(ILogger logger, Exception exception);
}
