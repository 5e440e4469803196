using Herald.Core.Feedback;

namespace Herald.Core.Lifecycle;

/// <summary>
/// One erasure, as the store applies it in one transaction: the recipient (when known) and every address to forget.
/// For each address the store reads its ledger and asks <paramref name="Keep"/> (the suppression policy) which
/// suppression must survive; it stores that one under the address's fingerprint.
/// </summary>
/// <param name="Id">Names the erasure in the audit and in the answer to the operator.</param>
/// <param name="Actor">Who asked (the API key's name): the audit keeps who and when, never what.</param>
public sealed record Erasure(
    string Id,
    string? RecipientId,
    IReadOnlyList<ErasedAddress> Addresses,
    string Actor,
    DateTimeOffset At,
    Func<AddressLedger, ErasedSuppression?> Keep);
