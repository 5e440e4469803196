using System.Buffers;
using Herald.Bounces.Readers;
using MimeKit;

namespace Herald.Bounces;

/// <summary>
/// Decides what an email is and which reader applies: ARF complaint, RFC 3464 DSN (enriched by the text part),
/// an MTA's plain-text bounce, an RFC 3834 auto-reply, or none of these.
/// </summary>
internal static class EmailPipeline
{
    private static readonly string[] BounceSubjects =
    [
        "undeliver", "delivery status", "delivery failure", "delivery failed", "delivery notification", "failure notice",
        "returned mail", "mail delivery", "non remis", "non-remis", "could not be delivered", "not delivered",
        "delivery problem", "unzustellbar", "nicht zustellbar", "mail system error", "rejected", "failed delivery",
        "delivery report", "message delayed", "warning: could not send", "nondeliverable", "non-deliverable",
        "returned to sender", "unable to deliver", "error sending", "notification d'état", "mensaje no entregado",
        "bounce", "mail failure", "delayed mail", "permanent error", "delivery has failed",
    ];

    private static readonly string[] DaemonNames =
    [
        "mailer-daemon", "postmaster", "mail delivery", "maildaemon", "mail-daemon", "mail administrator",
        "mailer daemon", "mailerdaemon", "delivery subsystem", "internet mail service", "no-reply@", "mail_delivery",
        "post_master",
    ];

    // Fixed phrases searched case-insensitively in whole notification texts: SearchValues, not string.Contains with
    // OrdinalIgnoreCase, which under invariant globalization (Directory.Build.props) is a scalar loop; perf showed those
    // calls as the largest single cost of classifying the corpus (7 % of the CPU).
    private static readonly SearchValues<string> FinalRecipientField = SearchValues.Create(["final-recipient:"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> EximBanner =
        SearchValues.Create(["This message was created automatically by mail delivery software"], StringComparison.OrdinalIgnoreCase);

    public static BounceReport Classify(ParsedMail mail, string? walkCause)
    {
        if (ArfReader.IsComplaint(mail))
        {
            return new BounceReport(ReportKind.Complaint, [.. ArfReader.Read(mail).Select(RecordBuilder.Build)]);
        }

        var text = mail.Text.ToString();
        var fromText = TextBounceReader.Read(text, Excluded(mail), DaemonAddresses.Skipped);
        var (dsn, tooMany) = ReadDeliveryStatus(mail, text, fromText.Count > 0);
        if (tooMany)
        {
            return BounceReport.Undefined($"more than {DsnReader.MaxRecipients} recipient blocks in the delivery status");
        }

        if (dsn.Count == 0)
        {
            if (fromText.Count == 0)
            {
                // Mail to oneself, or to postmaster: the only addresses in the text are ones skipped by default.
                fromText = TextBounceReader.Read(text, new HashSet<string>(), DaemonAddresses.Recipients);
            }

            fromText = FailedRecipientsHeader(mail, fromText, text);
        }

        List<Fact> chosen;
        if (dsn.Count > 0 && fromText.Count > 0 && TextFirst(text))
        {
            chosen = fromText;
        }
        else if (dsn.Count > 0)
        {
            Enrich(dsn, fromText, text);
            chosen = dsn;
        }
        else if (AutoReplyReader.IsAutoReply(mail) && !FromDaemon(mail))
        {
            var replies = AutoReplyReader.Read(mail);
            return replies.Count == 0
                ? BounceReport.NotABounce("auto-reply without a sender address")
                : new BounceReport(ReportKind.AutoReply, [.. replies.Select(RecordBuilder.Build)]);
        }
        else if (fromText.Count > 0 && (LooksLikeBounce(mail) || mail.Headers.Contains("X-Failed-Recipients")))
        {
            chosen = fromText;
        }
        else if (LooksLikeBounce(mail) && OriginalRecipients(mail, text) is { Count: > 0 } fromOriginal)
        {
            // No recipient in the report itself (Postfix "Delivery report unavailable", Sendmail V5): the
            // returned message's To: is who failed, with whatever SMTP reply the notification shows.
            chosen = fromOriginal;
        }
        else
        {
            var cause = walkCause ?? mail.Problems.FirstOrDefault();
            return cause is not null ? BounceReport.Undefined(cause) : BounceReport.NotABounce("not a bounce, complaint or auto-reply");
        }

        Stamp(chosen, mail, text);
        var records = chosen.Select(RecordBuilder.Build).ToList();
        var kind = records.TrueForAll(r => r.Reason == Reason.Delivered) ? ReportKind.NotABounce : ReportKind.Bounce;
        return new BounceReport(kind, records);
    }

    /// <summary>
    /// RFC 3464 recipient blocks: the report's own delivery-status parts; else, for a bounce of a bounce whose
    /// text names nobody, the returned report's; else fields pasted into the text part.
    /// </summary>
    private static (List<Fact> Facts, bool TooMany) ReadDeliveryStatus(ParsedMail mail, string text, bool textNamesRecipients)
    {
        var dsn = new List<Fact>();
        foreach (var part in mail.DeliveryStatus)
        {
            var (facts, tooMany) = DsnReader.Read(part);
            if (tooMany)
            {
                return (dsn, true);
            }

            dsn.AddRange(facts);
        }

        if (dsn.Count == 0 && !textNamesRecipients)
        {
            foreach (var part in mail.NestedDeliveryStatus)
            {
                dsn.AddRange(DsnReader.Read(part).Facts.Take(DsnReader.MaxRecipients));
            }
        }

        if (dsn.Count == 0 && text.AsSpan().ContainsAny(FinalRecipientField))
        {
            var (facts, tooMany) = DsnReader.Read(text);
            return (facts, tooMany);
        }

        return (dsn, false);
    }

    /// <summary>Facts every record needs from the report as a whole: who wrote it, and which MTA family.</summary>
    private static void Stamp(List<Fact> chosen, ParsedMail mail, string text)
    {
        var fromDomain = Addresses.First(mail.From) is { Length: > 0 } sender ? sender[(sender.IndexOf('@', StringComparison.Ordinal) + 1)..] : "";
        var family = text.AsSpan().ContainsAny(EximBanner) ? "exim" : "";

        // au (KDDI) marks mail its spam filter refused with "X-SPASIGN: NG" on the bounce.
        var spamFiltered = string.Equals(mail.Headers["X-SPASIGN"]?.Trim(), "NG", StringComparison.OrdinalIgnoreCase);
        var warning = Rules.Permanence.IsWarning(mail.Subject, text);
        foreach (var fact in chosen)
        {
            fact.Warning = warning;
            if (spamFiltered)
            {
                (fact.Reason, fact.ReasonIsFinal) = (Reason.Filtered, true);
            }

            if (fact.ReportingMta.Length == 0)
            {
                fact.ReportingMta = fromDomain;
            }

            fact.Family = family;
        }
    }

    /// <summary>
    /// Exim, Gmail and Google Groups name the failed recipients in X-Failed-Recipients, IndiMail in X-Bounced-Address;
    /// when they do, that structured list is authoritative over addresses found in the prose, and a recipient the
    /// text never mentions gets the notification text as its diagnostic.
    /// </summary>
    private static List<Fact> FailedRecipientsHeader(ParsedMail mail, List<Fact> fromText, string text)
    {
        var header = mail.Headers["X-Failed-Recipients"] ?? mail.Headers["X-Bounced-Address"] ?? "";
        var listed = Addresses.In(header).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (listed.Count == 0)
        {
            return fromText;
        }

        var result = new List<Fact>(listed.Count);
        foreach (var address in listed)
        {
            var known = fromText.Find(f => f.Recipient.Equals(address, StringComparison.OrdinalIgnoreCase));
            result.Add(known ?? new Fact { Recipient = address, Diagnostic = TextBounceReader.Notification(text) });
        }

        return result;
    }

    private static List<Fact> OriginalRecipients(ParsedMail mail, string text)
    {
        var to = mail.Original?[HeaderId.To] ?? TextBounceReader.InlineOriginalTo(text);
        var diagnostic = TextBounceReader.ReplyLines(text);
        return [.. Addresses.In(to).Take(DsnReader.MaxRecipients).Select(a => new Fact { Recipient = a, Diagnostic = diagnostic })];
    }

    private static void Enrich(List<Fact> dsn, List<Fact> fromText, string text)
    {
        foreach (var fact in dsn)
        {
            var match = fromText.Find(t => t.Recipient.Equals(fact.Recipient, StringComparison.OrdinalIgnoreCase));
            if (match is null && dsn.Count == 1 && fromText.Count == 1)
            {
                match = fromText[0];
            }

            if (match is null)
            {
                if (dsn.Count == 1 && fact.Diagnostic.Length == 0)
                {
                    // One recipient and no Diagnostic-Code (Exim pipe failures): the notification is the diagnostic.
                    fact.Diagnostic = TextBounceReader.Notification(text);
                }

                continue;
            }

            // Postfix repeats the reply in the text with the command it answered ("... (in reply to RCPT TO
            // command)"); that fuller version is the better diagnostic.
            if (fact.Diagnostic.Length == 0
                || (match.Diagnostic.Length < 1024 && match.Diagnostic.Contains("(in reply to ", StringComparison.OrdinalIgnoreCase)
                    && match.Diagnostic.Contains(fact.Diagnostic, StringComparison.OrdinalIgnoreCase)))
            {
                fact.Diagnostic = match.Diagnostic;
            }

            var command = DiagnosticText.Command(match.Diagnostic.ToLowerInvariant());
            if (command.Length > 0 && DiagnosticText.Command(fact.Diagnostic.ToLowerInvariant()).Length == 0)
            {
                fact.Command = command;
            }
        }
    }

    private static HashSet<string> Excluded(ParsedMail mail)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in new[] { HeaderId.To, HeaderId.From, HeaderId.ReplyTo, HeaderId.Sender })
        {
            foreach (var address in Addresses.In(mail.Headers[id] ?? ""))
            {
                set.Add(address);
            }
        }

        if (mail.Original is { } original)
        {
            foreach (var address in Addresses.In(original[HeaderId.From] ?? ""))
            {
                set.Add(address);
            }
        }

        return set;
    }

    // MTAs whose delivery-status part is a formality (OpenSMTPD reports "Status: 4.4.7" for every delay) while
    // the notification text says what happened per recipient.
    private static readonly SearchValues<string> TextFirstBanners =
        SearchValues.Create(["this is the mailer-daemon, please do not reply to this e"], StringComparison.OrdinalIgnoreCase);

    private static bool TextFirst(string text) => text.AsSpan(0, Math.Min(text.Length, 2048)).ContainsAny(TextFirstBanners);

    private static bool FromDaemon(ParsedMail mail)
    {
        var from = mail.From.ToLowerInvariant();
        foreach (var name in DaemonNames)
        {
            if (from.Contains(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool LooksLikeBounce(ParsedMail mail)
    {
        if (mail.ContentType == "multipart/report" || mail.DeliveryStatus.Count > 0 || FromDaemon(mail))
        {
            return true;
        }

        var subject = mail.Subject.ToLowerInvariant();
        foreach (var word in BounceSubjects)
        {
            if (subject.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var returnPath = mail.Headers[HeaderId.ReturnPath]?.Trim() ?? "";
        return returnPath is "<>" || mail.Headers.Contains("X-Failed-Recipients");
    }
}
