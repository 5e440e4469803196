using Herald.Bounces.Readers;

namespace Herald.Bounces.Rules;

/// <summary>
/// The one place that decides whether a failure is final, and whether it is permanent. Semantics come first, phrases
/// never override them:
/// <list type="number">
/// <item>A live SMTP reply: its code at its stage (<see cref="SmtpReply.IsPermanentAt"/>) decides, already set by the caller.</item>
/// <item>A report: the RFC 3464 section 2.3.3 <c>Action</c> field. <c>delayed</c> means the reporting MTA is still trying,
/// whatever code or phrase the text shows; <c>failed</c> means it gave up.</item>
/// <item>A plain-text notice without an Action: it is a delay only when it says so in its own words ("this is just a
/// warning", "will keep trying"); a notice that names failed recipients is otherwise the MTA giving up.</item>
/// </list>
/// Whether a final failure is permanent is then the RFC 3463 class (section 3.1: 4.X.X "persistent transient",
/// 5.X.X "permanent"), else the reply code's class (RFC 5321 section 4.2.1), else the text. A 5.X.X is soft only by
/// these stated rules: the report says <c>delayed</c>, or a live reply falls under <see cref="SmtpReply.IsPermanentAt"/>'s
/// exceptions (552 to RCPT, a refused AUTH). A 4.X.X is never permanent, so never a hard bounce.
/// </summary>
internal static class Permanence
{
    // How delay warnings say that nothing has failed yet (Sendmail "Warning: could not send message for past 4 hours",
    // Postfix "Delayed Mail (still being retried)", Exim "Warning: message ... delayed", Exchange "Delivery has been
    // delayed", Gmail "Delivery incomplete"). flufl.bounce and Sisimai read the same notices as temporary.
    private static readonly string[] WarningPhrases =
    [
        "this is just a warning", "this is only a warning", "you do not need to resend", "you don't need to resend",
        "do not need to resend your message", "will continue to be attempted", "will continue trying",
        "will keep trying", "will keep on trying", "still being retried", "will try again", "will be retried",
        "delivery incomplete", "warning: could not send message for past", "delivery has been delayed",
        "delivery is delayed", "has not yet been delivered", "not been delivered yet", "delayed mail",
        "delivery status notification (delay)", "warning: message", "no action is required on your part",
        "will retry for", "will be attempted again",
    ];

    // Phrases that say the opposite, so that "we will not retry" in a final notice never reads as a delay.
    private static readonly string[] GaveUpPhrases =
    [
        "permanent error", "permanently", "i've given up", "i have given up", "giving up", "gave up", "will not retry",
        "won't retry", "has been rejected", "could not be delivered", "undeliverable", "delivery has failed",
        "failed to deliver",
    ];

    // One vectorized pass each, case-insensitive, over the notice's head: most bounces are no warning at all.
    private static readonly System.Buffers.SearchValues<string> Warnings =
        System.Buffers.SearchValues.Create(WarningPhrases, StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<string> GaveUp =
        System.Buffers.SearchValues.Create(GaveUpPhrases, StringComparison.OrdinalIgnoreCase);

    /// <summary>The notice (subject and text of a bounce without an Action field) says the sender is still trying.</summary>
    public static bool IsWarning(string subject, string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096));
        return (subject.AsSpan().ContainsAny(Warnings) || head.ContainsAny(Warnings))
            && !subject.AsSpan().ContainsAny(GaveUp) && !head.ContainsAny(GaveUp);
    }

    /// <summary>Decides <see cref="Verdict"/> for one recipient's facts; fills in the Action the report left out.</summary>
    public static Verdict Decide(Fact fact, int? reply)
    {
        if (fact.Reason is Reason.Feedback or Reason.Vacation)
        {
            // A complaint or an auto-reply is about a message that was delivered: nothing failed, nothing is retried.
            return new Verdict(Delayed: false, Transient: false);
        }

        var delayed = fact.Delayed ?? (fact.Action == "delayed" || (fact.Action.Length == 0 && fact.Warning));
        if (fact.Action.Length == 0)
        {
            fact.Action = fact.Status.StartsWith('2') ? "delivered" : delayed ? "delayed" : "failed";
        }

        bool transient;
        if (delayed)
        {
            transient = true;
        }
        else if (fact.Status.Length > 0 && fact.Status[0] is '4' or '5')
        {
            transient = fact.Status[0] == '4';
        }
        else if (reply is >= 400 and < 600)
        {
            transient = reply < 500;
        }
        else
        {
            // No code at all: the notice's words. "This is a permanent error" outweighs a retry timeout it mentions.
            transient = StatusCodes.LooksTemporary(fact.Diagnostic)
                && !fact.Diagnostic.Contains("permanent", StringComparison.OrdinalIgnoreCase);
        }

        return new Verdict(delayed, transient);
    }


    /// <summary>The decision for one recipient.</summary>
    /// <param name="Delayed">The sender is still trying (nothing has failed yet).</param>
    /// <param name="Transient">
    /// The failure is of the transient class (a delay, or a 4.X.X / 4xx that ran out of time): never a hard bounce.
    /// </param>
    internal readonly record struct Verdict(bool Delayed, bool Transient)
    {
        public bool Permanent => !Transient;
    }
}
