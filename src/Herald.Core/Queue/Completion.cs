using Herald.Core.Feedback;

namespace Herald.Core.Queue;

/// <summary>What storing an attempt's transition found.</summary>
/// <param name="Applied">False when the lease was lost (another claim or completion won) and nothing changed.</param>
/// <param name="Address">
/// For a delivered message whose transition was applied: the address's ledger and whether its domain has an open
/// incident, read after the transition was stored, in the same round trip. What <see cref="FeedbackService"/> checks
/// before it clears anything; null otherwise.
/// </param>
public sealed record Completion(bool Applied, LedgerWithDomain? Address = null)
{
    public static readonly Completion LeaseLost = new(false);
}
