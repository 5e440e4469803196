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

        var reason = ReasonRules.Decide(fact, lowered);
        var reply = int.TryParse(fact.ReplyCode, out var code) ? code : (int?)null;
        // The failure's class (a 4xx-like story) picks the scenario; whether the sender still retries is Delayed below.
        var temporary = fact.Status.StartsWith('4') || reply is >= 400 and < 500 || fact.Action == "delayed" || fact.Delayed == true
            || (fact.Status.Length == 0 && reply is null && StatusCodes.LooksTemporary(fact.Diagnostic));
        var status = fact.Status;
        if (status.Length == 0 && reason is not (Reason.Feedback or Reason.Vacation or Reason.Delivered))
        {
            // No code in the report: carry one that names the reason (Sisimai's 5.0.9xx convention). Exim reports
            // expiries and full mailboxes after retrying (temporary), and a refusal of MAIL FROM as undecided.
            var exim = fact.Family == "exim";
            status = StatusCodes.InternalCode(exim && fact.Command == "MAIL" ? Reason.OnHold : reason,
                temporary || (exim && reason is Reason.Expired or Reason.MailboxFull));
        }

        var (scenario, actor, suppress, named) = ScenarioRules.Decide(reason, lowered, temporary);
        return new BounceRecord
        {
            Recipient = fact.Recipient,
            Action = fact.Action,
            Status = status,
            ReplyCode = reply,
            Diagnostic = fact.Diagnostic,
            RemoteMta = fact.RemoteMta,
            Reason = reason,
            HardBounce = SisimaiHardBounce(reason, status, reply),
            Delayed = fact.Delayed ?? fact.Action.Equals("delayed", StringComparison.OrdinalIgnoreCase),
            FeedbackType = fact.FeedbackType,
            Scenario = scenario,
            Named = named,
            Actor = actor,
            Suppress = suppress,
            Links = Links.In(fact.Diagnostic),
            Explanation = ExplanationWriter.Write(scenario, fact.Recipient, named),
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

        if (fact.Action.Length == 0)
        {
            fact.Action = fact.Status.StartsWith('2') ? "delivered" : "failed";
        }
    }
}
