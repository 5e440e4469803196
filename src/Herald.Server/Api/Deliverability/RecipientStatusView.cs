using Herald.Core.Feedback;

namespace Herald.Server.Api.Deliverability;

/// <summary>GET /v1/recipients/{address}/status: ok, suspended (yellow box) or problem (gray box), and whether to show a banner.</summary>
public sealed record RecipientStatusView(string Address, string Status, bool ShowBanner, SuspensionView? Suspension, ProblemView? Problem)
{
    public static RecipientStatusView From(Core.Feedback.Deliverability d)
    {
        var s = d.Suspension;
        var verdict = d.Unblock;
        var suspension = s is null ? null : new SuspensionView(s.Reason.ToWire(), s.Source.ToWire(), s.Since, s.ExpiresAt, s.Summary, s.Evidence,
            s.EvidenceMessageId, s.Scenario.ToWire(), verdict?.Allowed ?? false, verdict?.Refusal, verdict?.NotBefore);
        var p = d.Ledger.Problem;
        var problem = p is null ? null : new ProblemView(p.Reply, p.At, p.Scenario.ToWire(), p.Actor.ToWire(), p.Named, p.Summary,
            p.RecipientSteps, p.ItSteps, p.Links, p.MessageId, p.IncidentId);
        return new RecipientStatusView(d.Ledger.Address, d.State.ToWire(), d.ShowBanner, suspension, problem);
    }
}
