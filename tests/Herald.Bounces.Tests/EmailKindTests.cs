using System.Text;

namespace Herald.Bounces.Tests;

/// <summary>Kinds of inbound mail: DSN, plain-text MTA bounce, ARF complaint, auto-reply, ordinary mail.</summary>
public sealed class EmailKindTests
{
    [Fact]
    public void An_rfc3464_dsn_yields_one_record_per_recipient()
    {
        const string mail = """
            From: MAILER-DAEMON@mx.example.org
            To: sender@example.com
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"

            --b
            Content-Type: text/plain

            I'm sorry to have to inform you that your message could not be delivered.

            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.org

            Final-Recipient: rfc822; gone@example.net
            Action: failed
            Status: 5.1.1
            Remote-MTA: dns; mx.example.net
            Diagnostic-Code: smtp; 550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown in local recipient table

            Final-Recipient: rfc822; full@example.net
            Action: failed
            Status: 5.2.2
            Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

            --b--
            """;
        var report = Classify(mail);
        report.Kind.ShouldBe(ReportKind.Bounce);
        report.Records.Select(r => (r.Recipient, r.Reason)).ShouldBe([("gone@example.net", Reason.UserUnknown), ("full@example.net", Reason.MailboxFull)]);
        report.Records[0].RemoteMta.ShouldBe("mx.example.net");
        report.Records[0].ReplyCode.ShouldBe(550);
    }

    [Fact]
    public void A_parsed_mime_message_classifies_like_its_bytes()
    {
        const string mail = """
            From: MAILER-DAEMON@mx.example.org
            To: sender@example.com
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"

            --b
            Content-Type: message/delivery-status

            Final-Recipient: rfc822; full@example.net
            Action: failed
            Status: 5.2.2
            Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

            --b--
            """;
        var bytes = Encoding.UTF8.GetBytes(mail);
        var parsed = MimeKit.MimeMessage.Load(new MemoryStream(bytes));
        var fromMessage = BounceClassifier.ClassifyEmail(parsed).Records.ShouldHaveSingleItem();
        var fromBytes = BounceClassifier.ClassifyEmail(bytes).Records.ShouldHaveSingleItem();
        fromMessage.ShouldBe(fromBytes with { Explanation = fromMessage.Explanation, Links = fromMessage.Links });
        fromMessage.Reason.ShouldBe(Reason.MailboxFull);
    }

    [Fact]
    public void A_whole_bounce_pasted_as_text_is_read_as_an_email()
    {
        const string pasted = "Return-Path: <>\nFrom: MAILER-DAEMON@example.org\nTo: s@example.com\nSubject: failure notice\n\n"
            + "<gone@example.net>:\nRemote host said: 550 5.1.1 <gone@example.net>... User Unknown\n";
        var r = BounceClassifier.ClassifyText(pasted).Records.ShouldHaveSingleItem();
        r.Recipient.ShouldBe("gone@example.net");
        r.Reason.ShouldBe(Reason.UserUnknown);
    }

    [Fact]
    public void A_qmail_text_bounce_is_read_without_a_dsn()
    {
        const string mail = """
            From: MAILER-DAEMON@example.org
            To: sender@example.com
            Subject: failure notice

            Hi. This is the qmail-send program at example.org.
            I'm afraid I wasn't able to deliver your message to the following addresses.
            This is a permanent error; I've given up. Sorry it didn't work out.

            <nobody@example.net>:
            192.0.2.1 does not like recipient.
            Remote host said: 550 5.1.1 <nobody@example.net>... User Unknown
            Giving up on 192.0.2.1.

            --- Below this line is a copy of the message.

            From: sender@example.com
            To: nobody@example.net
            """;
        var r = Classify(mail).Records.ShouldHaveSingleItem();
        r.Recipient.ShouldBe("nobody@example.net");
        r.Reason.ShouldBe(Reason.UserUnknown);
        r.Status.ShouldBe("5.1.1");
    }

    [Fact]
    public void An_arf_report_is_a_complaint_with_its_feedback_type()
    {
        const string mail = """
            From: feedback@fbl.example.org
            To: abuse@example.com
            Subject: FW: hello
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=feedback-report; boundary="f"

            --f
            Content-Type: text/plain

            This is an email abuse report.

            --f
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            User-Agent: SomeGenerator/1.0
            Version: 1
            Original-Rcpt-To: <angry@example.net>

            --f--
            """;
        var report = Classify(mail);
        report.Kind.ShouldBe(ReportKind.Complaint);
        var r = report.Records.ShouldHaveSingleItem();
        r.Reason.ShouldBe(Reason.Feedback);
        r.FeedbackType.ShouldBe("abuse");
        r.Scenario.ShouldBe(Scenario.Complaint);
        r.Suppress.ShouldBe(SuppressAdvice.Suspend);
    }

    [Fact]
    public void An_out_of_office_reply_is_an_auto_reply_that_suppresses_nothing()
    {
        const string mail = """
            From: Away Person <away@example.net>
            To: sender@example.com
            Subject: Out of Office: hello
            Auto-Submitted: auto-replied

            I am out of the office until Monday.
            """;
        var report = Classify(mail);
        report.Kind.ShouldBe(ReportKind.AutoReply);
        var r = report.Records.ShouldHaveSingleItem();
        r.Recipient.ShouldBe("away@example.net");
        r.Reason.ShouldBe(Reason.Vacation);
        r.Scenario.ShouldBe(Scenario.AutoResponder);
        r.Suppress.ShouldBe(SuppressAdvice.None);
    }

    [Fact]
    public void An_auto_reply_saying_the_inbox_is_gone_is_a_disabled_account()
    {
        const string mail = """
            From: <noreply@example.net>
            To: sender@example.com
            Subject: AutoResponse: hello
            Auto-Submitted: auto-replied

            This email inbox is no longer in use. Please contact someone else at Example.
            """;
        var r = Classify(mail).Records.ShouldHaveSingleItem();
        r.Reason.ShouldBe(Reason.Suspend);
        r.Scenario.ShouldBe(Scenario.AccountDisabled);
    }

    [Fact]
    public void Ordinary_mail_is_not_a_bounce()
    {
        const string mail = """
            From: friend@example.net
            To: me@example.com
            Subject: lunch?

            Are you free on Friday? Write to friend@example.net.
            """;
        var report = Classify(mail);
        report.Kind.ShouldBe(ReportKind.NotABounce);
        report.Records.ShouldBeEmpty();
    }

    [Fact]
    public void Crlf_and_cr_line_ends_give_the_same_result_as_lf()
    {
        const string mail = "From: MAILER-DAEMON@example.org\nTo: s@example.com\nSubject: failure notice\n\n<x@example.net>:\nRemote host said: 550 5.1.1 unknown user\n";
        var lf = Classify(mail).Records.ShouldHaveSingleItem();
        var crlf = Classify(mail.Replace("\n", "\r\n", StringComparison.Ordinal)).Records.ShouldHaveSingleItem();
        var cr = Classify(mail.Replace('\n', '\r')).Records.ShouldHaveSingleItem();
        crlf.ShouldBe(lf with { Explanation = crlf.Explanation, Links = crlf.Links });
        cr.Reason.ShouldBe(lf.Reason);
        cr.Status.ShouldBe(lf.Status);
    }

    private static BounceReport Classify(string mail) => BounceClassifier.ClassifyEmail(Encoding.UTF8.GetBytes(mail));
}
