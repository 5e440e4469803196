using SmtpServer.Protocol;

namespace Herald.Smtp.Simulator;

/// <summary>
/// The replies the simulator gives, each in the words of the server family it imitates, so the classifier reads
/// them exactly as it would read the real ones.
/// </summary>
internal static class SimulatorReplies
{
    // Postfix's wording for an unknown virtual mailbox (RFC 3463 3.2: X.1.1 bad destination mailbox address).
    public static SmtpResponse UnknownUser(string address) =>
        new((SmtpReplyCode)550, $"5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table");

    // Gmail's over-quota reply; 452 to RCPT is transient (RFC 5321 4.5.3.1.10), and X.2.2 is "mailbox full" (RFC 3463 3.3).
    public static SmtpResponse MailboxFull(string address) =>
        new((SmtpReplyCode)452, $"4.2.2 The email account that you tried to reach is over quota. <{address}>");

    // Postgrey's reply (RFC 6647 section 2.1: greylisting answers 4xx to an unknown triplet).
    public static SmtpResponse Greylisted(string address) =>
        new((SmtpReplyCode)451, $"4.7.1 <{address}>: Recipient address rejected: Greylisted, see https://postgrey.schweikert.ch/help/{SimulatorAddresses.Domain}.html");

    // Postfix reject_rbl_client with Spamhaus ZEN, as Spamhaus documents the rejection.
    public static SmtpResponse Blocklisted(string client) =>
        new((SmtpReplyCode)554, $"5.7.1 Service unavailable; Client host [{client}] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/{client}");

    // Mimecast's rejection for a sender on a blocked senders policy, with its documentation link (Mimecast KB "SMTP error codes").
    public static readonly SmtpResponse GatewayBlock =
        new((SmtpReplyCode)550, "Rejected by header based Blocked Senders - Block policy for Header From - https://community.mimecast.com/docs/DOC-1369#550 [simulator.herald.test]");

    public static readonly SmtpResponse RelayDenied =
        new((SmtpReplyCode)550, "5.7.1 Relay access denied: the simulator only answers for " + SimulatorAddresses.Domain);

    public static SmtpResponse Queued(string id) => new(SmtpReplyCode.Ok, $"2.0.0 Ok: queued as {id}");
}
