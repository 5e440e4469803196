namespace Herald.Core.Messages;

/// <summary>
/// The one place that decides how a report that came back after the receiving server's 250 (a DSN, a complaint)
/// changes a message's status. A server that answered 250 took responsibility for the message and, when it then cannot
/// deliver it, says so in a DSN to the Return-Path (RFC 5321 sections 4.4 and 6.1, RFC 3464): the message is
/// <c>bounced</c>, and a complaint outranks both. The report may come back before our own 250 outcome is stored (a
/// receiving server that bounces at once, a slow commit); it is then kept on the message and wins when the attempt
/// commits, so the order in which the two are stored never decides the message's final status.
/// </summary>
public static class ReportedStatus
{
    /// <summary>The statuses a report of <paramref name="reported"/> replaces; empty for any status no report gives.</summary>
    public static IReadOnlyList<MessageStatus> Replaces(MessageStatus reported) => reported switch
    {
        MessageStatus.Bounced => [MessageStatus.Delivered],
        MessageStatus.Complained => [MessageStatus.Delivered, MessageStatus.Bounced],
        _ => [],
    };

    /// <summary>
    /// The status a finished attempt stores: what the attempt decided (<paramref name="committed"/>), unless a report
    /// that replaces it came back while the message was in flight.
    /// </summary>
    public static MessageStatus Settle(MessageStatus committed, MessageStatus? reported) =>
        reported is { } r && Replaces(r).Contains(committed) ? r : committed;
}
