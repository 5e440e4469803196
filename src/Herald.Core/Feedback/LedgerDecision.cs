namespace Herald.Core.Feedback;

/// <summary>What the policy decided: the address's next state, the audit lines and the notices, stored together.</summary>
public sealed record LedgerDecision(AddressLedger Next, IReadOnlyList<LedgerEntry> History, IReadOnlyList<FeedbackNotice> Notices)
{
    public static LedgerDecision Unchanged(AddressLedger current) => new(current, [], []);
}
