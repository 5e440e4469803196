using System.Buffers;
using Herald.Core.Inbound;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Herald.Smtp.Inbound;

/// <summary>
/// Checks the data SmtpServer read after DATA and hands accepted mail to <see cref="IInboundMailSink"/>. The 250 is
/// written only after the sink returned, so a crash between the two makes the peer retry instead of losing a bounce.
/// </summary>
internal sealed class SinkMessageStore(
    BounceListenerOptions options,
    IInboundMailSink sink,
    TimeProvider time,
    ILogger logger) : IMessageStore
{
    public async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var remote = SessionKeys.Remote(context);

        // SmtpServer's Strict size handling stops reading at the limit; this catches the remainder it lets through.
        if (buffer.Length > options.MaxMessageSize)
        {
            return InboundReplies.MessageTooBig;
        }

        var violation = InboundDataRules.Check(buffer, options.MaxLineLength);
        if (violation != DataViolation.None)
        {
            InboundLog.DataRefused(logger, remote, violation);
            return violation == DataViolation.BareLineEnding ? InboundReplies.BareLineEnding : InboundReplies.LineTooLong;
        }

        var mail = new InboundMail(
            AddressOf(transaction.From),
            [.. transaction.To.Select(AddressOf)],
            buffer.ToArray(),
            remote,
            time.GetUtcNow());
        try
        {
            var result = await sink.AcceptAsync(mail, cancellationToken);
            return result.Disposition switch
            {
                InboundDisposition.Accepted => InboundReplies.Queued,
                InboundDisposition.Rejected => InboundReplies.Rejected(result.Reason),
                _ => InboundReplies.Deferred(result.Reason),
            };
        }
        catch (Exception ex)
        {
            InboundLog.SinkFailed(logger, ex, remote);
            return InboundReplies.TemporaryFailure;
        }
    }

    // The null reverse-path <> of a DSN (RFC 5321 section 4.5.5) arrives as an empty mailbox.
    private static string AddressOf(IMailbox? mailbox) =>
        mailbox is null || string.IsNullOrEmpty(mailbox.User) ? string.Empty : mailbox.AsAddress();
}
