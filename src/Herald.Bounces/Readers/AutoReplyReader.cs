using MimeKit;

namespace Herald.Bounces.Readers;

/// <summary>
/// RFC 3834 automatic replies (out-of-office, vacation): Auto-Submitted: auto-replied, the de-facto
/// X-Autoreply / X-Autorespond / Precedence: auto_reply headers, and the usual subject patterns.
/// The record's recipient is the person who is away, i.e. the From of the reply.
/// </summary>
internal static class AutoReplyReader
{
    private static readonly string[] SubjectStarts =
    [
        "auto:", "automatic reply", "autoreply", "auto-reply", "auto reply", "out of office", "out of the office",
        "vacation", "away from my mail", "respuesta automática", "réponse automatique", "abwesenheitsnotiz",
        "automatische antwort", "risposta automatica", "automatisch antwoord",
    ];

    private static readonly string[] DeadMailbox =
    [
        "is no longer in use", "is no longer monitored", "is no longer active", "no longer with the company", "no longer works at",
    ];

    public static bool IsAutoReply(ParsedMail mail)
    {
        var headers = mail.Headers;
        var auto = headers["Auto-Submitted"]?.Trim().ToLowerInvariant() ?? "";
        if (auto.StartsWith("auto-replied", StringComparison.Ordinal))
        {
            return true;
        }

        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("X-Autoreply-From")
            || headers.Contains("X-Mail-Autoreply"))
        {
            return true;
        }

        if ((headers["Precedence"]?.Trim().ToLowerInvariant() ?? "") == "auto_reply")
        {
            return true;
        }

        var subject = mail.Subject.Trim().ToLowerInvariant();
        foreach (var start in SubjectStarts)
        {
            if (subject.StartsWith(start, StringComparison.Ordinal) || subject.Contains(" " + start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static List<Fact> Read(ParsedMail mail)
    {
        var from = Addresses.First(mail.From);
        if (from.Length == 0)
        {
            from = Addresses.First(mail.Headers[HeaderId.ReturnPath] ?? "");
        }

        if (from.Length == 0)
        {
            return [];
        }

        var body = DiagnosticText.Collapse(mail.Text.ToString());
        if (body.Length > 400)
        {
            body = body[..400];
        }

        // "This inbox is no longer in use": an automatic reply that says the address is dead, not away.
        var dead = Array.Exists(DeadMailbox, p => body.Contains(p, StringComparison.OrdinalIgnoreCase));
        return [new Fact { Recipient = from, Reason = dead ? Reason.Suspend : Reason.Vacation, ReasonIsFinal = dead, Diagnostic = body }];
    }
}
