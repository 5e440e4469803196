namespace Herald.Server.Tests.Feedback;

/// <summary>
/// Inbound emails as real MTAs and mail clients write them: an RFC 3464 DSN in Postfix's layout, an RFC 3834
/// out-of-office reply, an RFC 5965 (ARF) abuse report. CRLF line endings, as on the wire.
/// </summary>
internal static class InboundFixtures
{
    public static string Dsn(string returnPath, string recipient, string status, string diagnostic, string action = "failed") => Crlf($"""
        From: MAILER-DAEMON@mx.example.com (Mail Delivery System)
        To: {returnPath}
        Subject: Undelivered Mail Returned to Sender
        Date: Thu, 26 Nov 2026 07:00:00 +0000
        Message-ID: <dsn-{Guid.NewGuid():N}@mx.example.com>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

        --BOUNDARY
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.example.com.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        <{recipient}>: host mailstore.example.com[192.0.2.10] said: {diagnostic} (in reply to RCPT TO command)

        --BOUNDARY
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.com
        Arrival-Date: Thu, 26 Nov 2026 06:59:58 +0000

        Final-Recipient: rfc822; {recipient}
        Original-Recipient: rfc822;{recipient}
        Action: {action}
        Status: {status}
        Remote-MTA: dns; mailstore.example.com
        Diagnostic-Code: smtp; {diagnostic}

        --BOUNDARY
        Content-Type: text/rfc822-headers

        Return-Path: <{returnPath}>
        From: Herald <notifications@herald.localhost>
        To: {recipient}
        Subject: Slack needs your attention

        --BOUNDARY--
        """);

    public static string AutoReply(string returnPath, string from, DateTimeOffset at) => Crlf($"""
        From: {from}
        To: {returnPath}
        Subject: Automatic reply: Slack needs your attention
        Date: {at:R}
        Message-ID: <ooo-{Guid.NewGuid():N}@example.com>
        Auto-Submitted: auto-replied
        X-Autoreply: yes
        MIME-Version: 1.0
        Content-Type: text/plain; charset=us-ascii

        I am out of the office and will have no access to email. I will respond when I return.
        """);

    public static string Complaint(string returnPath, string recipient) => Crlf($"""
        From: feedback@fbl.example.net
        To: {returnPath}
        Subject: FW: Slack needs your attention
        Date: Thu, 26 Nov 2026 07:00:00 +0000
        Message-ID: <arf-{Guid.NewGuid():N}@fbl.example.net>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=feedback-report; boundary="ARF"

        --ARF
        Content-Type: text/plain; charset=us-ascii

        This is an email abuse report for an email message received from IP 192.0.2.1.

        --ARF
        Content-Type: message/feedback-report

        Feedback-Type: abuse
        User-Agent: ExampleFBL/1.0
        Version: 1
        Original-Mail-From: <{returnPath}>
        Original-Rcpt-To: <{recipient}>
        Arrival-Date: Thu, 26 Nov 2026 06:59:00 +0000
        Source-IP: 192.0.2.1

        --ARF
        Content-Type: text/rfc822-headers

        Return-Path: <{returnPath}>
        From: Herald <notifications@herald.localhost>
        To: {recipient}
        Subject: Slack needs your attention

        --ARF--
        """);

    private static string Crlf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
}
