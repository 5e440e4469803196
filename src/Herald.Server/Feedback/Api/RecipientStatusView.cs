using Herald.Core.Feedback;

namespace Herald.Server.Feedback.Api;

/// <summary>GET /v1/recipients/{address}/status: ok, suspended (yellow box) or problem (gray box), and whether to show a banner.</summary>
public sealed record RecipientStatusView(string Address, string Status, bool ShowBanner, SuspensionView? Suspension, ProblemView? Problem)
{
    public static RecipientStatusView From(AddressLedger ledger, DateTimeOffset now, UnblockPolicy unblocks)
    {
        var s = ledger.SuspensionAt(now);
        SuspensionView? suspension = null;
        if (s is not null)
        {
            var verdict = unblocks.Verdict(ledger, now);
            suspension = new SuspensionView(s.Reason.ToWire(), s.Source.ToWire(), s.Since, s.ExpiresAt, s.Summary, s.Evidence,
                s.EvidenceMessageId, s.Scenario.ToWire(), verdict.Allowed, verdict.Refusal, verdict.NotBefore);
        }

        var p = ledger.Problem;
        var problem = p is null ? null : new ProblemView(p.Reply, p.At, p.Scenario.ToWire(), p.Actor.ToWire(), p.Named, p.Summary,
            p.RecipientSteps, p.ItSteps, p.Links, p.MessageId, p.IncidentId);
        var status = suspension is not null ? "suspended" : problem is not null ? "problem" : "ok";
        // A problem nobody has to act on (greylisting, a busy server) clears by itself within minutes: no banner for it.
        var banner = suspension is not null || (p is not null && p.Actor != Herald.Bounces.Actor.Nobody);
        return new RecipientStatusView(ledger.Address, status, banner, suspension, problem);
    }
}
