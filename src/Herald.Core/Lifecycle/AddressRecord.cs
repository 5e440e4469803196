using Herald.Core.Feedback;

namespace Herald.Core.Lifecycle;

/// <summary>What the suppression ledger holds about one address: its current state and its history.</summary>
public sealed record AddressRecord(string Address, AddressLedger Ledger, IReadOnlyList<LedgerEntry> History);
