using SmtpServer.Protocol;

namespace Herald.Smtp.Inbound;

/// <summary>Replies with RFC 3463 enhanced status codes (RFC 2034), in the wording Postfix uses where it has one.</summary>
internal static class InboundReplies
{
    public static readonly SmtpResponse NotOurAddress =
        new((SmtpReplyCode)550, "5.7.1 Recipient address rejected: not a return path of this server, relay access denied");

    public static readonly SmtpResponse TooManyRecipients =
        new((SmtpReplyCode)452, "4.5.3 Too many recipients");

    public static readonly SmtpResponse MessageTooBig =
        new((SmtpReplyCode)552, "5.3.4 Message size exceeds fixed maximum message size");

    // Postfix smtpd_forbid_bare_newline answers "521 5.5.2"; we refuse the message (not the session) with 550 5.6.0
    // because the content, not the dialogue, is at fault (SEC Consult SMTP smuggling advisory, December 2023).
    public static readonly SmtpResponse BareLineEnding =
        new((SmtpReplyCode)550, "5.6.0 Bare CR or LF in message data is not allowed (RFC 5321 section 2.3.8)");

    public static readonly SmtpResponse LineTooLong =
        new((SmtpReplyCode)550, "5.6.0 Message has a line longer than 1000 octets (RFC 5321 section 4.5.3.1.6)");

    public static readonly SmtpResponse TemporaryFailure =
        new((SmtpReplyCode)451, "4.3.0 Temporary local problem, please try again later");

    public static readonly SmtpResponse Queued = new(SmtpReplyCode.Ok, "2.0.0 Ok: queued");

    public static SmtpResponse Deferred(string? reason) =>
        new((SmtpReplyCode)451, "4.3.0 " + (reason ?? "Try again later"));

    public static SmtpResponse Rejected(string? reason) =>
        new((SmtpReplyCode)554, "5.6.0 " + (reason ?? "Message refused"));

    /// <summary>421 must be sent by us before closing an over-limit connection (RFC 5321 section 3.8).</summary>
    public static readonly byte[] TooManyConnections =
        "421 4.7.0 Too many connections, try again later\r\n"u8.ToArray();

    /// <summary>Postfix says "421 4.7.0 ... Error: too many connections from ..." at smtpd_client_connection_count_limit.</summary>
    public static readonly byte[] TooManyConnectionsFromClient =
        "421 4.7.0 Too many connections from your address, try again later\r\n"u8.ToArray();
}
