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
    /// The ledger of <paramref name="address"/> (empty when Herald knows nothing of it) and the suppression kept for an
    /// erased address under <paramref name="fingerprint"/>, in one read: every message is checked against both at intake
    /// and again before it is sent, and on PostgreSQL each read is a round trip.
    /// </summary>
    Task<LedgerAndKept> LedgerAndKeptAsync(string address, string fingerprint, CancellationToken cancellationToken);
}
