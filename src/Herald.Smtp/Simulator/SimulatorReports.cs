using MimeKit;
using MimeKit.Utils;

namespace Herald.Smtp.Simulator;

/// <summary>
/// The mail the simulator sends back after a 250, built with MimeKit's report types as a receiving MTA, a feedback
/// loop and a mail client write them. Each returns only the original's headers: the body may hold a sign-in code.
/// </summary>
internal static class SimulatorReports
{
    private const string ReportingMta = "mx." + SimulatorAddresses.Domain;

    public static MimeMessage For(FollowUp followUp, DateTimeOffset now) => followUp.Case switch
    {
        SimulatedCase.LateBounce => Dsn(followUp, now),
        SimulatedCase.Complaint => Arf(followUp, now),
        SimulatedCase.AutoReply => AutoReply(followUp, now),
        _ => throw new ArgumentOutOfRangeException(nameof(followUp), followUp.Case, "no report follows this case"),
    };

    /// <summary>RFC 3464: a multipart/report with a human part, the delivery-status fields and the returned headers.</summary>
    private static MimeMessage Dsn(FollowUp followUp, DateTimeOffset now)
    {
        var diagnostic = SimulatorReplies.UnknownUser(followUp.Recipient);
        var status = new MessageDeliveryStatus();
        var perMessage = new HeaderList
        {
            { "Reporting-MTA", $"dns; {ReportingMta}" },
            { "X-Postfix-Queue-ID", followUp.QueueId },
            { "Arrival-Date", DateUtils.FormatDate(followUp.ArrivedAt) },
        };
        var perRecipient = new HeaderList
        {
            { "Final-Recipient", $"rfc822; {followUp.Recipient}" },
            { "Original-Recipient", $"rfc822; {followUp.Recipient}" },
            { "Action", "failed" },
            { "Status", "5.1.1" },
            { "Remote-MTA", $"dns; mailstore.{SimulatorAddresses.Domain}" },
            { "Diagnostic-Code", $"smtp; {(int)diagnostic.ReplyCode} {diagnostic.Message}" },
        };
        status.StatusGroups.Add(perMessage);
        status.StatusGroups.Add(perRecipient);
        var human = new TextPart("plain")
        {
            Text = $"This is the mail system at host {ReportingMta}.\r\n\r\n" +
                "I'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients.\r\n\r\n" +
                $"<{followUp.Recipient}>: host mailstore.{SimulatorAddresses.Domain}[127.0.0.1] said: {(int)diagnostic.ReplyCode} {diagnostic.Message}" +
                " (in reply to RCPT TO command)\r\n",
        };
        var report = new MultipartReport("delivery-status") { human, status, ReturnedHeaders(followUp) };
        return Envelope(new MailboxAddress("Mail Delivery System", $"MAILER-DAEMON@{ReportingMta}"), followUp, "Undelivered Mail Returned to Sender", report, now);
    }

    /// <summary>RFC 5965: a human part, the machine-readable feedback report, the reported message's headers.</summary>
    private static MimeMessage Arf(FollowUp followUp, DateTimeOffset now)
    {
        var feedback = new MessageFeedbackReport();
        var fields = feedback.Fields;
        fields.Add("Feedback-Type", "abuse");
        fields.Add("User-Agent", "HeraldSimulator/1.0");
        fields.Add("Version", "1");
        fields.Add("Original-Mail-From", $"<{followUp.ReturnPath}>");
        fields.Add("Original-Rcpt-To", $"<{followUp.Recipient}>");
        fields.Add("Arrival-Date", DateUtils.FormatDate(followUp.ArrivedAt));
        fields.Add("Source-IP", "127.0.0.1");
        fields.Add("Reported-Domain", SimulatorAddresses.Domain);
        var human = new TextPart("plain")
        {
            Text = $"This is an email abuse report for an email message received from IP 127.0.0.1 on {DateUtils.FormatDate(followUp.ArrivedAt)}.\r\n" +
                $"The recipient {followUp.Recipient} marked it as spam.\r\n",
        };
        var report = new MultipartReport("feedback-report") { human, feedback, ReturnedHeaders(followUp) };
        return Envelope(new MailboxAddress("Feedback Loop", $"fbl@{SimulatorAddresses.Domain}"), followUp, "Abuse report", report, now);
    }

    /// <summary>
    /// RFC 3834: an automatic response says so in Auto-Submitted (section 5.1), names the message it answers
    /// (section 3.1.5) and goes to the Return-Path (section 3.3).
    /// </summary>
    private static MimeMessage AutoReply(FollowUp followUp, DateTimeOffset now)
    {
        var original = Original(followUp);
        var body = new TextPart("plain")
        {
            Text = "I am out of the office until next week with no access to email. I will reply when I return.\r\n",
        };
        var reply = Envelope(new MailboxAddress("Simulated Recipient", followUp.Recipient), followUp, $"Automatic reply: {original?.Subject}", body, now);
        reply.Headers.Add("X-Autoreply", "yes");
        if (original?.MessageId is { } id)
        {
            reply.InReplyTo = id;
            reply.References.Add(id);
        }

        return reply;
    }

    private static MimeMessage Envelope(MailboxAddress from, FollowUp followUp, string subject, MimeEntity body, DateTimeOffset now)
    {
        var message = new MimeMessage { Subject = subject, Date = now, Body = body };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(string.Empty, followUp.ReturnPath));
        message.MessageId = MimeUtils.GenerateMessageId(SimulatorAddresses.Domain);
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        return message;
    }

    private static MimePart ReturnedHeaders(FollowUp followUp) => new("text", "rfc822-headers")
    {
        Content = new MimeContent(new MemoryStream(followUp.Headers, writable: false)),
    };

    private static MimeMessage? Original(FollowUp followUp)
    {
        try
        {
            return MimeMessage.Load(new MemoryStream(followUp.Headers, writable: false));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
