using Herald.Core.Events;

namespace Herald.Core.Feedback;

/// <summary>
/// One atomic change to an address: the store reads the ledger, runs <see cref="Decide"/> on it (with the domain
/// incident <see cref="Block"/> opened or joined, if any), and writes the next state, the audit lines, the events for the original
/// message and the outbox rows in the same transaction, so nothing is lost or half-applied on a crash.
/// </summary>
/// <param name="Decide">Pure: (ledger, incident id) to decision plus a result for the caller. Runs on the writer thread.</param>
/// <param name="Outbox">Turns the decision's notices into webhook rows (one per subscribed endpoint).</param>
public sealed record LedgerUpdate<T>(
    string Address,
    Func<AddressLedger, string?, (LedgerDecision Decision, T Result)> Decide,
    BlockHit? Block,
    IReadOnlyList<DeliveryEvent> MessageEvents,
    Func<IReadOnlyList<FeedbackNotice>, IReadOnlyList<OutboxMessage>> Outbox)
{
    /// <summary>The original message's status, corrected in the same transaction (a late bounce or complaint).</summary>
    public MessageStatusChange? StatusChange { get; init; }

    /// <summary>A delivery to the address's domain: its open incidents close in the same transaction (<see cref="IncidentLifecycle.Delivered"/>).</summary>
    public DomainDelivery? Delivery { get; init; }

    /// <summary>Turns the incidents' notices (opened, closed) into webhook rows, stored in the same transaction.</summary>
    public Func<IReadOnlyList<IncidentNotice>, IReadOnlyList<OutboxMessage>> IncidentOutbox { get; init; } = _ => [];
}
