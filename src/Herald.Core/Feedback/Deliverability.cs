using Herald.Bounces;

namespace Herald.Core.Feedback;

/// <summary>An address's standing at one moment, decided here once for every view of it.</summary>
/// <param name="Suspension">The suspension in force, if any.</param>
/// <param name="Unblock">Whether the owner may lift the suspension now (and if not, why and from when); null when not suspended.</param>
/// <param name="ShowBanner">"We're having trouble emailing you": the owner or their IT must act.</param>
public sealed record Deliverability(AddressLedger Ledger, DeliverabilityState State, bool ShowBanner, Suspension? Suspension, UnblockVerdict? Unblock)
{
    public static Deliverability Of(AddressLedger ledger, DateTimeOffset now, UnblockPolicy unblocks)
    {
        var suspension = ledger.SuspensionAt(now);
        var problem = ledger.Problem;
        var state = suspension is not null ? DeliverabilityState.Suspended : problem is not null ? DeliverabilityState.Problem : DeliverabilityState.Ok;
        // A problem nobody has to act on (greylisting, a busy server) clears by itself within minutes: no banner for it.
        var banner = suspension is not null || (problem is not null && problem.Actor != Actor.Nobody);
        return new Deliverability(ledger, state, banner, suspension, suspension is null ? null : unblocks.Verdict(ledger, now));
    }
}
