using Herald.Core.Feedback;

namespace Herald.Core.Lifecycle;

/// <summary>
/// The two sources of an address's suspension, read together: its ledger, and the suppression kept under its
/// fingerprint when an earlier owner of the address was erased (null when none).
/// </summary>
public sealed record LedgerAndKept(AddressLedger Ledger, ErasedSuppression? Kept);
