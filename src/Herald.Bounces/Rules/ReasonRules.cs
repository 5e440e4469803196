using Herald.Bounces.Readers;

namespace Herald.Bounces.Rules;

/// <summary>
/// Decides the reason of one recipient from its status code, reply code, SMTP command and diagnostic text.
/// The order of checks follows the way Sisimai (reason/find) resolves conflicts, so that results compare with
/// its labels: first the checks that look at the code and the text together, then text-only phrases, then the
/// status class, and only then the generic fallbacks (expired for delayed, onhold when text exists).
/// </summary>
internal static class ReasonRules
{
    // A reason decided by a reader is kept unless it is one of these weak ones, which a code or phrase may refine.
    // A pattern, not a HashSet<Reason>: that generic over our enum is in no ReadyToRun image (ReasonTable).
    private static bool Refinable(Reason reason) => reason is
        Reason.Undefined or Reason.OnHold or Reason.SystemError or Reason.SecurityError or Reason.Expired
        or Reason.NetworkError or Reason.HostUnknown or Reason.UserUnknown;

    private static readonly Reason[] FirstPass =
    [
        Reason.MailboxFull, Reason.MesgTooBig, Reason.ExceedLimit, Reason.Suspend, Reason.HasMoved, Reason.NoRelaying,
        Reason.AuthFailure, Reason.UserUnknown, Reason.Filtered, Reason.RequirePtr, Reason.NotCompliantRfc,
        Reason.BadReputation, Reason.ContentError, Reason.Rejected, Reason.HostUnknown, Reason.SpamDetected,
        Reason.Speeding, Reason.TooManyConn, Reason.Blocked,
    ];

    private static readonly Reason[] TextPass =
    [
        Reason.MailboxFull, Reason.AuthFailure, Reason.BadReputation, Reason.Speeding, Reason.SpamDetected,
        Reason.VirusDetected, Reason.PolicyViolation, Reason.NoRelaying, Reason.SystemError, Reason.NetworkError,
        Reason.Suspend, Reason.ContentError, Reason.SystemFull, Reason.NotAccept, Reason.Expired,
        Reason.FailedStartTls, Reason.SecurityError, Reason.Suppressed, Reason.MailerError,
    ];

    // Phrases that look like "rejected" but name the recipient, not the sender (reason-phrases.tsv "rejected!").
    private static readonly int RejectedVeto = PhraseTable.KeyOf("rejected!");

    private static readonly HashSet<string> BeforeData = ["CONN", "EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT"];

    public static Reason Decide(Fact fact) => Decide(fact, fact.Diagnostic.ToLowerInvariant());

    public static Reason Decide(Fact fact, string lowered)
    {
        if (fact.Reason is { } preset && (fact.ReasonIsFinal || !Refinable(preset)))
        {
            return preset;
        }

        if (fact.Status.StartsWith("2.", StringComparison.Ordinal))
        {
            return Reason.Delivered;
        }

        var text = new PhraseMatcher(lowered);
        Reason? found = null;
        if (fact.DiagnosticType is "SMTP" or "")
        {
            foreach (var candidate in FirstPass)
            {
                if (Probe(candidate, fact, text))
                {
                    found = candidate;
                    break;
                }
            }
        }

        if (found is null && fact.Reason is { } explicitReason && explicitReason is not (Reason.Undefined or Reason.OnHold))
        {
            // A reader's reason that the first pass did not overrule stands (Sisimai reason/find "anotherone").
            return explicitReason;
        }

        if (found is null)
        {
            found = Another(fact, text);
            if (found is null && fact.Action == "delayed")
            {
                found = Reason.Expired;
            }

            if (found is null && fact.Reason is { } weak && weak != Reason.Undefined)
            {
                found = weak;
            }

            found ??= text.Has(Reason.Vacation) ? Reason.Vacation
                : text.Text.Length > 0 ? Reason.OnHold : Reason.Undefined;
        }

        return found.Value;
    }

    private static Reason? Another(Fact fact, PhraseMatcher text)
    {
        var byStatus = StatusCodes.NameOf(fact.Status);
        if (byStatus is null || Refinable(byStatus.Value) || fact.DiagnosticType != "SMTP")
        {
            foreach (var candidate in TextPass)
            {
                if (text.Has(candidate))
                {
                    return candidate;
                }
            }

            if (byStatus is { } s)
            {
                return s;
            }

            if (fact.Status.Length > 3)
            {
                var subject = fact.Status.AsSpan(1, 2);
                if (subject is ".6")
                {
                    return Reason.ContentError;
                }

                if (subject is ".7")
                {
                    return Reason.SecurityError;
                }
            }

            if (fact.DiagnosticType.StartsWith("X-UNIX", StringComparison.Ordinal))
            {
                return Reason.MailerError;
            }

            if (IsSyntaxReply(fact.ReplyCode))
            {
                return Reason.SyntaxError;
            }

            if (fact.Action is "delayed" or "expired")
            {
                return Reason.Expired;
            }

            if (fact.Command is "EHLO" or "HELO")
            {
                return Reason.Blocked;
            }
        }

        return byStatus;
    }

    private static bool IsSyntaxReply(string reply) =>
        int.TryParse(reply, out var code) && (code is > 400 and < 408 || code is > 500 and < 508);

    private static bool Probe(Reason reason, Fact fact, PhraseMatcher text)
    {
        var byStatus = StatusCodes.NameOf(fact.Status);
        switch (reason)
        {
            case Reason.MailboxFull:
                return byStatus == reason || text.Has(reason);
            case Reason.MesgTooBig:
                if (byStatus == reason)
                {
                    return true;
                }

                return byStatus != Reason.ExceedLimit && fact.Status != "5.2.3" && text.Has(reason);
            case Reason.ExceedLimit or Reason.AuthFailure or Reason.RequirePtr or Reason.TooManyConn or Reason.Blocked:
                return byStatus == reason || text.Has(reason);
            case Reason.Suspend:
                return fact.ReplyCode == "525" || text.Has(reason);
            case Reason.HasMoved or Reason.NotCompliantRfc or Reason.BadReputation or Reason.Speeding:
                return text.Has(reason);
            case Reason.NoRelaying:
                return fact.Command is not ("CONN" or "EHLO" or "HELO") && text.Has(reason);
            case Reason.UserUnknown:
                return ProbeUserUnknown(fact, byStatus, text);
            case Reason.Filtered:
                if (byStatus == Reason.Filtered)
                {
                    return text.Has(Reason.UserUnknown) || text.Has(reason);
                }

                return !BeforeData.Contains(fact.Command)
                    && (text.Has(reason) || text.Has(Reason.UserUnknown));
            case Reason.ContentError:
                if (Probe(Reason.SpamDetected, fact, text))
                {
                    return false;
                }

                return byStatus == reason || text.Has(reason);
            case Reason.Rejected:
                return ProbeRejected(fact, byStatus, text);
            case Reason.HostUnknown:
                return byStatus == reason
                    ? !text.Has(Reason.NetworkError)
                    : text.Has(reason);
            case Reason.SpamDetected:
                if (fact.Status.Length == 0)
                {
                    return false;
                }

                return byStatus == reason || (!BeforeData.Contains(fact.Command) && text.Has(reason));
            default:
                return false;
        }
    }

    private static bool ProbeUserUnknown(Fact fact, Reason? byStatus, PhraseMatcher text)
    {
        if (byStatus == Reason.UserUnknown)
        {
            Reason[] vetoes = [Reason.NoRelaying, Reason.Blocked, Reason.MailboxFull, Reason.HasMoved, Reason.Rejected, Reason.NotAccept];
            foreach (var veto in vetoes)
            {
                if (veto == Reason.Rejected ? IncludesRejected(text) : text.Has(veto))
                {
                    return false;
                }
            }

            return true;
        }

        // An unknown command is most often RCPT: MTAs that do not say which command failed report recipients.
        return fact.Command is "RCPT" && text.Has(Reason.UserUnknown);
    }

    private static bool ProbeRejected(Fact fact, Reason? byStatus, PhraseMatcher text)
    {
        if (byStatus == Reason.Rejected)
        {
            return true;
        }

        if (fact.Command == "MAIL")
        {
            return IncludesRejected(text);
        }

        if (fact.Command == "DATA" && byStatus != Reason.UserUnknown)
        {
            return IncludesRejected(text);
        }

        if (byStatus is null or Reason.OnHold or Reason.Undefined or Reason.SecurityError or Reason.SystemError)
        {
            return IncludesRejected(text);
        }

        return false;
    }

    private static bool IncludesRejected(PhraseMatcher text) =>
        text.Has(Reason.Rejected) && !text.HasKey(RejectedVeto);
}
