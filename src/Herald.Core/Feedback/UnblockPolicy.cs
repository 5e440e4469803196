namespace Herald.Core.Feedback;

/// <summary>
/// What the owner and operators may do about a suspension. The owner may lift what was the address's own state
/// (a typo fixed, an inbox created), within limits so that a lift-bounce loop cannot hurt Herald's reputation; a
/// complaint or an operator's decision only an operator can lift, and every lift leaves an audit line.
/// </summary>
public sealed class UnblockPolicy(SuppressionPolicyOptions options)
{
    public UnblockVerdict Verdict(AddressLedger ledger, DateTimeOffset now)
    {
        if (ledger.SuspensionAt(now) is not { } s)
        {
            return new UnblockVerdict(false, "the address is not suspended", null);
        }

        if (s.Reason is SuppressionReason.Complaint or SuppressionReason.Operator)
        {
            return new UnblockVerdict(false, s.Reason == SuppressionReason.Complaint
                ? "the recipient reported our email as spam; only an operator can lift this"
                : "an operator suspended this address; only an operator can lift this", null);
        }

        var recent = ledger.Unblocks.Where(t => now - t < options.UnblockWindow).Order().ToList();
        if (recent.Count > 0 && now - recent[^1] < options.UnblockInterval)
        {
            return new UnblockVerdict(false, $"unblocked already on {recent[^1]:u}; at most once every {options.UnblockInterval.TotalDays:0} days",
                recent[^1] + options.UnblockInterval);
        }

        if (recent.Count >= options.UnblocksPerWindow)
        {
            var when = recent[^options.UnblocksPerWindow] + options.UnblockWindow;
            return new UnblockVerdict(false, $"unblocked {recent.Count} times in {options.UnblockWindow.TotalDays:0} days", when);
        }

        return UnblockVerdict.Yes;
    }

    /// <summary>The owner lifts the suspension; the caller then sends one deliverability probe and records its id.</summary>
    /// <param name="actor">How the audit names who asked: "owner via key:web-app".</param>
    public (UnblockVerdict Verdict, LedgerDecision Decision) Unblock(AddressLedger current, DateTimeOffset now, string actor = "owner")
    {
        var history = new List<LedgerEntry>();
        var ledger = SuppressionPolicy.Expire(current, now, history);
        var verdict = Verdict(ledger, now);
        if (!verdict.Allowed)
        {
            history.Add(SuppressionPolicy.Entry(ledger, now, "unblock-refused", ledger.Suspension?.Reason.ToWire(), actor, verdict.Refusal, null));
            return (verdict, new LedgerDecision(ledger, history, []));
        }

        var reason = ledger.Suspension!.Reason.ToWire();
        history.Add(SuppressionPolicy.Entry(ledger, now, "unblocked", reason, actor, "lifted by the owner; a deliverability probe follows", null));
        var unblocks = ledger.Unblocks.Where(t => now - t < options.UnblockWindow).Append(now).ToList();
        var next = ledger with { Suspension = null, Problem = null, SoftFailures = 0, SoftFailuresSince = null, AutoReplies = [], Unblocks = unblocks };
        return (verdict, new LedgerDecision(next, history, [new FeedbackNotice("unblocked", ledger.Address, now, null, reason, "owner")]));
    }

    /// <summary>Whether another deliverability probe may go out now, and if not, from when.</summary>
    public UnblockVerdict ProbeVerdict(AddressLedger ledger, DateTimeOffset now)
    {
        if (ledger.SuspensionAt(now) is not null)
        {
            return new UnblockVerdict(false, "the address is suspended; unblock it first", null);
        }

        var recent = ledger.Probes.Where(t => now - t < TimeSpan.FromDays(1)).Order().ToList();
        if (recent.Count > 0 && now - recent[^1] < options.ProbeInterval)
        {
            return new UnblockVerdict(false, "a probe email was sent moments ago", recent[^1] + options.ProbeInterval);
        }

        return recent.Count >= options.ProbesPerDay
            ? new UnblockVerdict(false, $"{recent.Count} probe emails in the last 24 hours", recent[^options.ProbesPerDay] + TimeSpan.FromDays(1))
            : UnblockVerdict.Yes;
    }

    /// <summary>Records a deliverability probe sent to the address.</summary>
    public static LedgerDecision ProbeSent(AddressLedger ledger, DateTimeOffset now, string messageId, string actor) => new(
        ledger with { Probes = ledger.Probes.Where(t => now - t < TimeSpan.FromDays(1)).Append(now).ToList(), PendingProbeId = messageId },
        [SuppressionPolicy.Entry(ledger, now, "probe-sent", null, actor, null, messageId)], []);

    /// <summary>An operator suspends an address by hand (support ticket, legal request).</summary>
    public static LedgerDecision OperatorAdd(AddressLedger current, DateTimeOffset now, string operatorName, string note, DateTimeOffset? expiresAt)
    {
        var suspension = new Suspension(SuppressionReason.Operator, SuppressionSource.Operator, now, expiresAt, note, null,
            Bounces.Scenario.Unknown, SuppressionPolicy.Explain(SuppressionReason.Operator, null));
        return new LedgerDecision(current with { Suspension = suspension, PendingProbeId = null },
            [SuppressionPolicy.Entry(current, now, "operator-added", "operator", $"operator:{operatorName}", note, null)],
            [new FeedbackNotice("suppressed", current.Address, now, null, "operator", note)]);
    }

    /// <summary>An operator lifts any suspension, complaints included; the audit line names them and their note.</summary>
    public static LedgerDecision OperatorRemove(AddressLedger current, DateTimeOffset now, string operatorName, string note)
    {
        if (current.Suspension is null)
        {
            return LedgerDecision.Unchanged(current);
        }

        var reason = current.Suspension.Reason.ToWire();
        return new LedgerDecision(current with { Suspension = null, SoftFailures = 0, SoftFailuresSince = null, AutoReplies = [] },
            [SuppressionPolicy.Entry(current, now, "operator-removed", reason, $"operator:{operatorName}", note, null)],
            [new FeedbackNotice("unblocked", current.Address, now, null, reason, $"operator:{operatorName}")]);
    }
}
