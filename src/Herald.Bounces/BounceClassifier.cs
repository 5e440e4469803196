using Herald.Bounces.Readers;
using MimeKit;

namespace Herald.Bounces;

/// <summary>
/// Classifies delivery failures: whole inbound emails (RFC 3464 DSNs, MTA-specific bounces, RFC 5965
/// complaints, RFC 3834 auto-replies), synchronous SMTP replies, and pasted diagnostic text. Pure: no IO,
/// no clock; never throws on bad input (the report says Undefined with the cause).
/// </summary>
public static class BounceClassifier
{
    public static BounceReport ClassifyEmail(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var (mail, cause) = MailLoader.Load(raw);
        return mail is null ? BounceReport.Undefined(cause ?? "unreadable") : EmailPipeline.Classify(mail, cause);
    }

    public static BounceReport ClassifyEmail(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (memory.Length + read > MailLoader.MaxBytes)
            {
                return BounceReport.Undefined($"input is larger than {MailLoader.MaxBytes / (1024 * 1024)} MB");
            }

            memory.Write(buffer, 0, read);
        }

        return ClassifyEmail(memory.ToArray());
    }

    public static BounceReport ClassifyEmail(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (mail, cause) = MailLoader.Gather(message);
        return mail is null ? BounceReport.Undefined(cause ?? "unreadable") : EmailPipeline.Classify(mail, cause);
    }

    /// <summary>Classifies a failed SMTP reply received while delivering to <paramref name="recipient"/>.</summary>
    public static BounceReport ClassifyReply(SmtpReply reply, string recipient = "", SmtpStage? stage = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.IsPositive)
        {
            return BounceReport.NotABounce("positive reply");
        }

        var fact = new Fact
        {
            Recipient = recipient,
            Action = reply.IsPermanentAt(stage) ? "failed" : "delayed",
            Delayed = !reply.IsPermanentAt(stage),
            ReplyCode = reply.Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Status = reply.EnhancedStatus ?? Rules.StatusCodes.Find(reply.Text),
            Diagnostic = DiagnosticText.Collapse(reply.ToString()),
            DiagnosticType = "SMTP",
            Command = stage is { } s ? CommandOf(s) : "",
        };
        return new BounceReport(ReportKind.Bounce, [RecordBuilder.Build(fact)]);
    }

    /// <summary>
    /// The recipient's domain takes no mail, found before any SMTP: NXDOMAIN (reported as RFC 3463 5.1.2, "bad
    /// destination system address") or a null MX (RFC 7505 section 4.3: 5.1.10, "recipient address has null MX").
    /// Either way the address can never receive mail, the same story as a 5.1.2 bounce.
    /// </summary>
    public static BounceRecord ClassifyUndeliverableDomain(string recipient, bool nullMx, string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var fact = new Fact
        {
            Recipient = recipient,
            Action = "failed",
            Status = nullMx ? "5.1.10" : "5.1.2",
            Diagnostic = nullMx ? $"the recipient's domain accepts no mail (null MX, RFC 7505): {detail}" : $"the recipient's domain does not exist: {detail}",
            DiagnosticType = "DNS",
            Reason = Reason.HostUnknown,
            ReasonIsFinal = true,
            Delayed = false,
        };
        return RecordBuilder.Build(fact);
    }

    /// <summary>Classifies what a user pasted: an SMTP reply line, a diagnostic text, or a whole bounce email.</summary>
    public static BounceReport ClassifyText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Length == 0)
        {
            return BounceReport.Undefined("empty input");
        }

        if (LooksLikeEmail(text))
        {
            var report = ClassifyEmail(System.Text.Encoding.UTF8.GetBytes(text));
            if (report.Records.Count > 0)
            {
                return report;
            }
        }

        var collapsed = DiagnosticText.Collapse(text.Length > 65536 ? text[..65536] : text);
        var fact = new Fact
        {
            Recipient = Addresses.First(collapsed.Length > 4096 ? collapsed[..4096] : collapsed),
            Diagnostic = collapsed,
            Warning = Rules.Permanence.IsWarning("", collapsed),
        };
        return new BounceReport(ReportKind.Bounce, [RecordBuilder.Build(fact)]);
    }

    private static bool LooksLikeEmail(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096));
        return head.Contains("\nFrom:", StringComparison.OrdinalIgnoreCase) || head.Contains("\nSubject:", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("Return-Path:", StringComparison.OrdinalIgnoreCase) || head.StartsWith("Received:", StringComparison.OrdinalIgnoreCase);
    }

    private static string CommandOf(SmtpStage stage) => stage.ToString().ToUpperInvariant() switch
    {
        "CONNECT" or "GREETING" or "CONNECTION" => "CONN",
        "MAILFROM" or "MAIL" => "MAIL",
        "RCPTTO" or "RCPT" => "RCPT",
        "DATA" or "MESSAGE" or "BODY" => "DATA",
        var other => other,
    };
}
