using Herald.Core.Inbound;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Herald.Smtp.Inbound;

/// <summary>
/// RCPT policy: only Return-Paths Herald issued, at most <see cref="BounceListenerOptions.MaxRecipients"/> per
/// message. Everything else is 550 5.7.1, so the listener can never relay (RFC 5321 section 3.6.2). postmaster@ and
/// abuse@ are not accepted either: Herald does not run a mailbox for people; see docs/inbound.md.
/// </summary>
internal sealed class ReturnPathMailboxFilter(
    BounceListenerOptions options,
    IReturnPathDirectory directory,
    ILogger logger) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        // MAIL starts a new transaction (RFC 5321 section 4.1.1.2), so the recipient count starts again.
        context.Properties[SessionKeys.RecipientCount] = 0;
        if (size > options.MaxMessageSize)
        {
            throw new SmtpResponseException(InboundReplies.MessageTooBig);
        }

        return Task.FromResult(true);
    }

    public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var count = context.Properties.TryGetValue(SessionKeys.RecipientCount, out var value) && value is int n ? n : 0;
        if (count >= options.MaxRecipients)
        {
            // 452 4.5.3, not 5xx: RFC 5321 section 4.5.3.1.10 says the client should send the rest in a new transaction.
            throw new SmtpResponseException(InboundReplies.TooManyRecipients);
        }

        bool known;
        try
        {
            known = await directory.IsKnownAsync(to.AsAddress(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            InboundLog.DirectoryFailed(logger, ex, SessionKeys.Remote(context));
            throw new SmtpResponseException(InboundReplies.TemporaryFailure);
        }

        if (!known)
        {
            throw new SmtpResponseException(InboundReplies.NotOurAddress);
        }

        context.Properties[SessionKeys.RecipientCount] = count + 1;
        return true;
    }
}
