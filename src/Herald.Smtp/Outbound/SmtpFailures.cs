using System.Net.Sockets;
using Herald.Bounces;
using Herald.Core.Delivery;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Herald.Smtp.Outbound;

/// <summary>Maps what MailKit throws for network and server behaviour to <see cref="SmtpSendResult"/> facts.</summary>
internal static class SmtpFailures
{
    /// <summary>Exceptions that describe the peer or the network, never a bug of ours.</summary>
    public static bool IsServerBehaviour(Exception e) => e is SmtpCommandException or SmtpProtocolException
        or IOException or SocketException or OperationCanceledException or TimeoutException or SslHandshakeException
        or AuthenticationException or ServiceNotAuthenticatedException or NotSupportedException;

    /// <summary>
    /// A reused connection that fails before the server said anything about this message was closed by the
    /// server while idle (its idle timeout is shorter than ours): replaying on a new connection is safe.
    /// Postfix says goodbye first ("421 4.4.2 Error: timeout exceeded", RFC 5321 section 3.8), which is then
    /// the first reply read after MAIL.
    /// </summary>
    public static bool IsStaleConnection(Exception e, SmtpSessionTracker tracker) => e switch
    {
        IOException or SocketException or SmtpProtocolException => tracker.RepliesInTransaction == 0,
        SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable } => tracker.RepliesInTransaction <= 1,
        _ => false,
    };

    public static SmtpSendResult Map(Exception e, SmtpSessionTracker tracker, string host, TimeSpan duration, TimeSpan timeout)
    {
        var stage = tracker.Stage;
        return e switch
        {
            SmtpCommandException c => new SmtpSendResult.Rejected(
                SmtpReply.FromText((int)c.StatusCode, c.Message), StageOf(c.ErrorCode, stage), host, duration),
            AuthenticationException a => new SmtpSendResult.Rejected(SmtpReply.FromText(535, a.Message), SmtpStage.Auth, host, duration),
            ServiceNotAuthenticatedException n => new SmtpSendResult.Rejected(SmtpReply.FromText(530, n.Message), SmtpStage.MailFrom, host, duration),
            OperationCanceledException or TimeoutException or IOException { InnerException: TimeoutException } =>
                Failure(TransportFailureKind.Timeout, $"no answer within {timeout.TotalSeconds:0.#} s at {stage}"),
            SslHandshakeException => Failure(TransportFailureKind.TlsFailed, e.Message),
            // MailKit says NotSupported when StartTls is Required and the server does not offer it.
            NotSupportedException when stage is SmtpStage.Connect or SmtpStage.Ehlo or SmtpStage.StartTls =>
                Failure(TransportFailureKind.TlsFailed, e.Message),
            NotSupportedException => Failure(TransportFailureKind.ProtocolError, e.Message),
            SmtpProtocolException when !tracker.Connected => Failure(TransportFailureKind.ConnectFailed, e.Message),
            // MailKit raises SmtpProtocolException both for "unexpectedly disconnected" (EOF) and for garbage.
            SmtpProtocolException when e.Message.Contains("disconnect", StringComparison.OrdinalIgnoreCase) =>
                Failure(TransportFailureKind.ConnectionLost, $"{e.Message} (at {stage})"),
            SmtpProtocolException => Failure(TransportFailureKind.ProtocolError, e.Message),
            SocketException or IOException when !tracker.Connected => Failure(TransportFailureKind.ConnectFailed, e.Message),
            SocketException or IOException => Failure(TransportFailureKind.ConnectionLost, $"{e.Message} (at {stage})"),
            _ => throw new InvalidOperationException("not a server behaviour", e),
        };

        SmtpSendResult Failure(TransportFailureKind kind, string detail) => new SmtpSendResult.TransportFailure(kind, detail, host, duration);
    }

    private static SmtpStage StageOf(SmtpErrorCode code, SmtpStage tracked) => code switch
    {
        SmtpErrorCode.SenderNotAccepted => SmtpStage.MailFrom,
        SmtpErrorCode.RecipientNotAccepted => SmtpStage.RcptTo,
        SmtpErrorCode.MessageNotAccepted => SmtpStage.Data,
        _ => tracked,
    };
}
