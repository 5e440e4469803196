using Herald.Bounces;
using Herald.Core.Lifecycle;

namespace Herald.Core.Feedback;

/// <summary>
/// The suppression policy (pure: no IO, no clock): from an address's ledger and one piece of feedback, its next state.
/// Only what is the address's own fault suspends it (Postal suspends users for Gmail reputation blocks and listmonk
/// counts out-of-office replies as bounces; both blame the user for the sender's or a holiday's doing).
/// </summary>
public sealed class SuppressionPolicy(SuppressionPolicyOptions options)
{
    public SuppressionPolicyOptions Options { get; } = options;

    /// <summary>
    /// Which suppression outlives the erasure of its address: one in force for a hard bounce or a complaint. Writing again
    /// to a mailbox that does not exist hurts the sender's reputation, and writing to someone who reported Herald's mail as
    /// spam is what the complaint asked to stop (RFC 6449 3.2; Postmark and SES keep such addresses suppressed after a
    /// deletion request). Soft-failure, auto-responder, provider and operator suspensions are forgotten with the address.
    /// </summary>
    public static ErasedSuppression? SurvivingErasure(AddressLedger ledger, DateTimeOffset now) =>
        ledger.SuspensionAt(now) is { Reason: SuppressionReason.HardBounce or SuppressionReason.Complaint } s ? ErasedSuppression.Of(s) : null;

    /// <param name="incidentId">The domain incident this block belongs to, when the store found one (see docs/suppression-policy.md).</param>
    public LedgerDecision Apply(AddressLedger current, FeedbackSignal signal, string? incidentId = null)
    {
        var now = signal.At;
        var history = new List<LedgerEntry>();
        var notices = new List<FeedbackNotice>();
        var next = Expire(current, now, history);
        switch (signal.Kind)
        {
            case FeedbackKind.Delivered when signal.MessageId is { } id && next.Suspension?.EvidenceMessageId == id:
                // A bounce or complaint about this very message came back before its 250 was stored (a DSN that raced
                // the attempt's commit): the report is the later news (RFC 5321 section 6.1, ReportedStatus), so the
                // delivery neither clears the address nor is announced after the application heard of the report.
                break;
            case FeedbackKind.Delivered:
                notices.Add(Notice("delivered", signal, null, null));
                if (next.Problem is not null)
                {
                    history.Add(Entry(next, now, "cleared", null, signal.Source, "a delivery succeeded", signal.MessageId));
                }

                if (next.PendingProbeId is { } pending && pending == signal.MessageId)
                {
                    history.Add(Entry(next, now, "probe-delivered", null, signal.Source, "the deliverability probe was delivered", signal.MessageId));
                    next = next with { PendingProbeId = null };
                }

                if (next.Problem is not null || next.SoftFailures > 0)
                {
                    var undo = next.SoftFailures > 0 && signal.MessageId is { } delivered ? new StreakUndo(delivered, next.SoftFailures, next.SoftFailuresSince) : null;
                    next = next with { Problem = null, SoftFailures = 0, SoftFailuresSince = null, Undo = undo };
                }

                break;
            case FeedbackKind.Complaint:
                notices.Add(Notice("complained", signal, signal.Record?.FeedbackType, null));
                next = Suspend(next, signal, SuppressionReason.Complaint, null, history, notices);
                break;
            case FeedbackKind.ProviderSuppressed:
                next = Suspend(next, signal, SuppressionReason.ProviderSuppressionList, null, history, notices);
                break;
            case FeedbackKind.AutoReply:
                next = AutoReply(next, signal, history, notices);
                break;
            case FeedbackKind.Bounce when signal.Record is { } record:
                next = Bounce(next, signal, record, incidentId, history, notices);
                break;
        }

        return new LedgerDecision(next, history, notices);
    }

    /// <summary>A temporary suspension whose expiry passed ends here, with its own audit line.</summary>
    public static AddressLedger Expire(AddressLedger current, DateTimeOffset now, List<LedgerEntry> history)
    {
        if (current.Suspension is { ExpiresAt: { } end } s && end <= now)
        {
            history.Add(Entry(current, end, "expired", s.Reason.ToWire(), "herald", "temporary suspension ended; Herald tries again", null));
            return current with { Suspension = null, SoftFailures = 0, SoftFailuresSince = null };
        }

        return current;
    }

    private AddressLedger Bounce(AddressLedger next, FeedbackSignal signal, BounceRecord record, string? incidentId, List<LedgerEntry> history, List<FeedbackNotice> notices)
    {
        var now = signal.At;
        if (!signal.Temporary)
        {
            notices.Add(Notice(signal.Returned ? "bounced" : "failed", signal, record.Reason.ToString(), Evidence(record)));
        }

        var facts = ScenarioFacts.Of(record.Scenario);
        // Permanent is the classifier's one decision (RFC 3464 Action, then RFC 3463 class): a 4.X.X that ran out of
        // time is final for this message but says nothing permanent about the address.
        if (facts.Hard && !signal.Temporary && record.Permanent)
        {
            return Suspend(next, signal, SuppressionReason.HardBounce, null, history, notices);
        }

        if (record.Scenario is Scenario.Complaint)
        {
            return Suspend(next, signal, SuppressionReason.Complaint, null, history, notices);
        }

        var problem = new AddressProblem(Evidence(record), now, record.Scenario, record.Actor, record.Named, record.Links,
            signal.MessageId, record.Explanation.Summary, record.Explanation.RecipientSteps, record.Explanation.ItSteps, incidentId);
        if (next.Problem is not { } previous || previous.Reply != problem.Reply || previous.IncidentId != incidentId)
        {
            // Retries of the same block repeat the same reply: one audit line per new problem, not one per attempt.
            history.Add(Entry(next, now, "problem", record.Scenario.ToWire(), signal.Source,
                incidentId is null ? Evidence(record) : $"domain incident {incidentId}: {Evidence(record)}", signal.MessageId));
            // The gray box changed: the application may want to show it in its own UI (issue 15), once per new problem too.
            notices.Add(Notice("problem", signal, record.Scenario.ToWire(), Evidence(record)));
        }

        next = next with { Problem = problem };
        if (!facts.CountsAgainstAddress)
        {
            // Reputation, policy, authentication and gateway blocks are never the address's fault: record, retry, never suspend.
            return next;
        }

        if (signal.Returned && next.Undo is { } undo && undo.MessageId == signal.MessageId)
        {
            next = next with { SoftFailures = undo.Count, SoftFailuresSince = undo.Since, Undo = null };
        }

        var since = next.SoftFailures == 0 ? now : next.SoftFailuresSince ?? now;
        next = next with { SoftFailures = next.SoftFailures + 1, SoftFailuresSince = since };
        if (next.SoftFailures >= Options.SoftFailures && now - since >= Options.SoftFailureSpan && next.SuspensionAt(now) is null)
        {
            return Suspend(next, signal, SuppressionReason.PersistentSoftFailure, now + Options.SoftSuspension, history, notices);
        }

        return next;
    }

    private AddressLedger AutoReply(AddressLedger next, FeedbackSignal signal, List<LedgerEntry> history, List<FeedbackNotice> notices)
    {
        var now = signal.At;
        var sightings = next.AutoReplies.Where(s => now - s.At <= Options.AutoReplyMemory).ToList();
        var key = signal.MessageId ?? $"unknown:{now.ToUnixTimeMilliseconds()}";
        if (sightings.All(s => s.MessageId != key))
        {
            sightings.Add(new Sighting(key, now));
        }

        history.Add(Entry(next, now, "auto-replied", null, signal.Source, Evidence(signal.Record), signal.MessageId));
        next = next with { AutoReplies = sightings };
        var span = sightings.Count == 0 ? TimeSpan.Zero : sightings.Max(s => s.At) - sightings.Min(s => s.At);
        // The owner is told what was seen (how many replies over how long), not the default span: an operator who sets
        // AutoReplySpan to 3 days must not have Herald say "more than a week" (issue 16).
        return sightings.Count >= Options.AutoReplyMessages && span >= Options.AutoReplySpan
            ? Suspend(next, signal, SuppressionReason.AutoResponder, null, history, notices, AutoReplyExplanation(sightings.Count, span))
            : next;
    }

    private static AddressLedger Suspend(AddressLedger next, FeedbackSignal signal, SuppressionReason reason, DateTimeOffset? expiresAt,
        List<LedgerEntry> history, List<FeedbackNotice> notices, string? explanation = null)
    {
        var now = signal.At;
        var current = next.SuspensionAt(now);
        // A stronger reason replaces a weaker one (a complaint outranks a bounce: the owner may not lift it); the same
        // or a weaker reason keeps the original "since", so the yellow box keeps telling the first cause.
        if (current is not null && Rank(current.Reason) >= Rank(reason))
        {
            return next;
        }

        var source = signal.Source == "herald" ? SuppressionSource.Policy : SuppressionSource.Provider;
        var record = signal.Record;
        var suspension = new Suspension(reason, source, now, expiresAt, Evidence(record), signal.MessageId,
            record?.Scenario ?? Scenario.Unknown, explanation ?? Explain(reason, record));
        history.Add(Entry(next, now, "suspended", reason.ToWire(), signal.Source, suspension.Evidence, signal.MessageId));
        notices.Add(Notice("suppressed", signal, reason.ToWire(), suspension.Summary));
        return next with { Suspension = suspension, PendingProbeId = null };
    }

    private static int Rank(SuppressionReason reason) => reason switch
    {
        SuppressionReason.PersistentSoftFailure => 0,
        SuppressionReason.AutoResponder => 1,
        SuppressionReason.HardBounce or SuppressionReason.ProviderSuppressionList => 2,
        SuppressionReason.Operator => 3,
        SuppressionReason.Complaint => 4,
        _ => 0,
    };

    /// <summary>The evidence exactly as received: the diagnostic (raw reply) when there is one.</summary>
    public static string Evidence(BounceRecord? record) => record is null ? "" :
        record.Diagnostic.Length > 0 ? record.Diagnostic : $"{record.ReplyCode} {record.Status}".Trim();

    /// <summary>The auto-responder's yellow box, in the numbers that decided it.</summary>
    public static string AutoReplyExplanation(int replies, TimeSpan span) =>
        $"An automatic reply has answered {replies} of our emails over {Span(span)}, so it looks like nobody reads this mailbox.";

    private static string Span(TimeSpan span) => span.TotalDays >= 1
        ? $"{(int)span.TotalDays} day{(span.TotalDays >= 2 ? "s" : "")}"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours} hour{(span.TotalHours >= 2 ? "s" : "")}" : $"{Math.Max(1, (int)span.TotalMinutes)} minutes";

    public static string Explain(SuppressionReason reason, BounceRecord? record) => reason switch
    {
        SuppressionReason.HardBounce => "Emails to this address bounced: the receiving server says the mailbox or its domain does not exist. " +
            "This often means a typo in the address, or an alias without an inbox behind it.",
        SuppressionReason.AutoResponder => "An automatic reply has been answering our emails for days, so it looks like nobody reads this mailbox.",
        SuppressionReason.Complaint => "Our email to this address was reported as spam, so we stopped sending. Only our support team can turn it back on.",
        SuppressionReason.PersistentSoftFailure => record?.Scenario == Scenario.AccountDisabled
            ? "The receiving server has said for several days that this mailbox is disabled. We will try again later."
            : "The mailbox has been full for several days. We will try again later; emptying it helps.",
        SuppressionReason.ProviderSuppressionList => "Our email provider refused to send to this address because it bounced or complained before.",
        SuppressionReason.Operator => "Our support team turned off email to this address.",
        _ => "Email to this address is turned off.",
    };

    private static FeedbackNotice Notice(string type, FeedbackSignal signal, string? reason, string? detail) =>
        new(type, signal.Address, signal.At, signal.MessageId, reason, detail);

    public static LedgerEntry Entry(AddressLedger ledger, DateTimeOffset at, string action, string? reason, string actor, string? detail, string? messageId) =>
        new(ledger.Address, at, action, reason, actor, detail, messageId);
}
