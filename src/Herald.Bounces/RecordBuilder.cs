using Herald.Bounces.Explanations;
using Herald.Bounces.Readers;
using Herald.Bounces.Rules;

namespace Herald.Bounces;

/// <summary>Completes a reader's <see cref="Fact"/> (codes from the text, reason, internal status) into a record.</summary>
internal static class RecordBuilder
{
    public static BounceRecord Build(Fact fact)
    {
        var lowered = fact.Diagnostic.ToLowerInvariant();
        Complete(fact, lowered);
        if (fact.Reason is null or Reason.Undefined or Reason.OnHold && ProviderRules.Find(fact, lowered) is { } byProvider)
        {
            (fact.Reason, fact.ReasonIsFinal) = byProvider;
        }

        var reply = int.TryParse(fact.ReplyCode, out var code) ? code : (int?)null;
        var verdict = Permanence.Decide(fact, reply);
        var reason = ReasonRules.Decide(fact, lowered);
        var status = fact.Status;
        if (status.Length == 0 && reason is not (Reason.Feedback or Reason.Vacation or Reason.Delivered))
        {
            // No code in the report: carry one that names the reason (Sisimai's 5.0.9xx convention), of the class the
            // verdict gave. Exim reports expiries and full mailboxes after retrying (temporary), and a refusal of MAIL
            // FROM as undecided.
            var exim = fact.Family == "exim";
            status = StatusCodes.InternalCode(exim && fact.Command == "MAIL" ? Reason.OnHold : reason,
                verdict.Transient || (exim && reason is Reason.Expired or Reason.MailboxFull));
        }

        var (scenario, actor, suppress, named) = ScenarioRules.Decide(reason, lowered, verdict.Transient);
        return new BounceRecord
        {
            Recipient = fact.Recipient,
            Action = fact.Action,
            Status = status,
            ReplyCode = reply,
            Diagnostic = fact.Diagnostic,
            RemoteMta = fact.RemoteMta,
            Reason = reason,
            HardBounce = !verdict.Delayed && SisimaiHardBounce(reason, status, reply),
            Delayed = verdict.Delayed,
            Permanent = verdict.Permanent && reason is not (Reason.Delivered or Reason.Vacation or Reason.Feedback),
            FeedbackType = fact.FeedbackType,
            Scenario = scenario,
            Named = named,
            Actor = actor,
            Suppress = suppress,
            Links = Links.In(fact.Diagnostic),
            Explanation = ExplanationWriter.Write(scenario, fact.Recipient, named, verdict.Delayed, Families.IsDns(lowered)),
        };
    }

    /// <summary>
    /// Sisimai's hardbounce: the address itself is bad (userunknown, hostunknown, hasmoved, and notaccept with a
    /// permanent reply). Only for comparison with Sisimai; Herald decides with <see cref="ScenarioFacts"/>.
    /// </summary>
    private static bool SisimaiHardBounce(Reason reason, string status, int? replyCode) => reason switch
    {
        Reason.UserUnknown or Reason.HostUnknown or Reason.HasMoved => true,
        Reason.NotAccept => !(status.StartsWith('4') || replyCode is >= 400 and < 500),
        _ => false,
    };

    private static void Complete(Fact fact, string lowered)
    {
        if (fact.Reason is Reason.Feedback or Reason.Vacation)
        {
            return;
        }

        if (fact.ReplyCode.Length == 0)
        {
            fact.ReplyCode = StatusCodes.FindReplyCode(fact.Diagnostic);
        }

        fact.Status = StatusCodes.Prefer(fact.Status, StatusCodes.Find(fact.Diagnostic), fact.ReplyCode);

        if (fact.Command.Length == 0)
        {
            fact.Command = DiagnosticText.Command(lowered);
        }

        if (fact.RemoteMta.Length == 0)
        {
            fact.RemoteMta = DiagnosticText.RemoteHost(fact.Diagnostic);
        }

        if (fact.DiagnosticType.Length == 0 && fact.ReplyCode.Length > 0)
        {
            fact.DiagnosticType = "SMTP";
        }

    }
}
