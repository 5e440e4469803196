using MimeKit;

namespace Herald.Bounces.Readers;

/// <summary>
/// RFC 5965 feedback reports: one record per Original-Rcpt-To (or Removal-Recipient, or the original To when
/// the provider redacts both), with the Feedback-Type. Reason is always feedback.
/// </summary>
internal static class ArfReader
{
    // Microsoft's JMRP (Outlook.com / Hotmail feedback loop) is not ARF: it forwards the original message with
    // the complaining recipient in X-HmXmrOriginalRecipient.
    private const string HotmailRecipient = "X-HmXmrOriginalRecipient";

    // Apple Mail's "Unsubscribe" sends a plain message on the recipient's behalf: an opt-out, not an auto-reply.
    // SearchValues: string.Contains with OrdinalIgnoreCase is a scalar loop under invariant globalization (EmailPipeline).
    private static readonly System.Buffers.SearchValues<string> AppleUnsubscribe =
        System.Buffers.SearchValues.Create(["sent this email to unsubscribe from"], StringComparison.OrdinalIgnoreCase);

    public static bool IsComplaint(ParsedMail mail) =>
        mail.FeedbackReports.Count > 0 || mail.ReportType == "feedback-report" || mail.Original?.Contains(HotmailRecipient) == true
        || mail.Headers[HotmailRecipient] is not null || IsUnsubscribe(mail);

    private static bool IsUnsubscribe(ParsedMail mail) =>
        mail.Text.Length < 4096 && mail.Text.ToString().AsSpan().ContainsAny(AppleUnsubscribe);

    public static List<Fact> Read(ParsedMail mail)
    {
        var facts = new List<Fact>();
        var feedbackType = "";
        var remote = "";
        foreach (var report in mail.FeedbackReports)
        {
            foreach (var (name, value) in FieldBlocks.Parse(report, 2000))
            {
                switch (name)
                {
                    case "feedback-type":
                        feedbackType = value.Trim().ToLowerInvariant();
                        break;
                    case "reporting-mta":
                        remote = FieldBlocks.AfterType(value);
                        break;
                    case "original-rcpt-to" or "removal-recipient":
                        var address = Addresses.First(value);
                        if (address.Length > 0 && !facts.Exists(f => f.Recipient.Equals(address, StringComparison.OrdinalIgnoreCase)))
                        {
                            facts.Add(new Fact { Recipient = address });
                        }

                        break;
                }
            }
        }

        // The JMRP headers sit on the attached original, or on the message itself when the report was forwarded as is.
        if (facts.Count == 0 && Addresses.First(mail.Original?[HotmailRecipient] ?? mail.Headers[HotmailRecipient] ?? "") is { Length: > 0 } complainer)
        {
            facts.Add(new Fact { Recipient = complainer });
        }

        if (facts.Count == 0 && mail.Original is { } original)
        {
            foreach (var address in Addresses.In(original[HeaderId.To] ?? ""))
            {
                facts.Add(new Fact { Recipient = address });
            }
        }

        if (facts.Count == 0 && IsUnsubscribe(mail) && Addresses.First(mail.From) is { Length: > 0 } unsubscriber)
        {
            facts.Add(new Fact { Recipient = unsubscriber });
            feedbackType = "opt-out";
        }

        if (facts.Count == 0)
        {
            // Providers that redact every address still report a complaint; keep it, with no recipient.
            facts.Add(new Fact());
        }

        if (feedbackType.Length == 0)
        {
            feedbackType = "abuse";
        }

        foreach (var fact in facts)
        {
            fact.Reason = Reason.Feedback;
            fact.FeedbackType = feedbackType;
            fact.RemoteMta = remote;
            fact.Diagnostic = DiagnosticText.Collapse(mail.Text.ToString());
            if (fact.Diagnostic.Length > 512)
            {
                fact.Diagnostic = fact.Diagnostic[..512];
            }
        }

        return facts;
    }
}
