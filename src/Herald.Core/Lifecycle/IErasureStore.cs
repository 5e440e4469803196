namespace Herald.Core.Lifecycle;

/// <summary>Erasure of one person's data (port): GDPR article 17.</summary>
public interface IErasureStore
{
    /// <summary>
    /// In one transaction: removes the recipient, its preferences and verification rows, and for every address its
    /// messages and timelines (template data, request hashes), ledger and history, block hits and webhook rows; keeps the
    /// suppressions <see cref="Erasure.Keep"/> chose under their fingerprint; records the erasure's id, time and actor.
    /// Erasing what is already gone succeeds and removes nothing.
    /// </summary>
    Task<ErasureReceipt> EraseAsync(Erasure erasure, CancellationToken cancellationToken);

    /// <summary>
    /// For each of <paramref name="addresses"/>, in their order: its ledger (empty when Herald knows nothing of it) and the
    /// suppression kept for an erased address under its fingerprint, all in one read: every message is checked against
    /// both at intake and again before it is sent, on PostgreSQL each read is a round trip, and a batch of 500 messages
    /// reads them for all its addresses at once.
    /// </summary>
    Task<IReadOnlyList<LedgerAndKept>> LedgersAndKeptAsync(IReadOnlyList<ErasedAddress> addresses, CancellationToken cancellationToken);
}
